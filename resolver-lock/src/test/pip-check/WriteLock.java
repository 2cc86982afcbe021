import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionStatistics;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.version.Version;

/** Development check (see check.sh): writes requirements.txt and pylock.toml for make_index.py's wheels. */
public class WriteLock {
  public static void main(String[] args) throws Exception {
    String base = args[1];
    Map<ProjectName, List<DistributionFile>> files = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split("\t");
      ProjectName p = ProjectName.of(f[1]);
      files.computeIfAbsent(p, k -> new ArrayList<>()).add(new DistributionFile(p,
          Version.parse(f[2]), f[0], base + "/files/" + f[0], Map.of("sha256", f[3]), null, null,
          null, -1, null));
    }
    List<LockedPackage> packages = new ArrayList<>();
    List<DependencyEdge> edges = new ArrayList<>();
    List<Requirement> roots = new ArrayList<>();
    for (var e : files.entrySet()) {
      packages.add(new LockedPackage(e.getKey(), e.getValue().get(0).version(), e.getValue(),
          base + "/simple/", Set.of(), null));
      Requirement r = Requirement.parse(e.getKey().normalized());
      roots.add(r);
      edges.add(new DependencyEdge(null, e.getKey(), r));
    }
    Resolution res = new Resolution(roots, new TargetEnvironment(
        MarkerEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64), null),
        packages, edges, List.of(), new ResolutionStatistics(0, 0, 0, 0, 0, Duration.ZERO));
    LockOptions options = LockOptions.builder().inputFile("requirements.in").build();
    LockFiles.write(Path.of(args[2], "requirements.txt"), LockFiles.writeRequirementsTxt(res, options));
    LockFiles.write(Path.of(args[2], "pylock.toml"),
        LockFiles.writePylock(LockFiles.fromResolution(res, options)));
  }
}
