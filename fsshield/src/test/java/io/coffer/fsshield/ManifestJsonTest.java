package io.coffer.fsshield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

  private static final String DIGEST = "ab".repeat(32);
  private static final String ID = "cd".repeat(16);

  @Provide
  Arbitrary<Manifest> manifests() {
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("abcé.-_ 1")
            .ofMinLength(1)
            .ofMaxLength(6)
            .filter(n -> !n.equals(".") && !n.equals(".."));
    Arbitrary<List<String>> names = name.list().ofMinSize(0).ofMaxSize(12);
    return Combinators.combine(
            Arbitraries.of(Mode.class),
            Arbitraries.integers().between(4096, 1 << 20),
            names,
            Arbitraries.longs().between(0, 50_000))
        .as((mode, segment, ns, size) -> build(mode, segment, ns, size));
  }

  /** Top-level files and links, and one directory holding a file for each name. */
  private static Manifest build(Mode mode, int segment, List<String> names, long size) {
    List<Manifest.Entry> entries = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>();
    for (String n : names) {
      paths.add(n);
      paths.add("dir/" + n);
    }
    paths.add("dir");
    int k = 0;
    for (String p : paths) {
      if (p.equals("dir")) {
        entries.add(new Manifest.Directory(p, 0755));
      } else if (k++ % 3 == 2) {
        entries.add(new Manifest.Symlink(p, "../" + p));
      } else {
        List<byte[]> segments = new ArrayList<>();
        if (mode == Mode.AUTHENTICATED) {
          for (long i = 0; i < AuthenticatedFiles.segmentCount(size, segment); i++) {
            segments.add(new byte[32]);
          }
        }
        entries.add(
            new Manifest.RegularFile(p, 0640, size, FileId.random(), new byte[32], segments));
      }
    }
    return new Manifest(mode, segment, entries);
  }

  @Property(tries = 200)
  void read_ofWrite_isTheSameManifest(@ForAll("manifests") Manifest m) throws Exception {
    Manifest back = ManifestJson.read(ManifestJson.write(m));
    assertThat(back).isEqualTo(m);
    assertThat(ManifestJson.write(back)).isEqualTo(ManifestJson.write(m));
  }

  private static String manifest(String entries) {
    return "{\"format\":\"coffer-fsshield/1\",\"mode\":\"encrypted\",\"segment_size\":65536,"
        + "\"entries\":["
        + entries
        + "]}";
  }

  private static String file(String path) {
    return "{\"path\":\""
        + path
        + "\",\"type\":\"file\",\"mode\":420,\"size\":3,\"id\":\""
        + ID
        + "\",\"digest\":\""
        + DIGEST
        + "\"}";
  }

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> ManifestJson.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining(message);
  }

  @Test
  void read_valid_parses() throws Exception {
    Manifest m = ManifestJson.read(manifest(file("a")).getBytes(StandardCharsets.UTF_8));
    assertThat(m.entries()).hasSize(1);
  }

  @Test
  void read_malformed_failsNamingTheField() {
    refused("[]", "not a JSON object");
    refused("{", "not valid JSON");
    refused(manifest(file("a")) + "{}", "data after the JSON object");
    refused(manifest(file("a")).replace("coffer-fsshield/1", "v2"), "manifest.format");
    refused(
        manifest(file("a")).replace("\"mode\":\"encrypted\"", "\"mode\":\"plain\""),
        "manifest.mode");
    refused(manifest(file("a")).replace("65536", "12"), "manifest.segment_size");
    refused(
        manifest(file("a")).replace("}]}", ",\"x\":1}]}"), "manifest.entries[0].x: unknown field");
    refused(manifest(file("a") + "," + file("a")), "manifest.entries[1].path: not after");
    refused(manifest(file("b") + "," + file("a")), "manifest.entries[1].path: not after");
    refused(manifest(file("d/a")), "its parent is not a listed directory");
    refused(manifest(file("../a")), "manifest.entries[0].path: has a '..' name");
    refused(manifest(file("/a")), "is absolute");
    refused(manifest(file("a//b")), "empty name");
    refused(manifest(file("a").replace(ID, "XY".repeat(16))), "manifest.entries[0].id");
    refused(manifest(file("a").replace(DIGEST, "ab")), "manifest.entries[0].digest");
    refused(manifest(file("a").replace("\"mode\":420", "\"mode\":4095")), "not permission bits");
    refused(manifest(file("a").replace("\"size\":3", "\"size\":-3")), "non-negative integer");
    refused(
        manifest(file("a").replace("\"type\":\"file\"", "\"type\":\"device\"")), "unknown type");
    refused(manifest("{\"path\":\"l\",\"type\":\"symlink\",\"target\":\"\"}"), "not a link target");
    refused(
        manifest(file("a")).replace("\"encrypted\"", "\"authenticated\""),
        "manifest.entries[0].segments: missing");
    refused(
        manifest(file("a").replace("}", ",\"segments\":[]}"))
            .replace("\"encrypted\"", "\"authenticated\""),
        "not an array of 1 digests");
  }
}
