package io.coffer.cas.attest;

import io.coffer.cas.events.AttestationFailed.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The public key a workload made inside its TEE, as it sent it: its SubjectPublicKeyInfo DER and
 * the key. Only EC keys on P-256, P-384 or P-521 are accepted: the configuration is encrypted to
 * the key with ECDH-ES, and the certificate for it serves TLS.
 *
 * <p>Security guarantees: the DER must be the key's own canonical encoding (re-encoding the parsed
 * key gives the same bytes), so that what the evidence binds, what the JWE is encrypted to and what
 * the certificate names are one key.
 */
public final class WorkloadKey {

  /** The longest SubjectPublicKeyInfo accepted (a P-521 key is 158 bytes). */
  public static final int MAX_SPKI_BYTES = 512;

  private final byte[] spki;
  private final ECPublicKey key;
  private final io.coffer.cas.provision.AttestedKey attested;

  private WorkloadKey(byte[] spki, ECPublicKey key) {
    this.spki = spki;
    this.key = key;
    this.attested = io.coffer.cas.provision.AttestedKey.of(key);
  }

  /**
   * Reads a SubjectPublicKeyInfo.
   *
   * @throws AttestationRefused {@code KEY_UNSUPPORTED} for anything but a canonically encoded EC
   *     key on P-256, P-384 or P-521
   */
  public static WorkloadKey parse(byte[] spki) throws AttestationRefused {
    if (spki.length == 0 || spki.length > MAX_SPKI_BYTES) {
      throw unsupported("public_key is not a SubjectPublicKeyInfo of an EC key");
    }
    PublicKey parsed;
    try {
      parsed = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki.clone()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw unsupported(
          "public_key is not a SubjectPublicKeyInfo of an EC key on P-256, P-384 or P-521");
    }
    if (!(parsed instanceof ECPublicKey ec)) {
      throw unsupported("public_key is not an EC key");
    }
    int bits = ec.getParams().getCurve().getField().getFieldSize();
    if (bits != 256 && bits != 384 && bits != 521) {
      throw unsupported("public_key is on a curve other than P-256, P-384 or P-521");
    }
    if (!Arrays.equals(ec.getEncoded(), spki)) {
      throw unsupported("public_key is not in the canonical DER encoding of its key");
    }
    try {
      return new WorkloadKey(spki.clone(), ec);
    } catch (IllegalArgumentException e) {
      throw unsupported("public_key is not a point of its curve");
    }
  }

  private static AttestationRefused unsupported(String message) {
    return new AttestationRefused(Reason.KEY_UNSUPPORTED, message);
  }

  /** The SubjectPublicKeyInfo DER, as sent. */
  public byte[] spki() {
    return spki.clone();
  }

  /** The key. */
  public ECPublicKey key() {
    return key;
  }

  /** The key as the configuration is encrypted to it, with its RFC 7638 thumbprint. */
  public io.coffer.cas.provision.AttestedKey attested() {
    return attested;
  }

  /** SHA-256 of the SubjectPublicKeyInfo in lower-case hex: the key's name in the ledger. */
  public String sha256Hex() {
    return HexFormat.of().formatHex(Digests.sha256(spki));
  }

  /**
   * Checks that the evidence's report data is SHA-512(nonce || SubjectPublicKeyInfo): the key was
   * made by the code the evidence describes, for this challenge.
   *
   * @throws AttestationRefused {@code KEY_NOT_BOUND} otherwise
   */
  public void checkBinding(byte[] reportData, byte[] nonce) throws AttestationRefused {
    byte[] expected = reportData(nonce, spki);
    if (!MessageDigest.isEqual(expected, reportData)) {
      throw new AttestationRefused(
          Reason.KEY_NOT_BOUND,
          "the evidence's report data is not SHA-512(nonce || public_key): the key is not bound to"
              + " this evidence and challenge");
    }
  }

  /** The report data a workload puts into its evidence: SHA-512(nonce || spki). */
  public static byte[] reportData(byte[] nonce, byte[] spki) {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      sha512.update(nonce);
      sha512.update(spki);
      return sha512.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-512", e);
    }
  }

  @Override
  public String toString() {
    return "WorkloadKey[" + sha256Hex() + "]";
  }
}
