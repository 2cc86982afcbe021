package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.locker.Locker;
import org.pylock4j.resolve.Resolver;
import picocli.CommandLine.Mixin;

/** What the commands share: the context, common options, failure handling, the locker. */
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

  /**
   * A locker for this run: {@code resolver} (null for the default), the environment's variables for {@code ${VAR}} in
   * requirements files, and index logins from {@code $NETRC} or {@code ~/.netrc}.
   */
  Locker locker(Resolver resolver) {
    Locker.Builder builder = Locker.builder();
    if (resolver != null) {
      builder.resolver(resolver);
    }
    return builder
        .environment(context.environment())
        .netrc(netrc(context.environment()))
        .proxies(env("https_proxy", "HTTPS_PROXY"), env("http_proxy", "HTTP_PROXY"), noProxy())
        .trustedCertificates(certificates())
        .build();
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

  /** The hosts {@code NO_PROXY} (or {@code no_proxy}) lists. */
  java.util.List<String> noProxy() {
    String value = env("no_proxy", "NO_PROXY");
    return value == null ? java.util.List.of() : java.util.List.of(value.split("[,\\s]+"));
  }

  /** {@code --cert}, else {@code $SSL_CERT_FILE}, else null (the JDK's trust store). */
  Path certificates() {
    if (common.cert != null) {
      return common.cert;
    }
    String file = env("SSL_CERT_FILE");
    return file == null ? null : Path.of(file);
  }

  /** A PypiIndex builder with this run's network settings: logins, timeout, proxies, CAs. */
  org.pylock4j.pypi.PypiIndex.Builder indexBuilder() {
    return org.pylock4j.pypi.PypiIndex.builder()
        .netrc(netrc(context.environment()))
        .requestTimeout(requestTimeout())
        .proxies(env("https_proxy", "HTTPS_PROXY"), env("http_proxy", "HTTP_PROXY"), noProxy())
        .trustedCertificates(certificates());
  }

  /** The limit of one input file (--max-input-size), in bytes. */
  long maxInput() {
    return common.maxInputBytes();
  }

  /** The --request-timeout of this run. */
  java.time.Duration requestTimeout() {
    if (common.requestTimeoutSeconds < 0) {
      throw new InvalidInputException("--request-timeout must not be negative, not "
          + common.requestTimeoutSeconds, String.valueOf(common.requestTimeoutSeconds));
    }
    return java.time.Duration.ofSeconds(common.requestTimeoutSeconds);
  }

  /** The netrc file logins are read from, as pip reads it: {@code $NETRC}, else {@code ~/.netrc}. */
  static Path netrc(Map<String, String> environment) {
    String env = environment.get("NETRC");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getProperty("user.home");
    return home == null ? null : Path.of(home, ".netrc");
  }
}
