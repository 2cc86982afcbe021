package org.pylock4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What a user of the published artifacts and of the launcher relies on (issue 19). */
class PublishingTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void bomListsEveryPublishedModuleAtTheParentsVersion() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("pylock4j-bom/pom.xml"));
    assertEquals(text(parent.getDocumentElement(), "version"), text(bom.getDocumentElement(), "version"));

    TreeSet<String> published = new TreeSet<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Path pom = ROOT.resolve(modules.item(i).getTextContent()).resolve("pom.xml");
      Document module = read(pom);
      String skip = module.getElementsByTagName("maven.deploy.skip").getLength() > 0
          ? module.getElementsByTagName("maven.deploy.skip").item(0).getTextContent() : "false";
      String packaging = text(module.getDocumentElement(), "packaging");
      if (!skip.equals("true") && !"pom".equals(packaging)) {
        published.add(text(module.getDocumentElement(), "artifactId"));
      }
    }
    TreeSet<String> listed = new TreeSet<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      assertEquals("org.pylock4j", text(dep, "groupId"));
      assertEquals("${project.version}", text(dep, "version"));
      listed.add(text(dep, "artifactId"));
    }
    assertEquals(published, listed);
  }

  @Test
  void launcherFindsItsJarWhenRunThroughASymlink() throws Exception {
    assertTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "bash is needed to run the launcher");
    // a copy of the launcher in a directory laid out as a clone, with a stand-in jar whose main
    // class is javac's: "javac -version" proves the launcher ran the jar next to the real script
    Path clone = Files.createDirectories(dir.resolve("clone"));
    Path launcher = Files.copy(ROOT.resolve("pylock4j"), clone.resolve("pylock4j"));
    assertTrue(launcher.toFile().setExecutable(true));
    Path target = Files.createDirectories(clone.resolve("resolver-cli/target"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.sun.tools.javac.Main");
    try (OutputStream out = Files.newOutputStream(target.resolve("pylock4j.jar"));
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
    Path bin = Files.createDirectories(dir.resolve("bin"));
    // a relative link to a link, as ~/.local/bin/pylock4j -> ../opt/pylock4j -> the clone's
    Path opt = Files.createDirectories(dir.resolve("opt"));
    Files.createSymbolicLink(opt.resolve("pylock4j"), launcher);
    Files.createSymbolicLink(bin.resolve("pylock4j"), Path.of("../opt/pylock4j"));

    Process p = new ProcessBuilder("bash", bin.resolve("pylock4j").toString(), "-version")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.startsWith("javac " + Runtime.version().feature()), output);
  }

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setExpandEntityReferences(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }

  /** The text of {@code parent}'s direct child element {@code name}, or null. */
  private static String text(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }
}
