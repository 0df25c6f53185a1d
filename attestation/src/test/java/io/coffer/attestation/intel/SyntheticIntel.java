package io.coffer.attestation.intel;

import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.TrustAnchors;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A complete, self-made Intel-style hierarchy for tests that no published vector can cover
 * (revocations, revoked TCB levels, mismatching QE or TDX module): a root, a PCK CA, a PCK
 * certificate with SGX extensions, a TCB signing certificate, CRLs, signed TCB info and QE
 * identities, and quotes (SGX v3, TDX v4 and v5) signed the way a quoting enclave signs them. It is
 * trusted only by the anchors from {@link #anchors()}.
 */
final class SyntheticIntel {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final byte[] FMSPC = HexFormat.of().parseHex("00906ED50000");
  static final byte[] QE_MRSIGNER = filled(32, 0x8c);
  static final String SGX_EXT = "1.2.840.113741.1.13.1";

  private static final Date FROM = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
  private static final Date UNTIL = Date.from(Instant.parse("2027-01-01T00:00:00Z"));

  final KeyPair rootKey = ecKey();
  final KeyPair caKey = ecKey();
  final KeyPair pckKey = ecKey();
  final KeyPair signerKey = ecKey();
  final KeyPair attestationKey = ecKey();
  final X509Certificate root;
  final X509Certificate ca;
  final X509Certificate pck;
  final X509Certificate signer;
  private BigInteger serial = BigInteger.ONE;

  /** A hierarchy whose PCK certificate has these 16 SGX component SVNs and PCESVN. */
  SyntheticIntel(int[] components, int pceSvn) {
    try {
      root = cert("Intel SGX Root CA", rootKey, "Intel SGX Root CA", rootKey, true, null);
      ca = cert("Intel SGX PCK Processor CA", caKey, "Intel SGX Root CA", rootKey, true, null);
      pck =
          cert(
              "Intel SGX PCK Certificate",
              pckKey,
              "Intel SGX PCK Processor CA",
              caKey,
              false,
              sgxExtension(components, pceSvn));
      signer = cert("Intel SGX TCB Signing", signerKey, "Intel SGX Root CA", rootKey, false, null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  TrustAnchors anchors() {
    return TrustAnchors.defaults().withIntelRootsReplacedBy(List.of(root));
  }

  // --- certificates and CRLs -------------------------------------------------------------------

  static KeyPair ecKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X500Name name(String cn) {
    return new X500Name("CN=" + cn + ",O=Intel Corporation,L=Santa Clara,ST=CA,C=US");
  }

  X509Certificate cert(
      String subject,
      KeyPair subjectKey,
      String issuer,
      KeyPair issuerKey,
      boolean isCa,
      DERSequence sgx)
      throws Exception {
    return cert(subject, subjectKey, issuer, issuerKey, isCa, sgx, FROM, UNTIL);
  }

  X509Certificate cert(
      String subject,
      KeyPair subjectKey,
      String issuer,
      KeyPair issuerKey,
      boolean isCa,
      DERSequence sgx,
      Date from,
      Date until)
      throws Exception {
    serial = serial.add(BigInteger.ONE);
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name(issuer), serial, from, until, name(subject), subjectKey.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (sgx != null) {
      b.addExtension(new ASN1ObjectIdentifier(SGX_EXT), false, sgx);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }

  static DERSequence sgxExtension(int[] components, int pceSvn) {
    ASN1EncodableVector tcb = new ASN1EncodableVector();
    for (int i = 1; i <= 16; i++) {
      tcb.add(pair(SGX_EXT + ".2." + i, new ASN1Integer(components[i - 1])));
    }
    tcb.add(pair(SGX_EXT + ".2.17", new ASN1Integer(pceSvn)));
    byte[] cpuSvn = new byte[16];
    for (int i = 0; i < 16; i++) {
      cpuSvn[i] = (byte) components[i];
    }
    tcb.add(pair(SGX_EXT + ".2.18", new DEROctetString(cpuSvn)));
    ASN1EncodableVector all = new ASN1EncodableVector();
    all.add(pair(SGX_EXT + ".1", new DEROctetString(filled(16, 0x11))));
    all.add(pair(SGX_EXT + ".2", new DERSequence(tcb)));
    all.add(pair(SGX_EXT + ".3", new DEROctetString(new byte[2])));
    all.add(pair(SGX_EXT + ".4", new DEROctetString(FMSPC)));
    all.add(pair(SGX_EXT + ".5", new ASN1Enumerated(0)));
    return new DERSequence(all);
  }

  private static DERSequence pair(String oid, org.bouncycastle.asn1.ASN1Encodable value) {
    return new DERSequence(
        new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1ObjectIdentifier(oid), value});
  }

  /** A CRL of {@code issuer} signed by {@code key}, revoking these certificates. */
  X509CRL crl(X509Certificate issuer, KeyPair key, X509Certificate... revoked) {
    try {
      X509v2CRLBuilder b =
          new X509v2CRLBuilder(
              X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), FROM);
      b.setNextUpdate(UNTIL);
      for (X509Certificate r : revoked) {
        b.addCRLEntry(r.getSerialNumber(), FROM, 1);
      }
      return new JcaX509CRLConverter()
          .getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- signed documents ------------------------------------------------------------------------

  /** {@code json} as a PCS document signed by {@code key}. */
  static SignedJson signed(JsonKind kind, String json, KeyPair key) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new SignedJson(kind, body, p1363(key.getPrivate(), body), "synthetic " + kind);
  }

  SignedJson tcbInfo(String json) {
    return signed(JsonKind.TCB_INFO, json, signerKey);
  }

  SignedJson identity(String json) {
    return signed(JsonKind.ENCLAVE_IDENTITY, json, signerKey);
  }

  /** The collateral for a quote of this platform: signer, both CRLs and these documents. */
  Collateral collateral(SignedJson... documents) {
    return Collateral.of(
        List.of(signer), List.of(crl(root, rootKey), crl(ca, caKey)), List.of(documents));
  }

  // --- JSON ------------------------------------------------------------------------------------

  /** A TCB level of an SGX (tdx == null) or TDX TCB info. */
  static String level(int[] sgx, int pceSvn, int[] tdx, String status, String... advisories) {
    StringBuilder s = new StringBuilder("{\"tcb\":{\"sgxtcbcomponents\":[");
    appendComponents(s, sgx);
    s.append("],\"pcesvn\":").append(pceSvn);
    if (tdx != null) {
      s.append(",\"tdxtcbcomponents\":[");
      appendComponents(s, tdx);
      s.append(']');
    }
    s.append("},\"tcbDate\":\"2026-01-01T00:00:00Z\",\"tcbStatus\":\"").append(status).append('"');
    s.append(",\"advisoryIDs\":[");
    for (int i = 0; i < advisories.length; i++) {
      s.append(i == 0 ? "" : ",").append('"').append(advisories[i]).append('"');
    }
    return s.append("]}").toString();
  }

  private static void appendComponents(StringBuilder s, int[] svns) {
    for (int i = 0; i < 16; i++) {
      s.append(i == 0 ? "" : ",").append("{\"svn\":").append(svns[i]).append('}');
    }
  }

  /** An ISVSVN level of a QE or TDX module identity. */
  static String isvLevel(int isvSvn, String status, String... advisories) {
    StringBuilder s =
        new StringBuilder("{\"tcb\":{\"isvsvn\":")
            .append(isvSvn)
            .append("},\"tcbDate\":\"2026-01-01T00:00:00Z\",\"tcbStatus\":\"")
            .append(status)
            .append("\",\"advisoryIDs\":[");
    for (int i = 0; i < advisories.length; i++) {
      s.append(i == 0 ? "" : ",").append('"').append(advisories[i]).append('"');
    }
    return s.append("]}").toString();
  }

  /** A TCB info ({@code "SGX"} or {@code "TDX"}), with TDX module identities when given. */
  static String tcbInfoJson(String id, int evaluation, String moduleIdentities, String... levels) {
    String module =
        id.equals("TDX")
            ? ",\"tdxModule\":{\"mrsigner\":\""
                + "0".repeat(96)
                + "\",\"attributes\":\"0000000000000000\",\"attributesMask\":\"FFFFFFFFFFFFFFFF\"}"
                + (moduleIdentities == null
                    ? ""
                    : ",\"tdxModuleIdentities\":[" + moduleIdentities + "]")
            : "";
    return "{\"id\":\""
        + id
        + "\",\"version\":3,\"issueDate\":\"2026-05-01T00:00:00Z\",\"nextUpdate\":"
        + "\"2026-07-01T00:00:00Z\",\"fmspc\":\"00906ED50000\",\"pceId\":\"0000\",\"tcbType\":0,"
        + "\"tcbEvaluationDataNumber\":"
        + evaluation
        + module
        + ",\"tcbLevels\":["
        + String.join(",", levels)
        + "]}";
  }

  /** A TDX module identity {@code TDX_<major>}. */
  static String moduleIdentity(String id, String... levels) {
    return "{\"id\":\""
        + id
        + "\",\"mrsigner\":\""
        + "0".repeat(96)
        + "\",\"attributes\":\"0000000000000000\",\"attributesMask\":\"FFFFFFFFFFFFFFFF\","
        + "\"tcbLevels\":["
        + String.join(",", levels)
        + "]}";
  }

  /** A QE identity for the QE reports this class makes. */
  static String identityJson(String id, String... levels) {
    return "{\"id\":\""
        + id
        + "\",\"version\":2,\"issueDate\":\"2026-05-01T00:00:00Z\",\"nextUpdate\":"
        + "\"2026-07-01T00:00:00Z\",\"tcbEvaluationDataNumber\":17,\"miscselect\":\"00000000\","
        + "\"miscselectMask\":\"FFFFFFFF\",\"attributes\":\"11000000000000000000000000000000\","
        + "\"attributesMask\":\"FBFFFFFFFFFFFFFF0000000000000000\",\"mrsigner\":\""
        + HexFormat.of().formatHex(QE_MRSIGNER)
        + "\",\"isvprodid\":"
        + (id.equals("TD_QE") ? 2 : 1)
        + ",\"tcbLevels\":["
        + String.join(",", levels)
        + "]}";
  }

  // --- quotes ----------------------------------------------------------------------------------

  /** What goes into a quote besides its body. */
  static final class QuoteSpec {
    int qeIsvSvn = 8;
    int qeProdId = 1;
    byte[] qeMrSigner = QE_MRSIGNER.clone();
    byte[] qeAttributes = HexFormat.of().parseHex("11000000000000000000000000000000");
    int qeMiscSelect = 0;
    byte[] authData = filled(32, 0x5a);
    boolean nonZeroReportDataTail;
  }

  /** An SGX enclave report body with this report data. */
  static byte[] sgxBody(byte[] reportData) {
    byte[] body = new byte[384];
    Arrays.fill(body, 64, 96, (byte) 0xe1); // MRENCLAVE
    Arrays.fill(body, 128, 160, (byte) 0x51); // MRSIGNER
    System.arraycopy(reportData, 0, body, 320, 64);
    return body;
  }

  /** A TD 1.0 (584) or 1.5 (648) report body. */
  static byte[] tdBody(
      byte[] teeTcbSvn, byte[] teeTcbSvn2, byte[] mrSignerSeam, byte[] seamAttributes) {
    byte[] body = new byte[teeTcbSvn2 == null ? 584 : 648];
    System.arraycopy(teeTcbSvn, 0, body, 0, 16);
    System.arraycopy(mrSignerSeam, 0, body, 64, 48);
    System.arraycopy(seamAttributes, 0, body, 112, 8);
    Arrays.fill(body, 136, 184, (byte) 0x7d); // MRTD
    if (teeTcbSvn2 != null) {
      System.arraycopy(teeTcbSvn2, 0, body, 584, 16);
    }
    return body;
  }

  /** A version 3 SGX quote. */
  byte[] sgxQuote(byte[] body, QuoteSpec spec) {
    return quote(3, 0, body, spec);
  }

  /** A version 4 (TD 1.0 body) or 5 (TD 1.5 body) TDX quote. */
  byte[] tdxQuote(byte[] body, QuoteSpec spec) {
    return quote(body.length == 648 ? 5 : 4, 0x81, body, spec);
  }

  private byte[] quote(int version, int teeType, byte[] body, QuoteSpec spec) {
    ByteBuffer header = le(48);
    header.putShort((short) version).putShort((short) 2).putInt(teeType);
    header.putShort((short) spec.qeIsvSvn).putShort((short) 13);
    header.put(HexFormat.of().parseHex("939a7233f79c4ca9940a0db3957f0607"));
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    signed.writeBytes(header.array());
    if (version == 5) {
      signed.writeBytes(le(6).putShort((short) 3).putInt(body.length).array());
    }
    signed.writeBytes(body);
    byte[] signedBytes = signed.toByteArray();

    byte[] attKey = xy((ECPublicKey) attestationKey.getPublic());
    byte[] qe = new byte[384];
    ByteBuffer.wrap(qe, 16, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(spec.qeMiscSelect);
    System.arraycopy(spec.qeAttributes, 0, qe, 48, 16);
    System.arraycopy(spec.qeMrSigner, 0, qe, 128, 32);
    ByteBuffer.wrap(qe, 256, 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) spec.qeProdId)
        .putShort((short) spec.qeIsvSvn);
    System.arraycopy(sha256(attKey, spec.authData), 0, qe, 320, 32);
    if (spec.nonZeroReportDataTail) {
      qe[383] = 1;
    }
    byte[] chain = pem(pck, ca, root);

    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(qe);
    inner.writeBytes(p1363(pckKey.getPrivate(), qe));
    inner.writeBytes(le(2).putShort((short) spec.authData.length).array());
    inner.writeBytes(spec.authData);
    inner.writeBytes(le(6).putShort((short) 5).putInt(chain.length).array());
    inner.writeBytes(chain);
    byte[] certification = inner.toByteArray();

    ByteArrayOutputStream sig = new ByteArrayOutputStream();
    sig.writeBytes(p1363(attestationKey.getPrivate(), signedBytes));
    sig.writeBytes(attKey);
    if (version >= 4) {
      sig.writeBytes(le(6).putShort((short) 6).putInt(certification.length).array());
    }
    sig.writeBytes(certification);
    byte[] signature = sig.toByteArray();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(signedBytes);
    out.writeBytes(le(4).putInt(signature.length).array());
    out.writeBytes(signature);
    return out.toByteArray();
  }

  // --- helpers ---------------------------------------------------------------------------------

  static byte[] pem(X509Certificate... certs) {
    try {
      StringWriter w = new StringWriter();
      try (JcaPEMWriter p = new JcaPEMWriter(w)) {
        for (X509Certificate c : certs) {
          p.writeObject(c);
        }
      }
      return w.toString().getBytes(StandardCharsets.US_ASCII);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] p1363(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] xy(ECPublicKey key) {
    byte[] out = new byte[64];
    copy32(key.getW().getAffineX(), out, 0);
    copy32(key.getW().getAffineY(), out, 32);
    return out;
  }

  private static void copy32(BigInteger v, byte[] out, int at) {
    byte[] b = v.toByteArray();
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, out, at + 32 - n, n);
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }

  static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(a);
      d.update(b);
      return d.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }

  static int[] svns(int... first) {
    return Arrays.copyOf(first, 16);
  }
}
