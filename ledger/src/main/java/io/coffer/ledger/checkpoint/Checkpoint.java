package io.coffer.ledger.checkpoint;

import io.coffer.ledger.checkpoint.CheckpointException.Reason;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.UnverifiedNote;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of a C2SP checkpoint (c2sp.org/tlog-checkpoint, "Note text"): origin, tree size, root
 * hash and optional extension lines, each ending in a newline. Holding one proves nothing; a {@link
 * VerifiedCheckpoint} is one whose note was verified.
 *
 * <p>Parsing is strict: the size is ASCII decimal digits without a sign and without leading zeros
 * ("0" alone for the empty tree), at most 2^63 - 1; the root hash is canonical padded base64 of
 * exactly 32 bytes; extension lines are non-empty; nothing follows the last newline.
 *
 * @param origin the log's identity, the first line
 * @param size the tree size
 * @param root the RFC 6962 root hash at that size
 * @param extensions extension lines without their newlines (opaque, not signed by Ed25519 cosigners
 *     in any meaningful way)
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {

  /** The most extension lines accepted, bounding work on hostile input. */
  public static final int MAX_EXTENSION_LINES = 4096;

  public Checkpoint {
    requireLine(origin, "origin");
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative: " + size);
    }
    Objects.requireNonNull(root, "root");
    extensions = List.copyOf(extensions);
    if (extensions.size() > MAX_EXTENSION_LINES) {
      throw new IllegalArgumentException("more than " + MAX_EXTENSION_LINES + " extension lines");
    }
    for (String e : extensions) {
      requireLine(e, "extension line");
    }
  }

  /** A checkpoint without extension lines. */
  public static Checkpoint of(String origin, TreeHead head) {
    return new Checkpoint(origin, head.size(), head.root(), List.of());
  }

  private static void requireLine(String line, String what) {
    if (line.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " must not be empty");
    }
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) < 0x20) {
        throw new IllegalArgumentException("the " + what + " must not contain control characters");
      }
    }
  }

  /** The tree head: size and root. */
  public TreeHead treeHead() {
    return new TreeHead(size, root);
  }

  /** The note text: one line each for origin, size, root and every extension. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(origin).append('\n').append(size).append('\n').append(root.toBase64()).append('\n');
    for (String e : extensions) {
      out.append(e).append('\n');
    }
    return out.toString();
  }

  /**
   * Parses a checkpoint body (the text of a note).
   *
   * @throws CheckpointException {@code MALFORMED}, naming the line
   */
  public static Checkpoint parse(String text) throws CheckpointException {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw malformed(
          "line " + (count(text) + 1) + ": the checkpoint body does not end in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw malformed(
          "line "
              + (lines.length + 1)
              + ": a checkpoint has an origin, a size and a root hash line, got "
              + lines.length
              + " lines");
    }
    if (lines.length - 3 > MAX_EXTENSION_LINES) {
      throw malformed("more than " + MAX_EXTENSION_LINES + " extension lines");
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw malformed("line " + (i + 1) + ": " + lineName(i) + " is empty");
      }
      for (int j = 0; j < lines[i].length(); j++) {
        if (lines[i].charAt(j) < 0x20) {
          throw malformed("line " + (i + 1) + ": control character in " + lineName(i));
        }
      }
    }
    long size = parseSize(lines[1]);
    Hash root = parseRoot(lines[2]);
    List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
    return new Checkpoint(lines[0], size, root, extensions);
  }

  /**
   * Parses a signed checkpoint note and its body WITHOUT checking any signature: for tools that
   * inspect checkpoints. Nothing in the result may be trusted; use {@link CheckpointVerifier}.
   *
   * @throws CheckpointException {@code MALFORMED} if the note or the body is malformed
   */
  public static Checkpoint parseUnverified(byte[] signedNote) throws CheckpointException {
    try {
      return parse(UnverifiedNote.parse(signedNote).text());
    } catch (NoteException e) {
      throw new CheckpointException(Reason.MALFORMED, e.getMessage(), e);
    }
  }

  private static String lineName(int index) {
    return switch (index) {
      case 0 -> "the origin";
      case 1 -> "the tree size";
      case 2 -> "the root hash";
      default -> "an extension line";
    };
  }

  /** tlog-checkpoint, "Note text" 2: ASCII decimal, no leading zeroes unless the tree is empty. */
  private static long parseSize(String line) throws CheckpointException {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed("line 2: tree size " + quote(line) + " is not a decimal number");
      }
    }
    if (line.length() > 1 && line.charAt(0) == '0') {
      throw malformed("line 2: tree size " + quote(line) + " has a leading zero");
    }
    if (line.length() > 19) {
      throw malformed("line 2: tree size " + quote(line) + " is larger than 2^63 - 1");
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw malformed("line 2: tree size " + quote(line) + " is larger than 2^63 - 1");
    }
  }

  /** tlog-checkpoint, "Note text" 3: standard base64 of the 32-byte root hash. */
  private static Hash parseRoot(String line) throws CheckpointException {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      throw malformed("line 3: root hash is not base64");
    }
    if (decoded.length != Hash.SIZE_BYTES) {
      throw malformed("line 3: root hash is " + decoded.length + " bytes, not " + Hash.SIZE_BYTES);
    }
    Hash root = Hash.of(decoded);
    if (!root.toBase64().equals(line)) {
      throw malformed("line 3: root hash is not canonical padded base64");
    }
    return root;
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
  }

  private static int count(String s) {
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  private static CheckpointException malformed(String detail) {
    return new CheckpointException(Reason.MALFORMED, "malformed checkpoint: " + detail);
  }
}
