package io.coffer.cas.provision;

import com.nimbusds.jose.util.Base64URL;
import java.util.Arrays;

/**
 * The RFC 7638 JWK thumbprint of a public key, with SHA-256 (RFC 7638 §3): 32 bytes. Names the
 * attested key as the {@code kid} of a configuration JWE and as {@code cnf.jkt} (RFC 9449 §6.1, in
 * the RFC 7800 {@code cnf} claim) of an EAR, so both can be matched to the key.
 *
 * @param sha256 the 32-byte digest (copied in and out)
 */
public record KeyThumbprint(byte[] sha256) {

  /** The length in bytes. */
  public static final int LENGTH = 32;

  /**
   * @throws IllegalArgumentException unless {@code sha256} is 32 bytes long
   */
  public KeyThumbprint {
    if (sha256 == null || sha256.length != LENGTH) {
      throw new IllegalArgumentException("a SHA-256 key thumbprint is " + LENGTH + " bytes");
    }
    sha256 = sha256.clone();
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  /** The thumbprint as JOSE writes it: base64url without padding (RFC 7638 §3.1). */
  public String base64Url() {
    return Base64URL.encode(sha256).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyThumbprint other && Arrays.equals(sha256, other.sha256);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    return base64Url();
  }
}
