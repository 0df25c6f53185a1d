package io.coffer.cas.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.cas.internal.JsonFile;
import io.coffer.cas.seal.SealException.Reason;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One share of a {@link ShamirSeal}'s key-encryption key, and its file: what one stakeholder holds
 * and hands to {@code coffer cas unseal --share FILE}.
 *
 * <p>File format (JSON, UTF-8, every member required, no others):
 *
 * <pre>
 * {"format": "coffer-shamir-share", "version": 1, "cas": "&lt;CAS instance id&gt;",
 *  "seal": "&lt;seal id, 32 hex digits&gt;", "index": 1..255, "threshold": T, "shares": N,
 *  "share": "&lt;32 bytes, base64&gt;", "checksum": "&lt;ShareDigest, 64 hex digits&gt;"}
 * </pre>
 *
 * <p>The checksum is the {@link ShareDigest}: it binds the share bytes to the seal id and index, so
 * a share copied into another seal's file, or corrupted, is refused when the file is read.
 *
 * <p>Restrictions: the share is in clear in its file. Whoever reads a threshold of share files
 * reads the key-encryption key. Encrypting each share to its holder's key is not done yet.
 *
 * @param sealId the seal the share belongs to
 * @param casId the CAS instance the seal belongs to
 * @param index the share's index, 1 to {@code shareCount}
 * @param threshold the shares needed to open the seal
 * @param shareCount the seal's number of shares
 * @param share the 32 share bytes (secret)
 */
public record ShamirShare(
    SealId sealId, String casId, int index, int threshold, int shareCount, byte[] share) {

  /** The largest share file read. */
  public static final int MAX_FILE_BYTES = 4096;

  private static final String FORMAT = "coffer-shamir-share";
  private static final int VERSION = 1;
  private static final List<String> MEMBERS =
      List.of(
          "format", "version", "cas", "seal", "index", "threshold", "shares", "share", "checksum");

  public ShamirShare {
    Objects.requireNonNull(sealId, "sealId");
    SealedDataKey.requireCasId(casId);
    if (shareCount < 1
        || shareCount > SealedDataKey.MAX_SHARES
        || threshold < 1
        || threshold > shareCount
        || index < 1
        || index > shareCount) {
      throw new IllegalArgumentException(
          "share "
              + index
              + " of "
              + shareCount
              + " with threshold "
              + threshold
              + ": needs 1 <= index <= shares, 1 <= threshold <= shares <= 255");
    }
    if (share.length != KeyEncryptionKey.SIZE_BYTES) {
      throw new IllegalArgumentException("a share is 32 bytes, got " + share.length);
    }
    share = share.clone();
  }

  @Override
  public byte[] share() {
    return share.clone();
  }

  /** This share's digest, its file's checksum. */
  public ShareDigest digest() {
    return ShareDigest.of(sealId, index, share);
  }

  /** The share file's content. */
  public byte[] encode() {
    ObjectNode o = JsonFile.newObject();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("cas", casId);
    o.put("seal", sealId.hex());
    o.put("index", index);
    o.put("threshold", threshold);
    o.put("shares", shareCount);
    o.put("share", Base64.getEncoder().encodeToString(share));
    o.put("checksum", digest().toString());
    return JsonFile.write(o);
  }

  /**
   * Reads a share file.
   *
   * @throws SealException {@code MALFORMED} naming the member that is wrong, or for a checksum that
   *     does not match the share; never quoting the share
   */
  public static ShamirShare parse(byte[] file) throws SealException {
    JsonNode root;
    try {
      root = JsonFile.read(file, MAX_FILE_BYTES, MEMBERS);
    } catch (JsonFile.Malformed e) {
      throw new SealException(Reason.MALFORMED, "share file: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(text(root, "format"))) {
      throw malformed("format: not " + FORMAT);
    }
    int version = number(root, "version");
    if (version != VERSION) {
      throw malformed("version: unsupported " + version + " (expected " + VERSION + ")");
    }
    String casId = text(root, "cas");
    SealId sealId;
    try {
      sealId = SealId.fromHex(text(root, "seal"));
    } catch (IllegalArgumentException e) {
      throw malformed("seal: " + e.getMessage());
    }
    byte[] share = base64(text(root, "share"));
    byte[] checksum;
    try {
      String hex = text(root, "checksum");
      if (!hex.matches("[0-9a-f]{64}")) {
        throw malformed("checksum: not 64 lower-case hex digits");
      }
      checksum = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw malformed("checksum: not hex");
    }
    ShamirShare parsed;
    try {
      parsed =
          new ShamirShare(
              sealId,
              casId,
              number(root, "index"),
              number(root, "threshold"),
              number(root, "shares"),
              share);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage());
    } finally {
      Arrays.fill(share, (byte) 0);
    }
    if (!MessageDigest.isEqual(parsed.digest().bytes(), checksum)) {
      throw malformed(
          "checksum: does not match the share, its index and seal id (corrupted, or a share"
              + " copied from another seal)");
    }
    return parsed;
  }

  private static String text(JsonNode root, String member) throws SealException {
    JsonNode v = root.get(member);
    if (v == null) {
      throw malformed("missing member \"" + member + "\"");
    }
    if (!v.isTextual()) {
      throw malformed(member + ": not a string");
    }
    return v.textValue();
  }

  private static int number(JsonNode root, String member) throws SealException {
    JsonNode v = root.get(member);
    if (v == null) {
      throw malformed("missing member \"" + member + "\"");
    }
    if (!v.isInt()) {
      throw malformed(member + ": not an integer");
    }
    return v.intValue();
  }

  private static byte[] base64(String text) throws SealException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed("share: not base64");
    }
    if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw malformed("share: not canonical base64");
    }
    return bytes;
  }

  private static SealException malformed(String why) {
    return new SealException(Reason.MALFORMED, "share file: " + why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShamirShare s
        && index == s.index
        && threshold == s.threshold
        && shareCount == s.shareCount
        && sealId.equals(s.sealId)
        && casId.equals(s.casId)
        && MessageDigest.isEqual(share, s.share);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sealId, index);
  }

  @Override
  public String toString() {
    return "ShamirShare[" + index + " of " + shareCount + ", seal " + sealId + ", share redacted]";
  }
}
