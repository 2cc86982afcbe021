package org.pylock4j.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZipAndTarTest {

  private static final String METADATA = Dists.metadata("demo", "1.0", "six>=1.0");

  @Test
  void readsMetadataFromAWindowAtTheEndOfTheWheel() throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", METADATA, 100_000);
    int windowStart = wheel.length - 4096;
    byte[] tail = Arrays.copyOfRange(wheel, windowStart, wheel.length);
    Zip.Directory directory = Zip.directory(tail, windowStart);
    byte[] cd = Arrays.copyOfRange(wheel, (int) directory.offset(), (int) (directory.offset() + directory.size()));
    List<Zip.Entry> entries = Zip.entries(cd);
    Zip.Entry entry = Zip.find(entries, name -> name.endsWith(".dist-info/METADATA"));
    assertEquals("demo-1.0.dist-info/METADATA", entry.name());
    byte[] local = Arrays.copyOfRange(wheel, (int) entry.localOffset(),
        (int) Math.min(wheel.length, entry.localOffset() + Zip.span(entry, 64)));
    byte[] metadata = Zip.extract(local, entry, 1 << 20, new long[1]);
    assertEquals(METADATA, new String(metadata, StandardCharsets.UTF_8));
  }

  @Test
  void asksForMoreWhenTheWindowEndsInsideTheEntry() throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", METADATA, 10);
    Zip.Entry entry = Zip.find(Zip.entriesOfWhole(wheel), name -> name.endsWith("/METADATA"));
    long[] needed = new long[1];
    byte[] shortWindow = Arrays.copyOfRange(wheel, (int) entry.localOffset(), (int) entry.localOffset() + 40);
    assertNull(Zip.extract(shortWindow, entry, 1 << 20, needed));
    int localExtra = Zip.uint16(wheel, (int) entry.localOffset() + 28);
    assertEquals(30 + entry.name().length() + localExtra + entry.compressedSize(), needed[0]);
  }

  @Test
  void rejectsBytesThatAreNotAZip() {
    Zip.ZipFormatException e = assertThrows(Zip.ZipFormatException.class,
        () -> Zip.directory("not a zip at all".repeat(10).getBytes(StandardCharsets.UTF_8), 0));
    assertEquals("no end of central directory record (not a zip file?)", e.getMessage());
  }

  @Test
  void detectsACorruptedEntryByItsCrc() throws Exception {
    byte[] wheel = Dists.zip(Map.of("a-1.dist-info/METADATA", "Name: a\n".repeat(50).getBytes(StandardCharsets.UTF_8)));
    Zip.Entry entry = Zip.entriesOfWhole(wheel).get(0);
    byte[] stored = Dists.zip(Map.of("x", new byte[0])); // keep the helper honest: a second archive parses
    assertEquals(1, Zip.entriesOfWhole(stored).size());
    int data = (int) entry.localOffset() + 30 + entry.name().length()
        + Zip.uint16(wheel, (int) entry.localOffset() + 28);
    wheel[data + 2] ^= 0x01;
    Zip.ZipFormatException e = assertThrows(Zip.ZipFormatException.class,
        () -> Zip.extractFromWhole(wheel, entry, 1 << 20));
    assertEquals(true, e.getMessage().startsWith("a-1.dist-info/METADATA: "), e.getMessage());
  }

  @Test
  void refusesAnEntryLargerThanTheLimit() throws Exception {
    byte[] wheel = Dists.wheel("demo", "1.0", METADATA, 10);
    Zip.Entry entry = Zip.find(Zip.entriesOfWhole(wheel), name -> name.endsWith("/METADATA"));
    Zip.ZipFormatException e = assertThrows(Zip.ZipFormatException.class,
        () -> Zip.extractFromWhole(wheel, entry, 10));
    assertEquals("demo-1.0.dist-info/METADATA is larger (" + METADATA.length()
        + " bytes) than the maximum allowed (10 bytes, from maxMetadataBytes)", e.getMessage());
  }

  @Test
  void findsPkgInfoInATarGzWithLongNames() throws Exception {
    String pkgInfo = "Metadata-Version: 2.2\nName: demo\nVersion: 1.0\n";
    byte[] sdist = Dists.sdistTarGz("demo-1.0", pkgInfo);
    byte[] found = Tar.findInTarGz(sdist, name -> name.equals("demo-1.0/PKG-INFO"), 1 << 20);
    assertArrayEquals(pkgInfo.getBytes(StandardCharsets.UTF_8), found);
    assertNull(Tar.findInTarGz(sdist, name -> name.equals("nothing"), 1 << 20));
    assertArrayEquals(new byte[10],
        Tar.findInTarGz(sdist, name -> name.equals("demo-1.0/src/" + "x".repeat(120) + ".py"), 1 << 20));
  }
}
