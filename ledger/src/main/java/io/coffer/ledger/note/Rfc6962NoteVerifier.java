package io.coffer.ledger.note;

import io.coffer.ledger.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Optional;

/**
 * Verifies RFC 6962 tree-head signatures carried as note signatures (C2SP static-ct-api,
 * "Checkpoints"; signature type 0x05).
 *
 * <p>The signature is {@code timestamp (uint64 ms) || DigitallySigned(TreeHeadSignature)}, an ECDSA
 * P-256 SHA-256 signature (RFC 6962 §3.5) over the version, type, timestamp, tree size and root
 * hash. The note text must be a checkpoint of exactly three lines whose origin is the key name.
 *
 * <p>Not protected against: a {@code TreeHeadSignature} does not cover the origin line, so the
 * origin is authenticated only by the verifier being configured for it.
 */
public final class Rfc6962NoteVerifier extends NoteVerifier {

  private static final int HASH_SHA256 = 4;
  private static final int SIGNATURE_ECDSA = 3;

  private final PublicKey publicKey;

  private Rfc6962NoteVerifier(String keyName, byte[] spkiDer, PublicKey publicKey) {
    super(keyName, keyIdOf(keyName, spkiDer), spkiDer);
    this.publicKey = publicKey;
  }

  /**
   * The verifier for a log named {@code keyName} (its checkpoint origin) with the ECDSA P-256 key
   * in {@code spkiDer}. The key ID is {@code SHA-256(name || 0x0A || 0x05 || LogID)[:4]}, where the
   * RFC 6962 LogID is SHA-256 of the DER SubjectPublicKeyInfo.
   *
   * @throws NoteException {@code MALFORMED_KEY} or {@code UNSUPPORTED_KEY_TYPE}
   */
  public static Rfc6962NoteVerifier of(String keyName, byte[] spkiDer) throws NoteException {
    if (!KeyNames.isValid(keyName)) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "invalid key name " + KeyNames.describe(keyName));
    }
    byte[] der = spkiDer.clone();
    return new Rfc6962NoteVerifier(keyName, der, P256Keys.publicKey(der));
  }

  private static KeyId keyIdOf(String keyName, byte[] spkiDer) {
    byte[] logId = KeyId.sha256().digest(spkiDer);
    return KeyId.derive(keyName, SignatureType.RFC6962_TREE_HEAD.id(), logId);
  }

  @Override
  public SignatureType type() {
    return SignatureType.RFC6962_TREE_HEAD;
  }

  @Override
  boolean verifies(byte[] text, byte[] signature) {
    Optional<TreeHeadLines> head = TreeHeadLines.parse(text);
    if (head.isEmpty() || !head.get().origin().equals(keyName())) {
      return false;
    }
    ByteBuffer sig = ByteBuffer.wrap(signature);
    if (sig.remaining() < 8 + 2 + 2) {
      return false;
    }
    long timestamp = sig.getLong();
    int hash = sig.get() & 0xff;
    int algorithm = sig.get() & 0xff;
    int length = sig.getShort() & 0xffff;
    if (hash != HASH_SHA256 || algorithm != SIGNATURE_ECDSA || sig.remaining() != length) {
      return false;
    }
    byte[] der = new byte[length];
    sig.get(der);
    // RFC 6962 §3.5: digitally-signed struct { Version version; SignatureType signature_type =
    // tree_hash; uint64 timestamp; uint64 tree_size; opaque sha256_root_hash[32]; }
    ByteBuffer signed = ByteBuffer.allocate(1 + 1 + 8 + 8 + Hash.SIZE_BYTES);
    signed.put((byte) 0).put((byte) 1).putLong(timestamp).putLong(head.get().size());
    head.get().root().copyTo(signed.array(), 18);
    return P256Keys.verify(publicKey, signed.array(), der);
  }

  /** The three lines of a checkpoint with no extension lines (static-ct-api "Checkpoints"). */
  private record TreeHeadLines(String origin, long size, Hash root) {

    static Optional<TreeHeadLines> parse(byte[] text) {
      String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
      if (lines.length != 4 || !lines[3].isEmpty() || lines[0].isEmpty()) {
        return Optional.empty();
      }
      String size = lines[1];
      if (size.isEmpty()
          || size.length() > 19
          || (size.length() > 1 && size.charAt(0) == '0')
          || !size.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      Optional<byte[]> root = StrictBase64.decode(lines[2]);
      if (root.isEmpty() || root.get().length != Hash.SIZE_BYTES) {
        return Optional.empty();
      }
      try {
        return Optional.of(new TreeHeadLines(lines[0], Long.parseLong(size), Hash.of(root.get())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
