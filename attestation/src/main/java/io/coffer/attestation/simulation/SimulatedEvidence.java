package io.coffer.attestation.simulation;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Coffer's simulated evidence: what a TEE report would say, signed by a simulated platform's
 * Ed25519 key. It proves nothing about confidentiality; it exists so that the whole attestation
 * flow can run in development and CI.
 *
 * <p>Layout (216 bytes, integers big-endian):
 *
 * <pre>
 * offset  size  field
 *      0    16  magic "coffer-sim/v1" followed by three zero bytes
 *     16    32  measurement: SHA-256 of the measured files ({@link Measurement})
 *     48    64  report data
 *    112     8  issued at, Unix seconds
 *    120    32  the simulated platform's Ed25519 public key
 *    152    64  Ed25519 signature over bytes 0..151
 * </pre>
 *
 * @param measurement the 32-byte measurement
 * @param reportData the 64-byte report data
 * @param issuedAt when the platform signed it
 * @param platformKey the signer's raw Ed25519 public key
 * @param signature the Ed25519 signature over the first 152 bytes
 */
public record SimulatedEvidence(
    byte[] measurement, byte[] reportData, Instant issuedAt, byte[] platformKey, byte[] signature) {

  /** The size of simulated evidence. */
  public static final int SIZE_BYTES = 216;

  /** The signed prefix. */
  static final int SIGNED_BYTES = 152;

  /** 9999-12-31T23:59:59Z: anything later is not a time. */
  private static final long LATEST_ISSUE_SECONDS = 253_402_300_799L;

  static final byte[] MAGIC =
      Arrays.copyOf("coffer-sim/v1".getBytes(StandardCharsets.US_ASCII), 16);

  public SimulatedEvidence {
    measurement = exactly(measurement, 32, "measurement");
    reportData = exactly(reportData, 64, "report data");
    platformKey = exactly(platformKey, 32, "platform key");
    signature = exactly(signature, 64, "signature");
  }

  /** Whether {@code bytes} start like simulated evidence. */
  public static boolean looksLike(byte[] bytes) {
    return bytes.length >= MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /**
   * Parses simulated evidence.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} if it is not exactly that layout
   */
  public static SimulatedEvidence parse(byte[] bytes) throws AttestationException {
    if (bytes.length != SIZE_BYTES) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE,
          "simulated evidence is " + SIZE_BYTES + " bytes, got " + bytes.length);
    }
    if (!looksLike(bytes)) {
      throw new AttestationException(Reason.MALFORMED_EVIDENCE, "not simulated evidence (magic)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long seconds = b.getLong(112);
    if (seconds < 0 || seconds > LATEST_ISSUE_SECONDS) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE,
          "issue time " + Long.toUnsignedString(seconds) + " is out of range");
    }
    return new SimulatedEvidence(
        Arrays.copyOfRange(bytes, 16, 48),
        Arrays.copyOfRange(bytes, 48, 112),
        Instant.ofEpochSecond(seconds),
        Arrays.copyOfRange(bytes, 120, 152),
        Arrays.copyOfRange(bytes, 152, 216));
  }

  /** The signed prefix for the given fields. */
  static byte[] signedBytes(byte[] measurement, byte[] reportData, Instant issuedAt, byte[] key) {
    return ByteBuffer.allocate(SIGNED_BYTES)
        .put(MAGIC)
        .put(exactly(measurement, 32, "measurement"))
        .put(exactly(reportData, 64, "report data"))
        .putLong(issuedAt.getEpochSecond())
        .put(exactly(key, 32, "platform key"))
        .array();
  }

  /** The signed prefix of this evidence. */
  byte[] signedBytes() {
    return signedBytes(measurement, reportData, issuedAt, platformKey);
  }

  /** The 216 bytes. */
  public byte[] encode() {
    return ByteBuffer.allocate(SIZE_BYTES).put(signedBytes()).put(signature).array();
  }

  @Override
  public byte[] measurement() {
    return measurement.clone();
  }

  @Override
  public byte[] reportData() {
    return reportData.clone();
  }

  @Override
  public byte[] platformKey() {
    return platformKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimulatedEvidence s && Arrays.equals(encode(), s.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "SimulatedEvidence[issuedAt=" + issuedAt + "]";
  }

  private static byte[] exactly(byte[] b, int n, String what) {
    if (b.length != n) {
      throw new IllegalArgumentException(what + " is " + n + " bytes, got " + b.length);
    }
    return b.clone();
  }
}
