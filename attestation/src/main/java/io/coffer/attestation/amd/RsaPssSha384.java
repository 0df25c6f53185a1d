package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The one signature scheme of AMD's SEV-SNP certificates and CRLs: RSASSA-PSS (RFC 8017 §8.1) with
 * SHA-384, MGF1 with SHA-384, a 48-byte salt and trailer field 1 (VCEK specification §2;
 * go-sev-guest requires {@code SHA384WithRSAPSS}). Anything else is refused, so a certificate
 * cannot pick a weaker scheme; the JCA's {@code RSASSA-PSS} does the arithmetic.
 */
final class RsaPssSha384 {

  static final String RSASSA_PSS_OID = PKCSObjectIdentifiers.id_RSASSA_PSS.getId();
  static final int SALT_LENGTH = 48;

  private RsaPssSha384() {}

  /**
   * Verifies {@code signature} over {@code signed} by {@code key}, after checking that the
   * algorithm identifier ({@code oid} with DER {@code params}) is exactly this scheme.
   *
   * @param what the signed object, for messages
   * @throws AttestationException with {@code failure} if the scheme differs or the signature does
   *     not verify
   */
  static void verify(
      String oid,
      byte[] params,
      byte[] signed,
      byte[] signature,
      PublicKey key,
      String what,
      Reason failure)
      throws AttestationException {
    if (!RSASSA_PSS_OID.equals(oid)) {
      throw new AttestationException(
          failure, what + " is signed with " + oid + ", not RSASSA-PSS (" + RSASSA_PSS_OID + ")");
    }
    checkParameters(params, what, failure);
    try {
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(
          new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, SALT_LENGTH, 1));
      s.initVerify(key);
      s.update(signed);
      if (!s.verify(signature)) {
        throw new AttestationException(failure, what + ": the signature does not verify");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new AttestationException(
          failure, what + ": the signature cannot be verified (" + e.getMessage() + ")", e);
    }
  }

  private static void checkParameters(byte[] params, String what, Reason failure)
      throws AttestationException {
    if (params == null) {
      throw new AttestationException(failure, what + ": RSASSA-PSS without parameters");
    }
    try {
      RSASSAPSSparams p = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(params));
      AlgorithmIdentifier mgf = p.getMaskGenAlgorithm();
      boolean ok =
          p.getHashAlgorithm().getAlgorithm().equals(NISTObjectIdentifiers.id_sha384)
              && mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
              && AlgorithmIdentifier.getInstance(mgf.getParameters())
                  .getAlgorithm()
                  .equals(NISTObjectIdentifiers.id_sha384)
              && p.getSaltLength().equals(BigInteger.valueOf(SALT_LENGTH))
              && p.getTrailerField().equals(BigInteger.ONE);
      if (!ok) {
        throw new AttestationException(
            failure,
            what + ": RSASSA-PSS parameters are not SHA-384, MGF1-SHA-384, salt 48, trailer 1");
      }
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | ClassCastException e) {
      throw new AttestationException(failure, what + ": malformed RSASSA-PSS parameters", e);
    }
  }
}
