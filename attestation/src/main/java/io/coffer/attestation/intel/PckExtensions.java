package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * The Intel SGX extensions of a PCK certificate (OID {@code 1.2.840.113741.1.13.1}), as Intel's
 * "PCK Certificate and CRL Profile" defines them: PPID, the TCB (16 SGX component SVNs, PCESVN,
 * CPUSVN), PCE-ID, FMSPC, SGX type, and for Platform-CA certificates the platform instance ID and
 * configuration.
 *
 * @param ppid the 16-byte platform provisioning ID
 * @param sgxTcbComponents the 16 SGX TCB component SVNs (0..255)
 * @param pceSvn the PCE security version
 * @param cpuSvn the 16-byte CPUSVN
 * @param pceId the 2-byte PCE identifier
 * @param fmspc the 6-byte FMSPC
 * @param sgxType 0 standard, 1 scalable, 2 scalable with integrity
 * @param platformInstanceId the 16-byte platform instance ID (Platform CA certificates only)
 */
record PckExtensions(
    byte[] ppid,
    int[] sgxTcbComponents,
    int pceSvn,
    byte[] cpuSvn,
    byte[] pceId,
    byte[] fmspc,
    int sgxType,
    Optional<byte[]> platformInstanceId) {

  static final String SGX_EXTENSIONS = "1.2.840.113741.1.13.1";

  /**
   * The SGX extensions of {@code pck}.
   *
   * @throws AttestationException {@code PCK_CHAIN_INVALID} if they are missing or malformed
   */
  static PckExtensions of(X509Certificate pck) throws AttestationException {
    byte[] ext = pck.getExtensionValue(SGX_EXTENSIONS);
    if (ext == null) {
      throw invalid("the PCK certificate has no Intel SGX extensions");
    }
    try {
      ASN1Sequence items = ASN1Sequence.getInstance(ASN1OctetString.getInstance(ext).getOctets());
      byte[] ppid = null;
      int[] components = null;
      Integer pceSvn = null;
      byte[] cpuSvn = null;
      byte[] pceId = null;
      byte[] fmspc = null;
      Integer sgxType = null;
      byte[] instance = null;
      for (ASN1Encodable item : items) {
        ASN1Sequence pair = ASN1Sequence.getInstance(item);
        if (pair.size() != 2) {
          throw invalid("an SGX extension entry is not an (OID, value) pair");
        }
        String oid = ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId();
        ASN1Primitive value = pair.getObjectAt(1).toASN1Primitive();
        if (!oid.startsWith(SGX_EXTENSIONS + ".")) {
          throw invalid("the SGX extensions hold a foreign entry " + oid);
        }
        switch (oid.substring(SGX_EXTENSIONS.length())) {
          case ".1" -> ppid = octets(value, 16, "PPID");
          case ".2" -> {
            components = new int[16];
            for (ASN1Encodable t : ASN1Sequence.getInstance(value)) {
              ASN1Sequence tcb = ASN1Sequence.getInstance(t);
              if (tcb.size() != 2) {
                throw invalid("an SGX TCB entry is not an (OID, value) pair");
              }
              String tcbOid = ASN1ObjectIdentifier.getInstance(tcb.getObjectAt(0)).getId();
              ASN1Primitive v = tcb.getObjectAt(1).toASN1Primitive();
              if (!tcbOid.startsWith(SGX_EXTENSIONS + ".2.")) {
                throw invalid("the SGX TCB holds a foreign entry " + tcbOid);
              }
              int n = Integer.parseInt(tcbOid.substring(SGX_EXTENSIONS.length() + 3));
              if (n >= 1 && n <= 16) {
                components[n - 1] = svn(v, 255, "SGX TCB component " + n);
              } else if (n == 17) {
                pceSvn = svn(v, 65535, "PCESVN");
              } else if (n == 18) {
                cpuSvn = octets(v, 16, "CPUSVN");
              }
            }
          }
          case ".3" -> pceId = octets(value, 2, "PCE-ID");
          case ".4" -> fmspc = octets(value, 6, "FMSPC");
          case ".5" -> sgxType = ASN1Enumerated.getInstance(value).intValueExact();
          case ".6" -> instance = octets(value, 16, "platform instance ID");
          case ".7" -> checkConfiguration(value);
          default -> {
            // Later profile versions may add entries; they do not change these.
          }
        }
      }
      if (ppid == null
          || components == null
          || pceSvn == null
          || cpuSvn == null
          || pceId == null
          || fmspc == null
          || sgxType == null) {
        throw invalid("the PCK certificate's SGX extensions lack a required entry");
      }
      return new PckExtensions(
          ppid, components, pceSvn, cpuSvn, pceId, fmspc, sgxType, Optional.ofNullable(instance));
    } catch (IllegalArgumentException
        | ArithmeticException
        | ClassCastException
        | IndexOutOfBoundsException e) {
      throw invalid("the PCK certificate's SGX extensions are malformed: " + e.getMessage());
    }
  }

  /** The Configuration entry: a sequence of (OID, BOOLEAN) pairs. */
  private static void checkConfiguration(ASN1Primitive value) throws AttestationException {
    for (ASN1Encodable c : ASN1Sequence.getInstance(value)) {
      ASN1Sequence pair = ASN1Sequence.getInstance(c);
      if (pair.size() != 2) {
        throw invalid("a PCK Configuration entry has " + pair.size() + " elements, expected 2");
      }
      ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0));
      ASN1Boolean.getInstance(pair.getObjectAt(1));
    }
  }

  private static byte[] octets(ASN1Primitive value, int length, String what)
      throws AttestationException {
    byte[] b = ASN1OctetString.getInstance(value).getOctets();
    if (b.length != length) {
      throw invalid(what + " is " + b.length + " bytes, expected " + length);
    }
    return b;
  }

  private static int svn(ASN1Primitive value, int max, String what) throws AttestationException {
    BigInteger v = ASN1Integer.getInstance(value).getValue();
    if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
      throw invalid(what + " is out of range: " + v);
    }
    return v.intValue();
  }

  private static AttestationException invalid(String message) {
    return new AttestationException(Reason.PCK_CHAIN_INVALID, message);
  }

  /** Whether the certificate was issued by the PCK Platform CA (it then has an instance ID). */
  boolean fromPlatformCa() {
    return platformInstanceId.isPresent();
  }

  @Override
  public int[] sgxTcbComponents() {
    return sgxTcbComponents.clone();
  }

  @Override
  public byte[] ppid() {
    return ppid.clone();
  }

  @Override
  public byte[] cpuSvn() {
    return cpuSvn.clone();
  }

  @Override
  public byte[] pceId() {
    return pceId.clone();
  }

  @Override
  public byte[] fmspc() {
    return fmspc.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PckExtensions p
        && Arrays.equals(ppid, p.ppid)
        && Arrays.equals(sgxTcbComponents, p.sgxTcbComponents)
        && pceSvn == p.pceSvn
        && Arrays.equals(cpuSvn, p.cpuSvn);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ppid);
  }

  @Override
  public String toString() {
    return "PckExtensions[fmspc="
        + java.util.HexFormat.of().formatHex(fmspc)
        + ", pceSvn="
        + pceSvn
        + "]";
  }
}
