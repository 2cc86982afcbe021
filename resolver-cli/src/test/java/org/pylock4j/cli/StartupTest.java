package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pylock4j.sat.SatResolver;

/** Only the invoked command's model is built; what the user sees does not change. */
class StartupTest {

  @Test
  void theInvokedCommandIsTheFirstArgumentThatIsNotAnOption() {
    assertEquals("lock", Main.invoked("lock", "requests"));
    assertEquals("verify", Main.invoked("verify", "--help"));
    assertNull(Main.invoked("--version"));
    assertNull(Main.invoked("--help"));
    assertNull(Main.invoked("lokc", "requests"));
    assertNull(Main.invoked());
  }

  @Test
  void theTopLevelHelpFromStubsIsTheHelpOfTheFullModel() {
    Cli.Result lazy = Cli.run("--help");
    assertEquals(0, lazy.code(), lazy.toString());
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Main main = new Main(new CliContext(sink, sink, Map.of(), false, TargetDetector.NONE),
        SatResolver::create);
    String full = main.commandLine(null).getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
    assertEquals(full, lazy.out());
    assertTrue(full.contains("lock") && full.contains("Resolve requirements and write a lock."), full);
  }

  @Test
  void aMistypedCommandIsStillSuggested() {
    Cli.Result r = Cli.run("lokc", "requests");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("lock"), r.err());
  }

  @Test
  void aCommandsOwnHelpHasItsOptions() {
    Cli.Result r = Cli.run("lock", "--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("--max-file-bytes=SIZE"), r.out());
  }

  @Test
  void theStoredTopLevelHelpIsPicocliHelp() throws java.io.IOException {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Main main = new Main(new CliContext(sink, sink, Map.of(), false, TargetDetector.NONE),
        SatResolver::create);
    for (Map.Entry<String, picocli.CommandLine.Help.Ansi> e : Map.of(
        Main.HELP, picocli.CommandLine.Help.Ansi.OFF,
        Main.HELP_ANSI, picocli.CommandLine.Help.Ansi.ON).entrySet()) {
      String rendered = main.commandLine(null).getUsageMessage(e.getValue());
      java.nio.file.Path file = java.nio.file.Path.of("src/main/resources/org/pylock4j/cli", e.getKey());
      if (Boolean.getBoolean("golden.update")) {
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, rendered, StandardCharsets.UTF_8);
      }
      assertEquals(rendered, java.nio.file.Files.readString(file, StandardCharsets.UTF_8),
          file + " is not picocli's help: run StartupTest with -Dgolden.update=true to rewrite it");
    }
  }

  @Test
  void versionAndHelpWithoutPicocliAreWhatPicocliPrints() {
    assertEquals(Cli.run("--version").out(), Main.quickAnswer("--version"));
    assertEquals(Cli.run("--help").out(), Main.quickAnswer("--help"));
    assertEquals(Cli.run("-h").out(), Main.quickAnswer("-h"));
    assertNull(Main.quickAnswer("lock", "--help"));
    assertNull(Main.quickAnswer("--verbose"));
  }

  /**
   * The launcher jar holds only the Launcher classes and the stored help (see the pom): loaded
   * alone, with the JDK and nothing else, they answer as picocli does.
   */
  @Test
  void theLauncherClassesAloneAnswerVersionAndHelpAsPicocliDoes() throws Exception {
    java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
    ClassLoader alone = new ClassLoader("launcher-jar", ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith("org.pylock4j.cli.Launcher")) {
          throw new ClassNotFoundException(name + " is not in the launcher jar");
        }
        try {
          byte[] bytes = java.nio.file.Files.readAllBytes(
              classes.resolve(name.replace('.', '/') + ".class"));
          return defineClass(name, bytes, 0, bytes.length);
        } catch (java.io.IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }

      @Override
      protected java.net.URL findResource(String name) {
        try {
          return name.matches("org/pylock4j/cli/help.*\\.txt")
              ? classes.resolve(name).toUri().toURL() : null;
        } catch (java.net.MalformedURLException e) {
          return null;
        }
      }
    };
    java.lang.reflect.Method quick = alone.loadClass("org.pylock4j.cli.Launcher")
        .getDeclaredMethod("quickAnswer", Map.class, String[].class);
    quick.setAccessible(true);
    for (String arg : new String[] {"--version", "-V", "--help", "-h"}) {
      assertEquals(Cli.run(arg).out(), quick.invoke(null, Map.of(), new String[] {arg}), arg);
    }
    assertEquals(Cli.run("--version").out(), Main.quickAnswer("--version"));
    assertNull(quick.invoke(null, Map.of(), new String[] {"lock", "requests"}));
  }
}
