package io.coffer.cas.seal;

import io.coffer.cas.seal.SealException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seal whose key-encryption key lies in a file of the data directory ({@value #FILE_NAME}): for
 * development and simulation only ({@code --seal key-file}).
 *
 * <p>Security guarantees: the file is created mode 0600, complete or not at all, and never
 * replaced; it is refused when its group or others have any permission. A wrapped key opens only
 * with the file made for its seal and CAS instance.
 *
 * <p>Not protected against: anyone who can read the file, the operator first of all. Together with
 * the store it opens every secret. Every use logs a warning.
 *
 * <p>File format, one line of ASCII: {@code coffer-insecure-seal/v1 <CAS instance id> <seal id as
 * 32 hex digits> <the 32-byte key in base64>} and a newline.
 */
public final class InsecureKeyFileSeal implements Seal {

  /** The file's name in the data directory. */
  public static final String FILE_NAME = "insecure-seal.key";

  private static final Logger LOG = LoggerFactory.getLogger(InsecureKeyFileSeal.class);
  private static final String MAGIC = "coffer-insecure-seal/v1";
  private static final Pattern LINE =
      Pattern.compile(
          "coffer-insecure-seal/v1 ([A-Za-z0-9][A-Za-z0-9._-]{0,63}) ([0-9a-f]{32})"
              + " ([A-Za-z0-9+/]{43}=)\n");
  private static final int MAX_FILE_BYTES = 256;

  private final Path file;
  private final String casId;
  private final SealId sealId;
  private final KeyEncryptionKey kek;

  private InsecureKeyFileSeal(Path file, String casId, SealId sealId, KeyEncryptionKey kek) {
    this.file = file;
    this.casId = casId;
    this.sealId = sealId;
    this.kek = kek;
  }

  /**
   * Makes a new key file in {@code dataDirectory} for the CAS instance {@code casId}.
   *
   * @throws SealException {@code IO} if the file exists or cannot be written, {@code
   *     UNSAFE_KEY_FILE} without POSIX permissions
   */
  public static InsecureKeyFileSeal create(Path dataDirectory, String casId, SecureRandom random)
      throws SealException {
    SealedDataKey.requireCasId(casId);
    Path file = dataDirectory.resolve(FILE_NAME);
    InsecureKeyFileSeal seal =
        new InsecureKeyFileSeal(
            file, casId, SealId.generate(random), KeyEncryptionKey.generate(random));
    byte[] key = seal.kek.revealBytes();
    String line =
        MAGIC
            + " "
            + casId
            + " "
            + seal.sealId.hex()
            + " "
            + Base64.getEncoder().encodeToString(key)
            + "\n";
    Arrays.fill(key, (byte) 0);
    OwnerOnlyFiles.createNew(file, line.getBytes(StandardCharsets.US_ASCII));
    warn(file, "created");
    return seal;
  }

  /**
   * Reads the key file in {@code dataDirectory}.
   *
   * @throws SealException {@code UNSAFE_KEY_FILE} if others may read it, {@code MALFORMED} if it is
   *     not a key file, {@code IO} if it cannot be read
   */
  public static InsecureKeyFileSeal load(Path dataDirectory) throws SealException {
    Path file = dataDirectory.resolve(FILE_NAME);
    byte[] content = OwnerOnlyFiles.readPrivate(file, MAX_FILE_BYTES);
    Matcher m = LINE.matcher(new String(content, StandardCharsets.US_ASCII));
    Arrays.fill(content, (byte) 0);
    if (!m.matches()) {
      // The message never quotes the content: it may hold the key.
      throw new SealException(
          Reason.MALFORMED,
          file
              + ": not a key file (one line: "
              + MAGIC
              + " <CAS instance id> <seal id> <base64 key>)");
    }
    byte[] key = Base64.getDecoder().decode(m.group(3));
    if (key.length != KeyEncryptionKey.SIZE_BYTES
        || !Base64.getEncoder().encodeToString(key).equals(m.group(3))) {
      Arrays.fill(key, (byte) 0);
      throw new SealException(Reason.MALFORMED, file + ": the key is not 32 bytes of base64");
    }
    InsecureKeyFileSeal seal =
        new InsecureKeyFileSeal(
            file, m.group(1), SealId.fromHex(m.group(2)), KeyEncryptionKey.of(key));
    Arrays.fill(key, (byte) 0);
    warn(file, "loaded");
    return seal;
  }

  private static void warn(Path file, String what) {
    LOG.atWarn()
        .addKeyValue("file", file)
        .addKeyValue("event", what)
        .log(
            "INSECURE key-file seal: whoever can read this file and the store can read every"
                + " secret; for development and simulation only");
  }

  @Override
  public SealType type() {
    return SealType.KEY_FILE;
  }

  @Override
  public SealId sealId() {
    return sealId;
  }

  @Override
  public String casId() {
    return casId;
  }

  /** The key file. */
  public Path file() {
    return file;
  }

  @Override
  public byte[] wrap(DataKey key) {
    return key.wrap(aead(), SealedDataKey.header(type(), sealId, casId, 0, List.of()));
  }

  @Override
  public SealedDataKey seal(DataKey key) {
    return new SealedDataKey(type(), sealId, casId, 0, List.of(), wrap(key));
  }

  /**
   * The data key in {@code sealed}, which must come from this key file's seal.
   *
   * @throws SealException {@code WRONG_SEAL} for a key of another seal, type or CAS instance;
   *     {@code DOES_NOT_OPEN} if it was altered
   */
  public DataKey open(SealedDataKey sealed) throws SealException {
    Objects.requireNonNull(sealed, "sealed");
    if (sealed.type() != SealType.KEY_FILE) {
      throw new SealException(
          Reason.WRONG_SEAL,
          "the stored data key is sealed by " + sealed.type() + ", not by the key file " + file);
    }
    if (!sealed.sealId().equals(sealId) || !sealed.casId().equals(casId)) {
      throw new SealException(
          Reason.WRONG_SEAL,
          "the key file "
              + file
              + " is for seal "
              + sealId
              + " of CAS "
              + casId
              + ", the stored data key for seal "
              + sealed.sealId()
              + " of CAS "
              + sealed.casId());
    }
    try {
      return DataKey.unwrap(sealed.wrappedKey(), aead(), sealed.associatedData());
    } catch (GeneralSecurityException e) {
      throw new SealException(
          Reason.DOES_NOT_OPEN,
          "the key file " + file + " does not open the stored data key: altered or another key",
          e);
    }
  }

  private com.google.crypto.tink.Aead aead() {
    try {
      return kek.aead();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    }
  }

  @Override
  public String toString() {
    return "InsecureKeyFileSeal[" + file + ", seal " + sealId + "]";
  }
}
