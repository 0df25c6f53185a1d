package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;

/**
 * A VCEK or VLEK certificate with its AMD extensions, as the VCEK specification (AMD pub. 57230,
 * §3.1 and, for Turin, Tables 11–13) and the VLEK certificate definition (AMD pub. 58369) define
 * them, under {@code 1.3.6.1.4.1.3704.1}: {@code .1} structVersion, {@code .2} productName, {@code
 * .3.1} blSPL, {@code .3.2} teeSPL, {@code .3.3} snpSPL, {@code .3.4}–{@code .3.7} reserved SPLs,
 * {@code .3.8} ucodeSPL, {@code .3.9} fmcSPL (Turin), {@code .4} hwID (VCEK only) and {@code .5}
 * CSP_ID (VLEK only).
 *
 * <p>Parsed strictly: every extension is an AMD one or the authority key identifier; each appears
 * once with exactly the DER type the specification gives, without trailing bytes; the hwID is
 * either the raw bytes (as AMD's KDS issues it) or a DER OCTET STRING of them. Nothing about the
 * certificate's signature or validity is checked here.
 *
 * @param certificate the certificate
 * @param kind VCEK or VLEK, from the subject CN ({@code SEV-VCEK}, {@code SEV-VLEK})
 * @param product the product line named by productName
 * @param productName the productName extension ({@code Milan-B0}, {@code Genoa}, ...)
 * @param stepping the CPU stepping a VCEK's productName names ({@code -B1} = 1), if it names one
 * @param structVersion the structVersion extension
 * @param spls the SPLs the key is certified for
 * @param hwId the chip ID (VCEK only)
 * @param cspId the cloud provider (VLEK only)
 */
record EndorsementKey(
    X509Certificate certificate,
    SigningKey kind,
    ProductLine product,
    String productName,
    OptionalInt stepping,
    int structVersion,
    Spls spls,
    Optional<byte[]> hwId,
    Optional<String> cspId) {

  static final String AMD = "1.3.6.1.4.1.3704.1.";
  static final String STRUCT_VERSION = AMD + "1";
  static final String PRODUCT_NAME = AMD + "2";
  static final String BL_SPL = AMD + "3.1";
  static final String TEE_SPL = AMD + "3.2";
  static final String SNP_SPL = AMD + "3.3";
  static final String UCODE_SPL = AMD + "3.8";
  static final String FMC_SPL = AMD + "3.9";
  static final String HW_ID = AMD + "4";
  static final String CSP_ID = AMD + "5";
  static final List<String> RESERVED_SPLS =
      List.of(AMD + "3.4", AMD + "3.5", AMD + "3.6", AMD + "3.7");
  private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";

  private static final Pattern PRODUCT = Pattern.compile("([A-Za-z]+)(?:-([A-Z][0-9]))?");

  /** Stepping suffixes of VCEK product names (KDS specification; go-sev-guest's decoder). */
  private static final Map<String, Integer> STEPPINGS =
      Map.of(
          "Milan-B0", 0,
          "Milan-B1", 1,
          "Genoa-B0", 0,
          "Genoa-B1", 1,
          "Genoa-B2", 2,
          "Turin-B0", 0,
          "Turin-B1", 1);

  /**
   * The SPL extensions.
   *
   * @param bootloader blSPL
   * @param tee teeSPL
   * @param snp snpSPL
   * @param microcode ucodeSPL
   * @param fmc fmcSPL (Turin)
   * @param reservedZero whether the reserved SPLs 4..7 are absent or zero
   */
  record Spls(
      int bootloader, int tee, int snp, int microcode, OptionalInt fmc, boolean reservedZero) {
    @Override
    public String toString() {
      return (fmc.isPresent() ? "fmc " + fmc.getAsInt() + ", " : "")
          + "bl "
          + bootloader
          + ", tee "
          + tee
          + ", snp "
          + snp
          + ", ucode "
          + microcode;
    }
  }

  EndorsementKey {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(product, "product");
    hwId = hwId.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> hwId() {
    return hwId.map(byte[]::clone);
  }

  /** The kind of endorsement key {@code cert} is by its subject CN, if it is one. */
  static Optional<SigningKey> kindOf(X509Certificate cert) {
    return CommonName.of(cert.getSubjectX500Principal())
        .flatMap(cn ->
            cn.equals(SigningKey.VCEK.commonName())
                ? Optional.of(SigningKey.VCEK)
                : cn.equals(SigningKey.VLEK.commonName())
                    ? Optional.of(SigningKey.VLEK)
                    : Optional.empty());
  }

  /**
   * Reads the AMD extensions of {@code cert}.
   *
   * @throws AttestationException {@code COLLATERAL_MALFORMED} if it is not a VCEK or VLEK or an
   *     extension is missing, repeated, unknown or malformed
   */
  static EndorsementKey parse(X509Certificate cert) throws AttestationException {
    SigningKey kind =
        kindOf(cert)
            .orElseThrow(() ->
                malformed(
                    "certificate "
                        + cert.getSubjectX500Principal().getName()
                        + " is neither a VCEK nor a VLEK"));
    String what = kind.commonName();
    checkExtensionSet(cert, what);
    String productName =
        ia5(required(cert, PRODUCT_NAME, what, "productName"), what, "productName");
    Matcher m = PRODUCT.matcher(productName);
    if (!m.matches()) {
      throw malformed(what + " productName '" + productName + "' is not <line>[-<stepping>]");
    }
    ProductLine product =
        ProductLine.fromDisplayName(m.group(1))
            .orElseThrow(
                () -> malformed(what + " productName '" + productName + "' is an unknown product"));
    OptionalInt stepping = OptionalInt.empty();
    if (m.group(2) != null) {
      Integer s = STEPPINGS.get(productName);
      if (s == null) {
        throw malformed(what + " productName '" + productName + "' has an unknown stepping");
      }
      stepping = kind == SigningKey.VCEK ? OptionalInt.of(s) : OptionalInt.empty();
    }
    int structVersion =
        u8(required(cert, STRUCT_VERSION, what, "structVersion"), what, "structVersion");
    byte[] fmcValue = cert.getExtensionValue(FMC_SPL);
    if ((fmcValue != null) != product.hasFmc()) {
      throw malformed(
          what
              + " for "
              + product
              + (product.hasFmc() ? " lacks the fmcSPL extension" : " has an fmcSPL extension"));
    }
    boolean reservedZero = true;
    for (String oid : RESERVED_SPLS) {
      byte[] v = cert.getExtensionValue(oid);
      if (v != null && u8(v, what, "reserved SPL " + oid) != 0) {
        reservedZero = false;
      }
    }
    Spls spls =
        new Spls(
            u8(required(cert, BL_SPL, what, "blSPL"), what, "blSPL"),
            u8(required(cert, TEE_SPL, what, "teeSPL"), what, "teeSPL"),
            u8(required(cert, SNP_SPL, what, "snpSPL"), what, "snpSPL"),
            u8(required(cert, UCODE_SPL, what, "ucodeSPL"), what, "ucodeSPL"),
            fmcValue == null ? OptionalInt.empty() : OptionalInt.of(u8(fmcValue, what, "fmcSPL")),
            reservedZero);
    byte[] hwIdValue = cert.getExtensionValue(HW_ID);
    byte[] cspValue = cert.getExtensionValue(CSP_ID);
    Optional<byte[]> hwId = Optional.empty();
    Optional<String> cspId = Optional.empty();
    if (kind == SigningKey.VCEK) {
      if (hwIdValue == null || cspValue != null) {
        throw malformed("a VCEK must have a hwID extension and no CSP_ID extension");
      }
      hwId = Optional.of(hwId(hwIdValue, product.hwIdLength()));
    } else {
      if (cspValue == null || hwIdValue != null) {
        throw malformed("a VLEK must have a CSP_ID extension and no hwID extension");
      }
      cspId = Optional.of(ia5(cspValue, what, "CSP_ID"));
    }
    return new EndorsementKey(
        cert, kind, product, productName, stepping, structVersion, spls, hwId, cspId);
  }

  private static void checkExtensionSet(X509Certificate cert, String what)
      throws AttestationException {
    Set<String> oids = new HashSet<>();
    Set<String> critical = cert.getCriticalExtensionOIDs();
    Set<String> nonCritical = cert.getNonCriticalExtensionOIDs();
    if (critical != null) {
      oids.addAll(critical);
    }
    if (nonCritical != null) {
      oids.addAll(nonCritical);
    }
    for (String oid : oids) {
      boolean amd =
          oid.equals(STRUCT_VERSION)
              || oid.equals(PRODUCT_NAME)
              || oid.matches("1\\.3\\.6\\.1\\.4\\.1\\.3704\\.1\\.3\\.[1-9]")
              || oid.equals(HW_ID)
              || oid.equals(CSP_ID);
      if (!amd && !oid.equals(AUTHORITY_KEY_IDENTIFIER)) {
        throw malformed(what + " has an unexpected extension " + oid);
      }
    }
  }

  private static byte[] required(X509Certificate cert, String oid, String what, String name)
      throws AttestationException {
    byte[] v = cert.getExtensionValue(oid);
    if (v == null) {
      throw malformed(what + " lacks the " + name + " extension (" + oid + ")");
    }
    return v;
  }

  /** The extnValue contents: getExtensionValue wraps them in a DER OCTET STRING. */
  private static byte[] contents(byte[] extensionValue, String what, String name)
      throws AttestationException {
    try {
      return ASN1OctetString.getInstance(extensionValue).getOctets();
    } catch (IllegalArgumentException e) {
      throw malformed(what + " " + name + " extension is not an OCTET STRING");
    }
  }

  private static ASN1Primitive der(byte[] extensionValue, String what, String name)
      throws AttestationException {
    try {
      return ASN1Primitive.fromByteArray(contents(extensionValue, what, name));
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw malformed(what + " " + name + " is not a single DER value");
    }
  }

  private static int u8(byte[] extensionValue, String what, String name)
      throws AttestationException {
    if (!(der(extensionValue, what, name) instanceof ASN1Integer i)) {
      throw malformed(what + " " + name + " is not an INTEGER");
    }
    BigInteger v = i.getValue();
    if (v.signum() < 0 || v.bitLength() > 8) {
      throw malformed(what + " " + name + " " + v + " is not in 0..255");
    }
    return v.intValue();
  }

  private static String ia5(byte[] extensionValue, String what, String name)
      throws AttestationException {
    if (!(der(extensionValue, what, name) instanceof DERIA5String s)) {
      throw malformed(what + " " + name + " is not an IA5String");
    }
    return s.getString();
  }

  /** KDS puts the raw bytes in extnValue; some issuers wrap them in an OCTET STRING. */
  private static byte[] hwId(byte[] extensionValue, int length) throws AttestationException {
    byte[] contents = contents(extensionValue, "VCEK", "hwID");
    if (contents.length == length) {
      return contents;
    }
    byte[] inner;
    try {
      inner = ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(contents)).getOctets();
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw malformed(
          "VCEK hwID is " + contents.length + " bytes, neither " + length + " raw bytes nor DER");
    }
    if (inner.length != length) {
      throw malformed("VCEK hwID is " + inner.length + " bytes, expected " + length);
    }
    return inner;
  }

  private static AttestationException malformed(String message) {
    return new AttestationException(Reason.COLLATERAL_MALFORMED, message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EndorsementKey k && certificate.equals(k.certificate);
  }

  @Override
  public int hashCode() {
    return certificate.hashCode();
  }

  @Override
  public String toString() {
    return kind.commonName()
        + "["
        + productName
        + ", "
        + spls
        + hwId.map(h -> ", hwID " + java.util.HexFormat.of().formatHex(h)).orElse("")
        + cspId.map(c -> ", CSP_ID " + c).orElse("")
        + "]";
  }
}
