package io.coffer.cas.pki;

import io.coffer.cas.pki.CertificateAuthorityException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The storage encoding of a {@link CertificateAuthority}, version 1 (integers big-endian):
 *
 * <pre>
 * magic "CCA", version 0x01
 * u32 private key length (1..{@value #MAX_KEY_BYTES}), then the PKCS#8 PrivateKeyInfo DER
 * u32 certificate length (1..{@value #MAX_CERTIFICATE_BYTES}), then the certificate DER
 * </pre>
 *
 * <p>Nothing may follow the certificate. Each DER structure must be exactly one value.
 */
final class CertificateAuthorityEncoding {

  /** The largest PKCS#8 key accepted (an RSA-4096 key is about 2,400 bytes). */
  static final int MAX_KEY_BYTES = 8192;

  /** The largest certificate accepted. */
  static final int MAX_CERTIFICATE_BYTES = 16384;

  private static final byte[] MAGIC = "CCA".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  private CertificateAuthorityEncoding() {}

  /** The decoded parts, not checked against each other yet. */
  record Parts(PrivateKey privateKey, X509Certificate certificate) {}

  static byte[] encode(byte[] pkcs8, byte[] certificate) {
    return ByteBuffer.allocate(MAGIC.length + 1 + 4 + pkcs8.length + 4 + certificate.length)
        .put(MAGIC)
        .put((byte) VERSION)
        .putInt(pkcs8.length)
        .put(pkcs8)
        .putInt(certificate.length)
        .put(certificate)
        .array();
  }

  static Parts decode(byte[] encoded) throws CertificateAuthorityException {
    if (encoded.length > MAGIC.length + 9 + MAX_KEY_BYTES + MAX_CERTIFICATE_BYTES) {
      throw malformed("longer than any encoded CA (" + encoded.length + " bytes)", null);
    }
    ByteBuffer b = ByteBuffer.wrap(encoded);
    byte[] key;
    byte[] certificate;
    try {
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw malformed("not an encoded CA (magic)", null);
      }
      int version = b.get() & 0xff;
      if (version != VERSION) {
        throw malformed("unsupported version " + version + " (expected " + VERSION + ")", null);
      }
      key = lengthPrefixed(b, MAX_KEY_BYTES, "private key");
      certificate = lengthPrefixed(b, MAX_CERTIFICATE_BYTES, "certificate");
    } catch (BufferUnderflowException e) {
      throw malformed("truncated", e);
    }
    if (b.hasRemaining()) {
      throw malformed(b.remaining() + " bytes after the certificate", null);
    }
    return new Parts(privateKey(key), certificate(certificate));
  }

  private static byte[] lengthPrefixed(ByteBuffer b, int max, String what)
      throws CertificateAuthorityException {
    int length = b.getInt();
    if (length < 1 || length > max) {
      throw malformed(what + " length " + Integer.toUnsignedString(length) + " out of range", null);
    }
    byte[] out = new byte[length];
    b.get(out);
    return out;
  }

  private static PrivateKey privateKey(byte[] der) throws CertificateAuthorityException {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      return new JcaPEMKeyConverter().getPrivateKey(info);
    } catch (IOException | RuntimeException e) {
      throw malformed("the private key is not a PKCS#8 key Coffer reads", e);
    }
  }

  private static X509Certificate certificate(byte[] der) throws CertificateAuthorityException {
    try {
      ByteArrayInputStream in = new ByteArrayInputStream(der);
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      if (in.available() != 0) {
        throw malformed("bytes after the certificate's DER", null);
      }
      return certificate;
    } catch (CertificateException | RuntimeException e) {
      throw malformed("the certificate does not parse", e);
    }
  }

  private static CertificateAuthorityException malformed(String message, Throwable cause) {
    return new CertificateAuthorityException(Reason.MALFORMED, "encoded CA: " + message, cause);
  }
}
