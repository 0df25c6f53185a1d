package io.coffer.attestation.collateral;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.collateral.SignedJsonReader.Members;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises collateral by its content, never by its file name:
 *
 * <ul>
 *   <li>PEM with {@code CERTIFICATE} and {@code X509 CRL} blocks (chains, AMD ASK/ARK bundles);
 *   <li>DER X.509 certificates and CRLs;
 *   <li>Intel PCS JSON: {@code {"tcbInfo": {...}, "signature": "..."}} and {@code
 *       {"enclaveIdentity": {...}, "signature": "..."}} (TCB evaluation data numbers are accepted
 *       and ignored);
 *   <li>a collateral bundle as Phala's dcap-qvl writes it ({@code tcb_info}, {@code qe_identity},
 *       their signatures, issuer chains and CRLs).
 * </ul>
 *
 * <p>Anything else is {@code COLLATERAL_MALFORMED} naming the source. Items are only parsed here;
 * verifiers check every one against the trust anchors.
 */
public final class CollateralParser {

  /** The largest collateral file read (a PCK CRL is a few KB, a TCB info up to tens of KB). */
  public static final int MAX_FILE_BYTES = 4 << 20;

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

  private CollateralParser() {}

  /**
   * The collateral in {@code content}.
   *
   * @param source a name for messages (the file name)
   * @throws AttestationException {@code COLLATERAL_MALFORMED} if it is none of the known kinds
   */
  public static Collateral parse(String source, byte[] content) throws AttestationException {
    if (content.length > MAX_FILE_BYTES) {
      throw SignedJsonReader.malformed(
          source, "larger than any collateral (" + MAX_FILE_BYTES + " bytes)");
    }
    int first = firstNonSpace(content);
    if (first < 0) {
      throw SignedJsonReader.malformed(source, "empty");
    }
    if (content[first] == '{') {
      return json(source, content);
    }
    if (startsWith(content, first, "-----BEGIN ")) {
      return pem(source, new String(content, StandardCharsets.US_ASCII));
    }
    if (content[0] == 0x30) {
      return der(source, content);
    }
    throw SignedJsonReader.malformed(
        source, "not a certificate, CRL, Intel PCS JSON or collateral bundle");
  }

  private static Collateral json(String source, byte[] content) throws AttestationException {
    Members m = SignedJsonReader.read(content, source);
    Map<String, byte[]> objects = m.objects();
    Map<String, String> strings = m.strings();
    if (objects.containsKey("tcbInfo")) {
      return documents(
          SignedJsonReader.signed(
              JsonKind.TCB_INFO, objects.get("tcbInfo"), strings.get("signature"), source));
    }
    if (objects.containsKey("enclaveIdentity")) {
      return documents(
          SignedJsonReader.signed(
              JsonKind.ENCLAVE_IDENTITY,
              objects.get("enclaveIdentity"),
              strings.get("signature"),
              source));
    }
    if (objects.containsKey("tcbEvaluationDataNumbers")) {
      return Collateral.empty();
    }
    if (strings.containsKey("tcb_info") || strings.containsKey("qe_identity")) {
      return bundle(source, strings);
    }
    throw SignedJsonReader.malformed(
        source, "JSON that is neither Intel PCS collateral nor a collateral bundle");
  }

  /** A dcap-qvl {@code QuoteCollateralV3} bundle. */
  private static Collateral bundle(String source, Map<String, String> s)
      throws AttestationException {
    Collateral out = Collateral.empty();
    for (String chain :
        List.of("pck_crl_issuer_chain", "tcb_info_issuer_chain", "qe_identity_issuer_chain")) {
      if (s.containsKey(chain)) {
        out = out.plus(pem(source + " " + chain, s.get(chain)));
      }
    }
    for (String crl : List.of("root_ca_crl", "pck_crl")) {
      if (s.containsKey(crl)) {
        out = out.plus(der(source + " " + crl, SignedJsonReader.hex(s.get(crl), -1, source, crl)));
      }
    }
    if (s.containsKey("tcb_info")) {
      out =
          out.plus(
              documents(
                  SignedJsonReader.signed(
                      JsonKind.TCB_INFO,
                      s.get("tcb_info").getBytes(StandardCharsets.UTF_8),
                      s.get("tcb_info_signature"),
                      source + " tcb_info")));
    }
    if (s.containsKey("qe_identity")) {
      out =
          out.plus(
              documents(
                  SignedJsonReader.signed(
                      JsonKind.ENCLAVE_IDENTITY,
                      s.get("qe_identity").getBytes(StandardCharsets.UTF_8),
                      s.get("qe_identity_signature"),
                      source + " qe_identity")));
    }
    return out;
  }

  /** Every CERTIFICATE and X509 CRL block of a PEM text; any other block is an error. */
  static Collateral pem(String source, String text) throws AttestationException {
    List<X509Certificate> certs = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    Matcher m = PEM_BLOCK.matcher(text);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(m.group(2));
      } catch (IllegalArgumentException e) {
        throw SignedJsonReader.malformed(source, "PEM block " + blocks + " is not base64");
      }
      switch (m.group(1)) {
        case "CERTIFICATE" -> certs.add(certificate(source, der));
        case "X509 CRL" -> crls.add(crl(source, der));
        default ->
            throw SignedJsonReader.malformed(
                source, "PEM block " + blocks + " is a " + m.group(1) + ", not collateral");
      }
    }
    if (blocks == 0) {
      throw SignedJsonReader.malformed(source, "no PEM block");
    }
    return Collateral.of(certs, crls, List.of());
  }

  /** A DER certificate or CRL. */
  private static Collateral der(String source, byte[] der) throws AttestationException {
    try {
      return Collateral.of(List.of(parseCertificate(der)), List.of(), List.of());
    } catch (CertificateException notACertificate) {
      return Collateral.of(List.of(), List.of(crl(source, der)), List.of());
    }
  }

  private static X509Certificate certificate(String source, byte[] der)
      throws AttestationException {
    try {
      return parseCertificate(der);
    } catch (CertificateException e) {
      throw SignedJsonReader.malformed(source, "not an X.509 certificate: " + e.getMessage());
    }
  }

  static X509Certificate parseCertificate(byte[] der) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static X509CRL crl(String source, byte[] der) throws AttestationException {
    try {
      return (X509CRL)
          CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
    } catch (CertificateException | CRLException e) {
      throw SignedJsonReader.malformed(source, "not an X.509 certificate or CRL");
    }
  }

  private static Collateral documents(SignedJson doc) {
    return Collateral.of(List.of(), List.of(), List.of(doc));
  }

  private static int firstNonSpace(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (!Character.isWhitespace(b[i])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int at, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return b.length - at >= p.length
        && java.util.Arrays.equals(b, at, at + p.length, p, 0, p.length);
  }
}
