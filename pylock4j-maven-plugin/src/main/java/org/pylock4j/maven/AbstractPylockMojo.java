package org.pylock4j.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.pylock4j.error.IndexException;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.input.PyprojectToml;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.Locker;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.SpecifierSet;

/**
 * What the goals share: the inputs of a lock, its indexes and target, and Maven's network
 * settings ({@code -o}, settings.xml servers). Each execution builds its own {@link Locker}, so
 * executions in a parallel build ({@code -T}) share nothing.
 */
abstract class AbstractPylockMojo extends AbstractMojo {

  /** The build session, injected by Maven. */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /** The project, injected by Maven. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** Decrypts settings.xml server passwords, injected by Maven. */
  @Component
  protected SettingsDecrypter settingsDecrypter;

  /** Skips the goal. */
  @Parameter(property = "pylock4j.skip", defaultValue = "false")
  protected boolean skip;

  /** PEP 508 requirement strings, e.g. {@code <requirement>jinja2>=3.1</requirement>}. */
  @Parameter
  protected List<String> requirements = new ArrayList<>();

  /** A pip requirements file ({@code requirements.in}) to lock. */
  @Parameter(property = "pylock4j.requirementsFile")
  protected File requirementsFile;

  /** A {@code pyproject.toml} whose {@code [project]} dependencies are locked. */
  @Parameter(property = "pylock4j.pyproject")
  protected File pyproject;

  /** Extras of the {@code pyproject} to include. */
  @Parameter
  protected List<String> extras = new ArrayList<>();

  /** PEP 735 dependency groups of the {@code pyproject} to include. */
  @Parameter
  protected List<String> groups = new ArrayList<>();

  /** A pip constraints file: limits versions without adding requirements. */
  @Parameter(property = "pylock4j.constraintsFile")
  protected File constraintsFile;

  /**
   * The primary index: a Simple API root, a {@code file:} URL or a directory. Default: the one
   * the inputs name, else {@code https://pypi.org/simple/}.
   */
  @Parameter(property = "pylock4j.indexUrl")
  protected String indexUrl;

  /** More indexes, searched after the primary one (first-index: never for a project it has). */
  @Parameter
  protected List<String> extraIndexUrls = new ArrayList<>();

  /** Named indexes, with logins from settings.xml servers and project pins; see {@link Index}. */
  @Parameter
  protected List<Index> indexes = new ArrayList<>();

  /** The Python version to lock for ({@code 3.12}, {@code 3.12.4}). Default: the lock's own. */
  @Parameter(property = "pylock4j.pythonVersion")
  protected String pythonVersion;

  /**
   * The platform to lock for with {@code pythonVersion}: {@code linux-x86_64} (the default),
   * {@code linux-aarch64}, {@code macos-arm64}, {@code macos-x86_64} or {@code windows-amd64}.
   */
  @Parameter(property = "pylock4j.platform")
  protected String platform;

  /**
   * Lock for every environment the project allows (PEP 751 markers on entries) instead of one
   * target. Implied by {@code requiresPython}, {@code environments} or {@code
   * requiredEnvironments}.
   */
  @Parameter(property = "pylock4j.universal", defaultValue = "false")
  protected boolean universal;

  /**
   * The Pythons a universal lock covers ({@code >=3.9}). Default: the {@code pyproject}'s
   * {@code requires-python}, else {@code >=X.Y} of {@code pythonVersion}, else {@code >=3.8}.
   */
  @Parameter(property = "pylock4j.requiresPython")
  protected String requiresPython;

  /** PEP 508 markers: a universal lock covers only the environments matching one of them. */
  @Parameter
  protected List<String> environments = new ArrayList<>();

  /** PEP 508 markers of environments where every locked package must have a file to install. */
  @Parameter
  protected List<String> requiredEnvironments = new ArrayList<>();

  /** The lock file. */
  @Parameter(property = "pylock4j.output", defaultValue = "${project.basedir}/pylock.toml")
  protected File output;

  /** {@code pylock} (PEP 751) or {@code requirements}. Default: by the output's name. */
  @Parameter(property = "pylock4j.format")
  protected String format;

  /** Ignore files uploaded at or after this instant ({@code 2024-06-01T00:00:00Z} or a date). */
  @Parameter(property = "pylock4j.excludeNewer")
  protected String excludeNewer;

  /** Leave versions with a known vulnerability (OSV) out of the resolution. */
  @Parameter(property = "pylock4j.avoidVulnerable", defaultValue = "false")
  protected boolean avoidVulnerable;

  /**
   * Leave versions OSV reports as malware (a {@code MAL-} record) out of the lock, asking the OSV
   * API when no {@code <osvUrl>} or {@code <osvExport>} is set. With either of those, or {@code
   * <avoidVulnerable>}, malware is left out anyway (unless listed in {@code
   * <ignoreVulnerabilities>}); without any, the lock goal consults no advisory database.
   */
  @Parameter(property = "pylock4j.refuseMalware", defaultValue = "false")
  protected boolean refuseMalware;

  /**
   * The OSV API base URL. Default: {@code https://api.osv.dev}. Setting it makes the lock goal
   * leave out malware (see {@code <refuseMalware>}).
   */
  @Parameter(property = "pylock4j.osvUrl")
  protected String osvUrl;

  /**
   * An offline OSV export (a directory of OSV JSON files, or OSV's {@code PyPI/all.zip}).
   * Setting it makes the lock goal leave out malware (see {@code <refuseMalware>}).
   */
  @Parameter(property = "pylock4j.osvExport")
  protected File osvExport;

  /** Vulnerability ids or aliases to ignore ({@code GHSA-…}, {@code CVE-…}, {@code PYSEC-…}). */
  @Parameter(property = "pylock4j.ignoreVulnerabilities")
  protected List<String> ignoreVulnerabilities = new ArrayList<>();

  /** Fail, rather than warn, on a requested name that looks like a popular project's. */
  @Parameter(property = "pylock4j.strict", defaultValue = "false")
  protected boolean strict;

  /**
   * The HTTP and metadata cache, shared with the {@code pylock4j} command's default on Linux.
   * {@code mvn -o} answers from it.
   */
  @Parameter(property = "pylock4j.cacheDirectory", defaultValue = "${user.home}/.cache/pylock4j")
  protected File cacheDirectory;

  /** The largest index page read, in bytes (the library's default when unset). */
  @Parameter(property = "pylock4j.maxPageBytes")
  protected Long maxPageBytes;

  /** The largest metadata file read, in bytes (the library's default when unset). */
  @Parameter(property = "pylock4j.maxMetadataBytes")
  protected Long maxMetadataBytes;

  /** The largest distribution file downloaded or hashed, in bytes (the library's default when unset). */
  @Parameter(property = "pylock4j.maxFileBytes")
  protected Long maxFileBytes;

  /** The largest input file (requirements, constraints, pyproject.toml, lock) read, in bytes. */
  @Parameter(property = "pylock4j.maxInputBytes")
  protected Long maxInputBytes;

  /** The total time one HTTP request may take, in seconds (the library's default when unset). */
  @Parameter(property = "pylock4j.requestTimeout")
  protected Long requestTimeout;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping pylock4j (pylock4j.skip)");
      return;
    }
    Locker.Builder builder = Locker.builder();
    MavenProxies proxies = proxies();
    if (!proxies.isEmpty()) {
      builder.proxies(proxies.httpsProxy(), proxies.httpProxy(), proxies.noProxy());
    }
    try (Locker locker = builder.build()) {
      run(locker);
    } catch (UnsatisfiableException | InvalidInputException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IndexException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (PylockException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a setting the facade refuses (the message names it)
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /** The goal's work, with a locker closed afterwards. */
  abstract void run(Locker locker) throws MojoExecutionException, MojoFailureException;

  /**
   * Whether this project configures anything to lock. An aggregator of a reactor usually does
   * not: {@code mvn pylock4j:lock} from the top then locks the modules that do.
   */
  final boolean hasInputs() {
    return !requirements.isEmpty() || requirementsFile != null || pyproject != null;
  }

  /** Logs why this project is skipped when it has neither inputs nor a lock; true if skipped. */
  /** The size and time limits configured; each message names its parameter. */
  private void limits(LockRequest.Builder b) throws MojoFailureException {
    try {
      if (maxPageBytes != null) {
        b.maxPageBytes(new LockRequest.SizeLimit(maxPageBytes, "<maxPageBytes>"));
      }
      if (maxMetadataBytes != null) {
        b.maxMetadataBytes(new LockRequest.SizeLimit(maxMetadataBytes, "<maxMetadataBytes>"));
      }
      if (maxFileBytes != null) {
        b.maxFileBytes(new LockRequest.SizeLimit(maxFileBytes, "<maxFileBytes>"));
      }
      if (maxInputBytes != null) {
        b.maxInputBytes(maxInputBytes);
      }
      if (requestTimeout != null) {
        if (requestTimeout <= 0) {
          throw new IllegalArgumentException("<requestTimeout> must be positive, was " + requestTimeout);
        }
        b.requestTimeout(java.time.Duration.ofSeconds(requestTimeout));
      }
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  final boolean nothingToDo() {
    if (hasInputs() || java.nio.file.Files.exists(lockFile())) {
      return false;
    }
    getLog().info("No Python requirements configured and no " + displayName(lockFile())
        + ": nothing to do");
    return true;
  }

  /** The lock file as a path. */
  final Path lockFile() {
    return output.toPath().toAbsolutePath().normalize();
  }

  /** The request this configuration describes, with the output set. */
  final LockRequest.Builder request() throws MojoFailureException {
    LockRequest.Builder b = LockRequest.builder();
    b.requirements(requirements);
    if (requirementsFile != null) {
      b.requirementsFile(requirementsFile.toPath());
    }
    if (pyproject != null) {
      b.project(pyproject.toPath());
      extras.forEach(b::extra);
      groups.forEach(b::group);
    } else if (!extras.isEmpty() || !groups.isEmpty()) {
      throw new MojoFailureException("<extras> and <groups> need a <pyproject>");
    }
    if (constraintsFile != null) {
      b.constraintsFile(constraintsFile.toPath());
    }
    indexes(b);
    UniversalTarget everywhere = universalTarget();
    if (pythonVersion != null && !pythonVersion.isBlank()) {
      b.target(TargetEnvironment.cpython(pythonVersion.strip(), platform(platform)));
    } else if (platform != null && !platform.isBlank()) {
      throw new MojoFailureException("<platform> " + platform + " needs a <pythonVersion>");
    } else if (everywhere != null) {
      // the facade asks for a target with a universal lock too; CPython 3.12 on Linux x86-64
      b.target(TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64));
    }
    if (everywhere != null) {
      b.universal(everywhere);
    }
    b.output(lockFile());
    if (format != null && !format.isBlank()) {
      b.format(format(format));
    }
    if (excludeNewer != null && !excludeNewer.isBlank()) {
      b.excludeNewer(instant(excludeNewer));
    }
    b.avoidVulnerable(avoidVulnerable).refuseMalware(refuseMalware);
    if (session.isOffline() && osvExport == null && (avoidVulnerable || refuseMalware
        || (osvUrl != null && !osvUrl.isBlank()))) {
      throw new MojoFailureException(
          "offline (-o) the OSV API cannot be asked for <avoidVulnerable>, <refuseMalware> or"
              + " <osvUrl>: set <osvExport>");
    }
    if (osvUrl != null && !osvUrl.isBlank()) {
      b.osvUrl(osvUrl);
    }
    if (osvExport != null) {
      b.osvExport(osvExport.toPath());
    }
    ignoreVulnerabilities.forEach(b::ignoreVulnerability);
    b.strictNames(strict);
    b.cacheDirectory(cacheDirectory.toPath());
    limits(b);
    b.offline(session.isOffline());
    return b;
  }

  /** The universal target the configuration asks for, or null for a lock of one target. */
  private UniversalTarget universalTarget() throws MojoFailureException {
    boolean blankPython = requiresPython == null || requiresPython.isBlank();
    if (!universal && blankPython && environments.isEmpty() && requiredEnvironments.isEmpty()) {
      return null;
    }
    String python = blankPython ? null : requiresPython.strip();
    String from = "<requiresPython>";
    if (python == null && pyproject != null) {
      python = PyprojectToml.read(pyproject.toPath()).requiresPython().orElse(null);
      from = pyproject + " [project] requires-python";
    }
    if (python == null && pythonVersion != null && !pythonVersion.isBlank()) {
      String[] parts = pythonVersion.strip().split("\\.");
      python = ">=" + parts[0] + "." + (parts.length > 1 ? parts[1] : "0");
      from = "<pythonVersion>";
    }
    if (python == null) {
      python = ">=3.8";
      from = "the default";
    }
    SpecifierSet specifiers;
    try {
      specifiers = SpecifierSet.parse(python);
    } catch (PylockException e) {
      throw new MojoFailureException("invalid requires-python '" + python + "' (from " + from
          + "): " + e.getMessage());
    }
    return UniversalTarget.of(specifiers)
        .withEnvironments(markers("<environments>", environments))
        .withRequiredEnvironments(markers("<requiredEnvironments>", requiredEnvironments));
  }

  private static List<Marker> markers(String parameter, List<String> texts) throws MojoFailureException {
    List<Marker> out = new ArrayList<>();
    for (String text : texts) {
      try {
        out.add(Marker.parse(text.strip()));
      } catch (PylockException e) {
        throw new MojoFailureException(parameter + ": invalid marker '" + text + "': " + e.getMessage());
      }
    }
    return out;
  }

  /** The indexes, in order: indexUrl, extraIndexUrls, then unpinned {@code <indexes>}. */
  private void indexes(LockRequest.Builder b) throws MojoFailureException {
    Logins logins = logins();
    List<String> searched = new ArrayList<>();
    if (indexUrl != null && !indexUrl.isBlank()) {
      searched.add(indexUrl.strip());
    }
    extraIndexUrls.stream().map(String::strip).forEach(searched::add);
    Map<String, Index> byName = new LinkedHashMap<>();
    for (Index index : indexes) {
      if (index.url() == null || index.url().isBlank()) {
        throw new MojoFailureException("<indexes>: index " + index.name() + " has no <url>");
      }
      if (index.name() != null && byName.put(index.name(), index) != null) {
        throw new MojoFailureException("<indexes>: two indexes named " + index.name());
      }
      String url = logins.apply(index.name(), index.url().strip());
      if (index.name() != null && logins.has(index.name())) {
        getLog().debug("index " + index.name() + ": login from settings.xml server " + index.name());
      }
      if (index.projects().isEmpty()) {
        searched.add(url);
      } else {
        for (String name : index.projects()) {
          b.indexPin(projectName(name, index), url);
        }
      }
    }
    if (!searched.isEmpty()) {
      b.indexUrl(searched.get(0));
      searched.subList(1, searched.size()).forEach(b::extraIndexUrl);
    }
  }

  private static ProjectName projectName(String name, Index index) throws MojoFailureException {
    try {
      return ProjectName.of(name.strip());
    } catch (RuntimeException e) {
      throw new MojoFailureException("<indexes>: index " + index.name() + ": not a project name: " + name);
    }
  }

  /** The logins of the servers that {@code <indexes>} name, decrypted by Maven. */
  private Logins logins() throws MojoFailureException {
    Map<String, Logins.Login> found = new LinkedHashMap<>();
    for (Index index : indexes) {
      Server server = index.name() == null ? null : session.getSettings().getServer(index.name());
      if (server == null || server.getUsername() == null) {
        continue;
      }
      SettingsDecryptionResult result =
          settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoFailureException("settings.xml server " + server.getId()
              + ": cannot decrypt its password: " + problem.getMessage());
        }
      }
      Server decrypted = result.getServer();
      String password = decrypted.getPassword() == null ? "" : decrypted.getPassword();
      found.put(index.name(), new Logins.Login(decrypted.getUsername(), password));
    }
    return new Logins(found);
  }

  /** The active proxies of settings.xml, decrypted by Maven. */
  private MavenProxies proxies() throws MojoFailureException {
    List<MavenProxies.Entry> entries = new ArrayList<>();
    for (Proxy proxy : session.getSettings().getProxies()) {
      if (!proxy.isActive()) {
        continue;
      }
      SettingsDecryptionResult result =
          settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoFailureException("settings.xml proxy " + proxy.getId()
              + ": cannot decrypt its password: " + problem.getMessage());
        }
      }
      Proxy p = result.getProxy();
      entries.add(new MavenProxies.Entry(p.getProtocol(), p.getHost(), p.getPort(),
          p.getUsername(), p.getPassword(), p.getNonProxyHosts()));
      getLog().debug("proxy " + p.getId() + ": " + p.getProtocol() + "://" + p.getHost() + ":" + p.getPort());
    }
    return new MavenProxies(entries);
  }

  static MarkerEnvironment.Platform platform(String name) throws MojoFailureException {
    if (name == null || name.isBlank()) {
      return MarkerEnvironment.Platform.LINUX_X86_64;
    }
    String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (MarkerEnvironment.Platform p : MarkerEnvironment.Platform.values()) {
      if (p.name().equals(key)) {
        return p;
      }
    }
    throw new MojoFailureException("<platform> " + name + " is not one of "
        + Arrays.stream(MarkerEnvironment.Platform.values())
            .map(p -> p.name().toLowerCase(Locale.ROOT).replaceFirst("_", "-"))
            .toList());
  }

  static LockFormat format(String name) throws MojoFailureException {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "pylock", "pylock.toml" -> LockFormat.PYLOCK;
      case "requirements", "requirements.txt" -> LockFormat.REQUIREMENTS;
      default -> throw new MojoFailureException(
          "<format> " + name + " is not one of pylock, requirements");
    };
  }

  static Instant instant(String text) throws MojoFailureException {
    String s = text.strip();
    try {
      return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new MojoFailureException("<excludeNewer> " + text
          + " is neither an instant (2024-06-01T00:00:00Z) nor a date (2024-06-01)");
    }
  }

  /** The lock's name relative to the project, for messages. */
  final String displayName(Path lock) {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    return lock.startsWith(base) ? base.relativize(lock).toString() : lock.toString();
  }
}
