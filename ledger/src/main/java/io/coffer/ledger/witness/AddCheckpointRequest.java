package io.coffer.ledger.witness;

import io.coffer.ledger.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request ("add-checkpoint"): an old size
 * line, up to 63 consistency proof lines, an empty line, then the signed checkpoint.
 *
 * @param oldSize the size of the checkpoint the client believes the witness last cosigned
 * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
 * @param signedCheckpoint the signed checkpoint note, unparsed and unverified
 */
public record AddCheckpointRequest(long oldSize, List<Hash> proof, byte[] signedCheckpoint) {

  /** "The client MUST NOT send more than 63 consistency proof lines." */
  public static final int MAX_PROOF_LINES = 63;

  /** The largest request body accepted: a maximal note and a full proof. */
  public static final int MAX_BODY_BYTES = (1 << 20) + 64 * 64;

  public AddCheckpointRequest {
    if (oldSize < 0) {
      throw new IllegalArgumentException("old size must not be negative");
    }
    proof = List.copyOf(proof);
    if (proof.size() > MAX_PROOF_LINES) {
      throw new IllegalArgumentException("more than " + MAX_PROOF_LINES + " proof lines");
    }
    signedCheckpoint = signedCheckpoint.clone();
  }

  @Override
  public byte[] signedCheckpoint() {
    return signedCheckpoint.clone();
  }

  /** The request body, as a client sends it. */
  public byte[] encode() {
    StringBuilder head = new StringBuilder("old ").append(oldSize).append('\n');
    for (Hash h : proof) {
      head.append(h.toBase64()).append('\n');
    }
    head.append('\n');
    byte[] prefix = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(prefix, prefix.length + signedCheckpoint.length);
    System.arraycopy(signedCheckpoint, 0, out, prefix.length, signedCheckpoint.length);
    return out;
  }

  /**
   * Parses a request body strictly.
   *
   * @throws RequestFormatException naming the line, if the body is malformed
   */
  public static AddCheckpointRequest parse(byte[] body) throws RequestFormatException {
    if (body.length > MAX_BODY_BYTES) {
      throw new RequestFormatException("request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    int pos = 0;
    int lineNumber = 1;
    int end = lineEnd(body, pos, lineNumber);
    long oldSize = parseOldSize(ascii(body, pos, end, lineNumber));
    pos = end + 1;
    List<Hash> proof = new ArrayList<>();
    while (true) {
      lineNumber++;
      end = lineEnd(body, pos, lineNumber);
      if (end == pos) {
        pos = end + 1;
        break;
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw new RequestFormatException(
            "line " + lineNumber + ": more than " + MAX_PROOF_LINES + " consistency proof lines");
      }
      proof.add(parseHash(ascii(body, pos, end, lineNumber), lineNumber));
      pos = end + 1;
    }
    if (pos == body.length) {
      throw new RequestFormatException("line " + (lineNumber + 1) + ": no checkpoint follows");
    }
    return new AddCheckpointRequest(oldSize, proof, Arrays.copyOfRange(body, pos, body.length));
  }

  private static int lineEnd(byte[] body, int from, int lineNumber) throws RequestFormatException {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    throw new RequestFormatException("line " + lineNumber + ": does not end in a newline");
  }

  private static String ascii(byte[] body, int from, int to, int lineNumber)
      throws RequestFormatException {
    for (int i = from; i < to; i++) {
      if (body[i] < 0x20 || body[i] > 0x7e) {
        throw new RequestFormatException("line " + lineNumber + ": not printable ASCII");
      }
    }
    return new String(body, from, to - from, StandardCharsets.US_ASCII);
  }

  /** "old", a space, and the size in ASCII decimal with no leading zeroes. */
  private static long parseOldSize(String line) throws RequestFormatException {
    if (!line.startsWith("old ")) {
      throw new RequestFormatException("line 1: expected \"old <size>\"");
    }
    String digits = line.substring(4);
    boolean decimal = !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!decimal || (digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > 19) {
      throw new RequestFormatException("line 1: old size is not a canonical decimal number");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new RequestFormatException("line 1: old size is larger than 2^63 - 1");
    }
  }

  private static Hash parseHash(String line, int lineNumber) throws RequestFormatException {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      throw new RequestFormatException("line " + lineNumber + ": proof hash is not base64");
    }
    if (decoded.length != Hash.SIZE_BYTES) {
      throw new RequestFormatException(
          "line " + lineNumber + ": proof hash is " + decoded.length + " bytes, not 32");
    }
    Hash hash = Hash.of(decoded);
    if (!hash.toBase64().equals(line)) {
      throw new RequestFormatException(
          "line " + lineNumber + ": proof hash is not canonical padded base64");
    }
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddCheckpointRequest other
        && oldSize == other.oldSize
        && proof.equals(other.proof)
        && Arrays.equals(signedCheckpoint, other.signedCheckpoint);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(oldSize) * 31 + Arrays.hashCode(signedCheckpoint);
  }

  @Override
  public String toString() {
    return "AddCheckpointRequest[old " + oldSize + ", " + proof.size() + " proof hashes]";
  }
}
