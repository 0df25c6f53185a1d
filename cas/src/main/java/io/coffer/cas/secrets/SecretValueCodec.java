package io.coffer.cas.secrets;

import io.coffer.cas.secrets.SecretFormatException.Reason;
import io.coffer.policy.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The storage encoding of a {@link SecretValue}, version 1 (integers big-endian):
 *
 * <pre>
 * magic "CSV", version 0x01, u8 type: 1 ascii, 2 binary, 3 private key, 4 certificate
 * ascii, binary:  u32 length (0..65536), then the bytes
 * private key:    u32 length, PKCS#8 PrivateKeyInfo DER; u32 length, SubjectPublicKeyInfo DER
 * certificate:    u32 length, PKCS#8 PrivateKeyInfo DER; u8 count (1..4); count times
 *                 u32 length, certificate DER (leaf first)
 * </pre>
 *
 * <p>Keys and certificates are 1 to {@value #MAX_DER_BYTES} bytes, each exactly one DER value.
 * Nothing may follow the last field. An {@code x509-ca} value is one CA certificate; an {@code
 * x509} value's first certificate is not a CA.
 */
final class SecretValueCodec {

  static final int MAX_DER_BYTES = 16384;

  private static final byte[] MAGIC = "CSV".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int ASCII = 1;
  private static final int BINARY = 2;
  private static final int PRIVATE_KEY = 3;
  private static final int CERTIFICATE = 4;

  private SecretValueCodec() {}

  static byte[] encode(SecretValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(VERSION);
    switch (value) {
      case SecretValue.Ascii a -> {
        out.write(ASCII);
        lengthPrefixed(out, a.text());
      }
      case SecretValue.Binary b -> {
        out.write(BINARY);
        lengthPrefixed(out, b.bytes());
      }
      case SecretValue.PrivateKeyValue k -> {
        out.write(PRIVATE_KEY);
        lengthPrefixed(out, k.key().getEncoded());
        lengthPrefixed(out, k.publicKey().getEncoded());
      }
      case SecretValue.CertificateValue c -> {
        out.write(CERTIFICATE);
        lengthPrefixed(out, c.key().getEncoded());
        out.write(c.chain().size());
        for (X509Certificate certificate : c.chain()) {
          try {
            lengthPrefixed(out, certificate.getEncoded());
          } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
          }
        }
      }
    }
    return out.toByteArray();
  }

  static SecretValue decode(Secret.Kind kind, byte[] encoded) throws SecretFormatException {
    if (encoded.length > MAGIC.length + 2 + (SecretValue.MAX_CHAIN + 1) * (4 + MAX_DER_BYTES) + 1) {
      throw malformed("longer than any secret value (" + encoded.length + " bytes)", null);
    }
    ByteBuffer b = ByteBuffer.wrap(encoded);
    try {
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw malformed("not a secret value (magic)", null);
      }
      int version = b.get() & 0xff;
      if (version != VERSION) {
        throw new SecretFormatException(
            Reason.UNSUPPORTED_VERSION,
            "secret value: unsupported version " + version + " (expected " + VERSION + ")");
      }
      int type = b.get() & 0xff;
      int expected =
          switch (kind) {
            case ASCII -> ASCII;
            case BINARY -> BINARY;
            case PRIVATE_KEY -> PRIVATE_KEY;
            case X509_CA, X509 -> CERTIFICATE;
          };
      if (type < ASCII || type > CERTIFICATE) {
        throw malformed("unknown type " + type, null);
      }
      if (type != expected) {
        throw wrongKind(kind, "holds a value of type " + type);
      }
      SecretValue value =
          switch (type) {
            case ASCII -> new SecretValue.Ascii(bytes(b, 0, SecretValue.MAX_BYTES, "text"));
            case BINARY -> new SecretValue.Binary(bytes(b, 0, SecretValue.MAX_BYTES, "bytes"));
            case PRIVATE_KEY ->
                new SecretValue.PrivateKeyValue(privateKey(b), publicKey(der(b, "public key")));
            default -> certificateValue(kind, b);
          };
      if (b.hasRemaining()) {
        throw malformed(b.remaining() + " bytes after the value", null);
      }
      return value;
    } catch (BufferUnderflowException e) {
      throw malformed("truncated", e);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage(), e);
    }
  }

  private static SecretValue.CertificateValue certificateValue(Secret.Kind kind, ByteBuffer b)
      throws SecretFormatException {
    PrivateKey key = privateKey(b);
    int count = b.get() & 0xff;
    if (count < 1 || count > SecretValue.MAX_CHAIN) {
      throw malformed("chain of " + count + " certificates", null);
    }
    List<X509Certificate> chain = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chain.add(certificate(der(b, "certificate " + i)));
    }
    boolean ca = chain.get(0).getBasicConstraints() >= 0;
    if (kind == Secret.Kind.X509_CA && (count != 1 || !ca)) {
      throw wrongKind(kind, "is not one CA certificate");
    }
    if (kind == Secret.Kind.X509 && ca) {
      throw wrongKind(kind, "holds a CA certificate");
    }
    return new SecretValue.CertificateValue(key, chain);
  }

  private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static byte[] bytes(ByteBuffer b, int min, int max, String what)
      throws SecretFormatException {
    int length = b.getInt();
    if (length < min || length > max) {
      throw malformed(what + " length " + Integer.toUnsignedString(length) + " out of range", null);
    }
    byte[] out = new byte[length];
    b.get(out);
    return out;
  }

  private static byte[] der(ByteBuffer b, String what) throws SecretFormatException {
    return bytes(b, 1, MAX_DER_BYTES, what);
  }

  private static PrivateKey privateKey(ByteBuffer b) throws SecretFormatException {
    byte[] der = der(b, "private key");
    try {
      return new JcaPEMKeyConverter()
          .getPrivateKey(PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der)));
    } catch (IOException | RuntimeException e) {
      throw malformed("the private key is not a PKCS#8 key Coffer reads", e);
    }
  }

  private static PublicKey publicKey(byte[] der) throws SecretFormatException {
    try {
      return new JcaPEMKeyConverter()
          .getPublicKey(SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der)));
    } catch (IOException | RuntimeException e) {
      throw malformed("the public key is not a SubjectPublicKeyInfo Coffer reads", e);
    }
  }

  private static X509Certificate certificate(byte[] der) throws SecretFormatException {
    try {
      ByteArrayInputStream in = new ByteArrayInputStream(der);
      X509Certificate c =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      if (in.available() != 0) {
        throw malformed("bytes after a certificate's DER", null);
      }
      return c;
    } catch (CertificateException | RuntimeException e) {
      throw malformed("a certificate does not parse", e);
    }
  }

  private static SecretFormatException wrongKind(Secret.Kind kind, String what) {
    return new SecretFormatException(
        Reason.WRONG_KIND, "secret value: expected " + kind.yamlName() + ", the encoding " + what);
  }

  private static SecretFormatException malformed(String message, Throwable cause) {
    return new SecretFormatException(Reason.MALFORMED, "secret value: " + message, cause);
  }
}
