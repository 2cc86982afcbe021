package org.pylock4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.pypi.IndexStrategy;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolverOptions;
import org.pylock4j.resolve.TargetEnvironment;
import picocli.CommandLine.Mixin;

/** What the commands share: the context, common options, failure handling, the index. */
abstract class Base implements Callable<Integer> {

  final CliContext context;

  @Mixin CommonOptions common = new CommonOptions();

  Reporter reporter;

  Base(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    reporter = new Reporter(context.err(), context.terminal(), common.quiet, common.verbose);
    try {
      return run();
    } catch (RuntimeException | Error e) {
      return reporter.failure(e);
    } finally {
      reporter.clearProgress();
      context.out().flush();
      context.err().flush();
    }
  }

  /** Runs the command; failures are reported by {@link #call()}. */
  abstract int run();

  /** A PypiIndex for {@code settings}; warnings go to the reporter. */
  PypiIndex index(IndexSettings settings) {
    PypiIndex.Builder builder =
        PypiIndex.builder()
            .indexUrls(settings.urls())
            .indexStrategy(
                settings.bestMatch() ? IndexStrategy.UNSAFE_BEST_MATCH : IndexStrategy.FIRST_INDEX)
            .offline(settings.offline())
            .cacheDirectory(settings.cacheDir())
            .maxParallelRequests(settings.threads())
            .requestTimeout(requestTimeout())
            .netrc(netrc(context.environment()))
            .proxies(env("https_proxy", "HTTPS_PROXY"), env("http_proxy", "HTTP_PROXY"),
                noProxy(env("no_proxy", "NO_PROXY")))
            .trustedCertificates(certificates())
            .warnings(reporter::warning);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), String.join(" ", settings.urls()));
    }
  }

  /** The first of the environment variables {@code names} that is set and not blank, or null. */
  String env(String... names) {
    for (String name : names) {
      String value = context.environment().get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  static List<String> noProxy(String value) {
    return value == null ? List.of() : List.of(value.split("[,\\s]+"));
  }

  /** {@code --cert}, else {@code $SSL_CERT_FILE}, else null (the JDK's trust store). */
  java.nio.file.Path certificates() {
    if (common.cert != null) {
      return common.cert;
    }
    String file = env("SSL_CERT_FILE");
    return file == null ? null : java.nio.file.Path.of(file);
  }

  java.time.Duration requestTimeout() {
    if (common.requestTimeoutSeconds < 0) {
      throw new InvalidInputException("--request-timeout must not be negative, not "
          + common.requestTimeoutSeconds, String.valueOf(common.requestTimeoutSeconds));
    }
    return java.time.Duration.ofSeconds(common.requestTimeoutSeconds);
  }

  /** The netrc file logins are read from, as pip reads it: {@code $NETRC}, else {@code ~/.netrc}. */
  static java.nio.file.Path netrc(Map<String, String> environment) {
    String env = environment.get("NETRC");
    if (env != null && !env.isBlank()) {
      return java.nio.file.Path.of(env);
    }
    String home = System.getProperty("user.home");
    return home == null ? null : java.nio.file.Path.of(home, ".netrc");
  }

  /** The request for {@code inputs}, without preferences. */
  ResolutionRequest.Builder request(
      Inputs inputs,
      TargetEnvironment target,
      IndexSettings settings,
      PolicyOptions policy,
      boolean onlyBinary,
      org.pylock4j.resolve.PackageSource source) {
    ResolutionRequest.Builder builder =
        ResolutionRequest.builder()
            .target(target)
            .source(source)
            .prereleases(policy.prereleases(inputs))
            .strategy(policy.strategy(inputs.settings()))
            .excludeNewer(settings.excludeNewer())
            .onlyBinary(onlyBinary || inputs.hints().onlyBinary)
            .listener(reporter.progress())
            .options(
                new ResolverOptions(
                    ResolverOptions.DEFAULTS.maxRounds(),
                    settings.threads(),
                    ResolverOptions.DEFAULTS.timeout()));
    for (DeclaredRequirement r : inputs.roots()) {
      builder.requirement(r.requirement());
    }
    for (DeclaredRequirement c : inputs.constraints()) {
      builder.constraint(c.requirement());
    }
    return builder;
  }

  /** Where each root came from, for {@code # via -r FILE}: only requirements from files. */
  static Map<org.pylock4j.requirement.ProjectName, String> rootFiles(Inputs inputs) {
    Map<org.pylock4j.requirement.ProjectName, String> files = new java.util.LinkedHashMap<>();
    for (DeclaredRequirement r : inputs.roots()) {
      if (!r.file().startsWith("<")) {
        files.putIfAbsent(r.requirement().projectName(), r.file());
      }
    }
    return files;
  }

  static List<String> names(List<DeclaredRequirement> requirements) {
    List<String> out = new ArrayList<>();
    requirements.forEach(r -> out.add(r.requirement().toString()));
    return out;
  }
}
