package org.pylock4j.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.sat.SatResolver;
import org.pylock4j.version.Version;

class BuildReportTest {

  @Test
  void pylockPackagesWithoutAWheelAreReported() {
    String toml = """
        lock-version = "1.0"
        created-by = "pylock4j"

        [[packages]]
        name = "docopt"
        version = "0.6.2"
        index = "https://pypi.org/simple/"

        [packages.sdist]
        name = "docopt-0.6.2.tar.gz"
        url = "https://files.example/docopt-0.6.2.tar.gz"
        hashes = { sha256 = "49b3a825280bd66b3aa83585ef59c4a8c82f2c8a522dbe754a8bc8d08c85c491" }

        [[packages]]
        name = "mytool"

        [packages.vcs]
        type = "git"
        url = "https://git.example/mytool.git"
        commit-id = "4c5f2a0e7d1b3c9a8f6e5d4c3b2a19087f6e5d4c"

        [[packages]]
        name = "six"
        version = "1.16.0"
        index = "https://pypi.org/simple/"

        [packages.sdist]
        name = "six-1.16.0.tar.gz"
        url = "https://files.example/six-1.16.0.tar.gz"
        hashes = { sha256 = "1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926" }

        [[packages.wheels]]
        name = "six-1.16.0-py2.py3-none-any.whl"
        url = "https://files.example/six-1.16.0-py2.py3-none-any.whl"
        hashes = { sha256 = "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254" }
        """;
    assertEquals(List.of(
        "docopt==0.6.2: no wheel, only the sdist docopt-0.6.2.tar.gz (installing it runs its build)",
        "mytool: no wheel, built from vcs https://git.example/mytool.git (installing it runs its build)"),
        BuildReport.of(LockFiles.readPylock(toml, "pylock.toml")).stream().map(BuildReport.Build::message).toList());
  }

  @Test
  void resolvedPackagesWithOnlyAnSdistAreReported() {
    ProjectName docopt = ProjectName.of("docopt");
    DistributionFile sdist = new DistributionFile(docopt, Version.parse("0.6.2"), "docopt-0.6.2.tar.gz",
        "https://files.example/docopt-0.6.2.tar.gz", Map.of("sha256", "49b3a825280bd66b3aa83585ef59c4a8c82f2c8a522dbe754a8bc8d08c85c491"),
        null, null, null, -1, Map.of());
    InMemoryPackageSource index = InMemoryPackageSource.builder()
        .version("six", "1.16.0")
        .file(sdist, new CoreMetadata("2.2", "docopt", "0.6.2", List.of(), null, List.of(), List.of()))
        .build();
    Resolution r = SatResolver.create().resolve(ResolutionRequest.builder()
        .target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64))
        .source(index)
        .requirement(Requirement.parse("six"))
        .requirement(Requirement.parse("docopt"))
        .build());
    assertEquals(List.of("docopt==0.6.2: no wheel, only the sdist docopt-0.6.2.tar.gz (installing it runs its build)"),
        BuildReport.of(r).stream().map(BuildReport.Build::message).toList());
  }
}
