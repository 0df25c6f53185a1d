package io.coffer.attestation.amd;

import io.coffer.attestation.Collateral;
import io.coffer.attestation.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * A made-up AMD PKI for tests the published vectors cannot cover (Genoa, Turin, report v5, chip and
 * TCB mismatches under a valid signature): an ARK, ASK or ASVK and VCEK or VLEK with AMD's names,
 * extensions and RSASSA-PSS SHA-384 signatures, but test keys. Its ARK is trusted only through
 * {@link TrustAnchors#withAmdRoot}. Certificates are built with BouncyCastle's ASN.1 classes and
 * signed by the JCA.
 */
final class TestAmdPki {

  static final Instant NOT_BEFORE = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2034-01-01T00:00:00Z");
  static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static final KeyPair ROOT_KEY = rsa();
  private static final KeyPair INTERMEDIATE_KEY = rsa();
  private static final KeyPair LEAF_KEY = ec();

  private TestAmdPki() {}

  /** A chain of this PKI. */
  record Chain(
      X509Certificate ark, X509Certificate intermediate, X509Certificate leaf, PrivateKey leafKey) {

    /** The defaults with this chain's ARK trusted too. */
    TrustAnchors anchors() {
      return TrustAnchors.defaults().withAmdRoot(ark);
    }

    /** Leaf and intermediate. */
    Collateral collateral() {
      return Collateral.of(List.of(leaf, intermediate), List.of(), List.of());
    }
  }

  /** The extensions of a leaf, by OID, as extnValue contents; edit them before {@link #chain}. */
  static Map<String, byte[]> leafExtensions(
      ProductLine product, SigningKey kind, TcbVersion tcb, byte[] hwId) {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put(EndorsementKey.STRUCT_VERSION, der(new ASN1Integer(product.hasFmc() ? 1 : 0)));
    e.put(
        EndorsementKey.PRODUCT_NAME,
        der(
            new DERIA5String(
                kind == SigningKey.VCEK ? product.displayName() + "-B0" : product.displayName())));
    e.put(EndorsementKey.BL_SPL, der(new ASN1Integer(tcb.bootloader())));
    e.put(EndorsementKey.TEE_SPL, der(new ASN1Integer(tcb.tee())));
    e.put(EndorsementKey.SNP_SPL, der(new ASN1Integer(tcb.snp())));
    if (!product.hasFmc()) {
      for (String reserved : EndorsementKey.RESERVED_SPLS) {
        e.put(reserved, der(new ASN1Integer(0)));
      }
    }
    e.put(EndorsementKey.UCODE_SPL, der(new ASN1Integer(tcb.microcode())));
    if (product.hasFmc()) {
      e.put(EndorsementKey.FMC_SPL, der(new ASN1Integer(tcb.fmc().getAsInt())));
    }
    if (kind == SigningKey.VCEK) {
      e.put(EndorsementKey.HW_ID, hwId.clone());
    } else {
      e.put(EndorsementKey.CSP_ID, der(new DERIA5String("CN=test.example")));
    }
    return e;
  }

  /** A chain for {@code product} with a leaf of {@code kind} carrying {@code extensions}. */
  static Chain chain(
      ProductLine product,
      SigningKey kind,
      Map<String, byte[]> extensions,
      Instant leafNotBefore,
      Instant leafNotAfter) {
    return chain(product, kind, kind, extensions, leafNotBefore, leafNotAfter);
  }

  /**
   * A chain whose intermediate issues {@code issuerKind} keys and whose leaf is named {@code
   * leafKind}.
   */
  static Chain chainWithLeafName(
      ProductLine product,
      SigningKey issuerKind,
      SigningKey leafKind,
      Map<String, byte[]> extensions) {
    return chain(product, issuerKind, leafKind, extensions, NOT_BEFORE, NOT_AFTER);
  }

  private static Chain chain(
      ProductLine product,
      SigningKey kind,
      SigningKey leafKind,
      Map<String, byte[]> extensions,
      Instant leafNotBefore,
      Instant leafNotAfter) {
    String line = product.displayName();
    X500Name arkName = name("ARK-" + line);
    X500Name intermediateName = name(kind.issuerCommonName(product));
    X509Certificate ark =
        certificate(
            arkName,
            arkName,
            ROOT_KEY.getPublic(),
            ROOT_KEY.getPrivate(),
            caExtensions(),
            NOT_BEFORE,
            NOT_AFTER);
    X509Certificate intermediate =
        certificate(
            arkName,
            intermediateName,
            INTERMEDIATE_KEY.getPublic(),
            ROOT_KEY.getPrivate(),
            caExtensions(),
            NOT_BEFORE,
            NOT_AFTER);
    ExtensionsGenerator leafExtensions = new ExtensionsGenerator();
    for (Map.Entry<String, byte[]> x : extensions.entrySet()) {
      leafExtensions.addExtension(new ASN1ObjectIdentifier(x.getKey()), false, x.getValue());
    }
    X509Certificate leaf =
        certificate(
            intermediateName,
            name(leafKind.commonName()),
            LEAF_KEY.getPublic(),
            INTERMEDIATE_KEY.getPrivate(),
            leafExtensions,
            leafNotBefore,
            leafNotAfter);
    return new Chain(ark, intermediate, leaf, LEAF_KEY.getPrivate());
  }

  /** A chain with the default extensions for {@code tcb} and {@code hwId}. */
  static Chain chain(ProductLine product, SigningKey kind, TcbVersion tcb, byte[] hwId) {
    return chain(product, kind, leafExtensions(product, kind, tcb, hwId), NOT_BEFORE, NOT_AFTER);
  }

  /** Signs {@code report} (bytes 0..0x29F) with {@code key}, writing r and s little-endian. */
  static byte[] sign(byte[] report, PrivateKey key) {
    try {
      Signature s = Signature.getInstance("SHA384withECDSA");
      s.initSign(key);
      s.update(report, 0, SnpReport.SIGNED_SIZE);
      org.bouncycastle.asn1.ASN1Sequence rs =
          org.bouncycastle.asn1.ASN1Sequence.getInstance(s.sign());
      byte[] out = report.clone();
      java.util.Arrays.fill(out, SnpReport.SIGNED_SIZE, SnpReport.SIZE, (byte) 0);
      writeLittleEndian(out, 0x2A0, ASN1Integer.getInstance(rs.getObjectAt(0)).getValue());
      writeLittleEndian(out, 0x2E8, ASN1Integer.getInstance(rs.getObjectAt(1)).getValue());
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeLittleEndian(byte[] out, int offset, BigInteger v) {
    byte[] be = v.toByteArray();
    for (int i = 0; i < be.length && i < 48; i++) {
      out[offset + i] = be[be.length - 1 - i];
    }
  }

  private static X500Name name(String cn) {
    return new X500Name(
        "OU=Engineering, C=US, L=Santa Clara, ST=CA, O=Coffer Test Devices, CN=" + cn);
  }

  private static ExtensionsGenerator caExtensions() {
    ExtensionsGenerator g = new ExtensionsGenerator();
    try {
      g.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return g;
  }

  static AlgorithmIdentifier pss() {
    AlgorithmIdentifier sha384 =
        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384, DERNull.INSTANCE);
    return new AlgorithmIdentifier(
        PKCSObjectIdentifiers.id_RSASSA_PSS,
        new RSASSAPSSparams(
            sha384,
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha384),
            new ASN1Integer(48),
            new ASN1Integer(1)));
  }

  private static X509Certificate certificate(
      X500Name issuer,
      X500Name subject,
      PublicKey key,
      PrivateKey signer,
      ExtensionsGenerator extensions,
      Instant notBefore,
      Instant notAfter) {
    try {
      V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
      g.setSerialNumber(new ASN1Integer(1));
      g.setSignature(pss());
      g.setIssuer(issuer);
      g.setSubject(subject);
      g.setStartDate(new Time(Date.from(notBefore)));
      g.setEndDate(new Time(Date.from(notAfter)));
      g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
      if (!extensions.isEmpty()) {
        g.setExtensions(extensions.generate());
      }
      TBSCertificate tbs = g.generateTBSCertificate();
      Signature s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1));
      s.initSign(signer);
      s.update(tbs.getEncoded(ASN1Encoding.DER));
      byte[] der =
          new DERSequence(new ASN1Encodable[] {tbs, pss(), new DERBitString(s.sign())})
              .getEncoded(ASN1Encoding.DER);
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp384r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
