package io.coffer.fsshield;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The manifest in JSON, written deterministically and read strictly: every field required and
 * checked, unknown fields refused, entries sorted by path without duplicates, each entry's parent a
 * listed directory, and in authenticated mode exactly one digest a segment.
 *
 * <p>Its plaintext only exists after the manifest authenticated, so the strictness guards against a
 * key holder's mistakes and against bugs, not against an outsider.
 */
final class ManifestJson {
  /** The {@code format} value of this version. */
  public static final String FORMAT = "coffer-fsshield/1";

  /** Most entries in a manifest. */
  public static final int MAX_ENTRIES = 4_000_000;

  /** Largest plaintext file size recorded. */
  public static final long MAX_FILE_BYTES = 1L << 50;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(8)
                  .maxStringLength(TreePath.MAX_BYTES * 2)
                  .maxDocumentLength(ManifestBox.MAX_SEALED_BYTES)
                  .build())
          .build();
  private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

  private ManifestJson() {}

  /** The manifest's JSON. */
  public static byte[] write(Manifest m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 160 * m.entries().size());
    HexFormat hex = HexFormat.of();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("mode", m.mode().cliName());
      g.writeNumberField("segment_size", m.segmentSizeBytes());
      g.writeArrayFieldStart("entries");
      for (Manifest.Entry e : m.entries()) {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        switch (e) {
          case Manifest.Directory d -> {
            g.writeStringField("type", "directory");
            g.writeNumberField("mode", d.permissions());
          }
          case Manifest.RegularFile f -> {
            g.writeStringField("type", "file");
            g.writeNumberField("mode", f.permissions());
            g.writeNumberField("size", f.size());
            g.writeStringField("id", f.id().hex());
            g.writeStringField("digest", hex.formatHex(f.digest()));
            if (m.mode() == Mode.AUTHENTICATED) {
              g.writeArrayFieldStart("segments");
              for (byte[] d : f.segmentDigests()) {
                g.writeString(hex.formatHex(d));
              }
              g.writeEndArray();
            }
          }
          case Manifest.Symlink s -> {
            g.writeStringField("type", "symlink");
            g.writeStringField("target", s.target());
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a manifest in memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a manifest's JSON.
   *
   * @throws InvalidManifestException naming the entry and field that is wrong
   */
  public static Manifest read(byte[] json) throws InvalidManifestException {
    JsonNode root;
    try (JsonParser p = FACTORY.createParser(json)) {
      root = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new InvalidManifestException("manifest: data after the JSON object");
      }
    } catch (IOException | RuntimeException e) {
      throw new InvalidManifestException("manifest: not valid JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidManifestException("manifest: not a JSON object");
    }
    fields(root, "manifest", Set.of("format", "mode", "segment_size", "entries"));
    if (!FORMAT.equals(text(root, "format", "manifest"))) {
      throw new InvalidManifestException("manifest.format: not " + FORMAT);
    }
    Mode mode;
    try {
      mode = Mode.fromCliName(text(root, "mode", "manifest"));
    } catch (IllegalArgumentException e) {
      throw new InvalidManifestException("manifest.mode: " + e.getMessage());
    }
    long segment = number(root, "segment_size", "manifest");
    if (segment < Manifest.MIN_SEGMENT_BYTES || segment > Manifest.MAX_SEGMENT_BYTES) {
      throw new InvalidManifestException("manifest.segment_size: out of range");
    }
    JsonNode entries = root.get("entries");
    if (!entries.isArray()) {
      throw new InvalidManifestException("manifest.entries: not an array");
    }
    if (entries.size() > MAX_ENTRIES) {
      throw new InvalidManifestException("manifest.entries: more than " + MAX_ENTRIES);
    }
    List<Manifest.Entry> out = new ArrayList<>(entries.size());
    Set<String> directories = new HashSet<>();
    String previous = null;
    for (int i = 0; i < entries.size(); i++) {
      String where = "manifest.entries[" + i + "]";
      Manifest.Entry e = entry(entries.get(i), where, mode, (int) segment);
      if (previous != null && previous.compareTo(e.path()) >= 0) {
        throw new InvalidManifestException(where + ".path: not after the path before it");
      }
      String parent = TreePath.parent(e.path());
      if (parent != null && !directories.contains(parent)) {
        throw new InvalidManifestException(where + ".path: its parent is not a listed directory");
      }
      if (e instanceof Manifest.Directory) {
        directories.add(e.path());
      }
      previous = e.path();
      out.add(e);
    }
    return new Manifest(mode, (int) segment, out);
  }

  private static Manifest.Entry entry(JsonNode n, String where, Mode mode, int segment)
      throws InvalidManifestException {
    if (!n.isObject()) {
      throw new InvalidManifestException(where + ": not an object");
    }
    String path = text(n, "path", where);
    String problem = TreePath.problem(path);
    if (problem != null) {
      throw new InvalidManifestException(where + ".path: " + problem);
    }
    String type = text(n, "type", where);
    switch (type) {
      case "directory" -> {
        fields(n, where, Set.of("path", "type", "mode"));
        return new Manifest.Directory(path, permissions(n, where));
      }
      case "symlink" -> {
        fields(n, where, Set.of("path", "type", "target"));
        String target = text(n, "target", where);
        if (target.isEmpty() || target.indexOf('\0') >= 0 || target.length() > TreePath.MAX_BYTES) {
          throw new InvalidManifestException(where + ".target: not a link target");
        }
        return new Manifest.Symlink(path, target);
      }
      case "file" -> {
        fields(
            n,
            where,
            mode == Mode.AUTHENTICATED
                ? Set.of("path", "type", "mode", "size", "id", "digest", "segments")
                : Set.of("path", "type", "mode", "size", "id", "digest"));
        long size = number(n, "size", where);
        if (size > MAX_FILE_BYTES) {
          throw new InvalidManifestException(where + ".size: larger than " + MAX_FILE_BYTES);
        }
        FileId id;
        try {
          id = FileId.parse(text(n, "id", where));
        } catch (IllegalArgumentException e) {
          throw new InvalidManifestException(where + ".id: " + e.getMessage());
        }
        byte[] digest = digest(text(n, "digest", where), where + ".digest");
        List<byte[]> segments = List.of();
        if (mode == Mode.AUTHENTICATED) {
          JsonNode s = n.get("segments");
          long expected = AuthenticatedFiles.segmentCount(size, segment);
          if (!s.isArray() || s.size() != expected) {
            throw new InvalidManifestException(
                where + ".segments: not an array of " + expected + " digests");
          }
          List<byte[]> list = new ArrayList<>(s.size());
          for (int k = 0; k < s.size(); k++) {
            JsonNode d = s.get(k);
            if (!d.isTextual()) {
              throw new InvalidManifestException(where + ".segments[" + k + "]: not a string");
            }
            list.add(digest(d.textValue(), where + ".segments[" + k + "]"));
          }
          segments = list;
        }
        return new Manifest.RegularFile(path, permissions(n, where), size, id, digest, segments);
      }
      default -> throw new InvalidManifestException(where + ".type: unknown type '" + type + "'");
    }
  }

  private static void fields(JsonNode n, String where, Set<String> expected)
      throws InvalidManifestException {
    for (String f : expected) {
      if (!n.has(f)) {
        throw new InvalidManifestException(where + "." + f + ": missing");
      }
    }
    for (String f : (Iterable<String>) n::fieldNames) {
      if (!expected.contains(f)) {
        throw new InvalidManifestException(where + "." + f + ": unknown field");
      }
    }
  }

  private static String text(JsonNode n, String field, String where)
      throws InvalidManifestException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new InvalidManifestException(where + "." + field + ": not a string");
    }
    return v.textValue();
  }

  private static long number(JsonNode n, String field, String where)
      throws InvalidManifestException {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
      throw new InvalidManifestException(where + "." + field + ": not a non-negative integer");
    }
    return v.longValue();
  }

  private static int permissions(JsonNode n, String where) throws InvalidManifestException {
    long m = number(n, "mode", where);
    if (m > 0777) {
      throw new InvalidManifestException(where + ".mode: not permission bits (0 to 0777)");
    }
    return (int) m;
  }

  private static byte[] digest(String hex, String where) throws InvalidManifestException {
    if (hex.length() != 64
        || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new InvalidManifestException(where + ": not 64 lower-case hex characters");
    }
    return HexFormat.of().parseHex(hex);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
