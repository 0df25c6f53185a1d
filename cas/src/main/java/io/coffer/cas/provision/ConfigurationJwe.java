package io.coffer.cas.provision;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.coffer.cas.provision.ConfigurationJweException.Reason;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service's configuration encrypted to the workload's attested key: a compact JWE (RFC 7516 §7.1)
 * with {@code alg} {@code ECDH-ES} (direct key agreement, RFC 7518 §4.6) and {@code enc} {@code
 * A256GCM} (RFC 7518 §5.3). The header says {@code typ} {@value #TYPE} (explicit typing, RFC 8725
 * §3.11), {@code cty} {@code json} (RFC 7516 §4.1.12, {@code application/} omitted) and {@code
 * kid}, the RFC 7638 SHA-256 thumbprint of the recipient key.
 *
 * <p>Security guarantees: only the holder of the attested private key can open it, and any change
 * to it makes it fail to open ({@link Reason#WRONG_KEY}). Decryption accepts exactly {@code
 * ECDH-ES} with {@code A256GCM}, no compression and no critical extensions, whatever the header
 * says, so a header cannot downgrade the algorithm. The sender's ephemeral key must be a point of
 * the recipient's curve (checked when the header is parsed, RFC 7518 §6.2.1.1, against
 * invalid-curve attacks).
 *
 * <p>Not protected against: a JWE replayed to the same key (it is the same configuration); who sent
 * it (ECDH-ES does not authenticate the sender: the workload learns that from the TLS channel to
 * the pinned CAS). Costs: one ephemeral key pair and one ECDH per call, then AES-GCM over the
 * configuration; nothing else is parsed or recomputed.
 */
public final class ConfigurationJwe {

  /** The {@code typ} of a configuration JWE. */
  public static final String TYPE = "coffer-configuration+jwe";

  /** The largest compact JWE {@link #decrypt} reads, in characters. */
  public static final int MAX_COMPACT_CHARS = 16 * 1024 * 1024;

  private static final JOSEObjectType JOSE_TYPE = new JOSEObjectType(TYPE);

  // RFC 7516 §7.1 and RFC 7515 §2: five base64url parts, without padding or any other character.
  private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*){4}");
  private static final String CONTENT_TYPE = "json";

  private ConfigurationJwe() {}

  /**
   * The configuration {@code configurationJson} (UTF-8 JSON; not parsed here) encrypted to {@code
   * attestedKey}.
   *
   * @throws IllegalArgumentException for a key that is not EC on P-256, P-384 or P-521, or whose
   *     point is not on its curve
   */
  public static String encrypt(byte[] configurationJson, PublicKey attestedKey) {
    return encrypt(configurationJson, AttestedKey.of(attestedKey));
  }

  /** The configuration {@code configurationJson} encrypted to the checked {@code attestedKey}. */
  public static String encrypt(byte[] configurationJson, AttestedKey attestedKey) {
    Objects.requireNonNull(configurationJson, "configurationJson");
    Objects.requireNonNull(attestedKey, "attestedKey");
    JWEHeader header =
        new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
            .type(JOSE_TYPE)
            .contentType(CONTENT_TYPE)
            .keyID(attestedKey.thumbprint().base64Url())
            .build();
    JWEObject jwe = new JWEObject(header, new Payload(configurationJson));
    try {
      jwe.encrypt(new ECDHEncrypter(attestedKey.publicKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("ECDH-ES with A256GCM failed on a checked key", e);
    }
    return jwe.serialize();
  }

  /**
   * The configuration in {@code compactJwe}, opened with {@code key}.
   *
   * @throws IllegalArgumentException for a key that is not an EC private key on P-256, P-384 or
   *     P-521 (a programming error, not a property of the JWE)
   * @throws ConfigurationJweException when the JWE is malformed, of another type or algorithm, or
   *     does not open with {@code key}
   */
  public static byte[] decrypt(String compactJwe, PrivateKey key) throws ConfigurationJweException {
    Objects.requireNonNull(compactJwe, "compactJwe");
    Curve curve = curveOf(key);
    if (compactJwe.length() > MAX_COMPACT_CHARS) {
      throw new ConfigurationJweException(
          Reason.MALFORMED,
          "the JWE has " + compactJwe.length() + " characters, more than " + MAX_COMPACT_CHARS);
    }
    // Nimbus trims whitespace and skips characters outside the alphabet: refuse them instead.
    if (!COMPACT.matcher(compactJwe).matches()) {
      throw new ConfigurationJweException(
          Reason.MALFORMED, "not five base64url parts without other characters (RFC 7516 §7.1)");
    }
    JWEObject jwe;
    try {
      jwe = JWEObject.parse(compactJwe);
    } catch (ParseException | RuntimeException e) {
      // Nimbus throws a NullPointerException for a header without enc (RFC 7516 §4.1.2).
      throw new ConfigurationJweException(
          Reason.MALFORMED, "not a compact JWE: " + e.getMessage(), e);
    }
    JWEHeader header = jwe.getHeader();
    checkHeader(header, curve);
    try {
      jwe.decrypt(new ECDHDecrypter((ECPrivateKey) key));
    } catch (JOSEException e) {
      throw new ConfigurationJweException(
          Reason.WRONG_KEY, "the JWE does not open with this key, or was altered", e);
    }
    return jwe.getPayload().toBytes();
  }

  // RFC 7518 §4.6 and §5.3 only; RFC 7516 §4.1.3 (zip) and §4.1.13 (crit) refused.
  private static void checkHeader(JWEHeader header, Curve curve) throws ConfigurationJweException {
    if (!JWEAlgorithm.ECDH_ES.equals(header.getAlgorithm())) {
      throw new ConfigurationJweException(
          Reason.UNSUPPORTED_ALGORITHM,
          "header alg is " + header.getAlgorithm() + "; only ECDH-ES is accepted");
    }
    if (!EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
      throw new ConfigurationJweException(
          Reason.UNSUPPORTED_ALGORITHM,
          "header enc is " + header.getEncryptionMethod() + "; only A256GCM is accepted");
    }
    if (header.getCompressionAlgorithm() != null) {
      throw new ConfigurationJweException(
          Reason.UNSUPPORTED_ALGORITHM,
          "header zip is " + header.getCompressionAlgorithm() + "; no compression is accepted");
    }
    if (header.getCriticalParams() != null) {
      throw new ConfigurationJweException(
          Reason.MALFORMED, "header crit " + header.getCriticalParams() + " is not understood");
    }
    if (!JOSE_TYPE.equals(header.getType())) {
      throw new ConfigurationJweException(
          Reason.WRONG_TYPE, "header typ is " + header.getType() + ", not " + TYPE);
    }
    if (!(header.getEphemeralPublicKey() instanceof ECKey epk)) {
      throw new ConfigurationJweException(
          Reason.MALFORMED, "header epk is missing or not an EC key (RFC 7518 §4.6.1.1)");
    }
    if (!curve.equals(epk.getCurve())) {
      throw new ConfigurationJweException(
          Reason.WRONG_KEY,
          "the JWE was made for a " + epk.getCurve() + " key, this key is on " + curve);
    }
  }

  private static Curve curveOf(PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (!(key instanceof ECPrivateKey ec)) {
      throw new IllegalArgumentException(
          "a configuration JWE opens with an EC private key, not " + key.getAlgorithm());
    }
    Curve curve = Curve.forECParameterSpec(ec.getParams());
    if (curve == null || !ECDHDecrypter.SUPPORTED_ELLIPTIC_CURVES.contains(curve)) {
      throw new IllegalArgumentException("the private key is not on P-256, P-384 or P-521");
    }
    return curve;
  }
}
