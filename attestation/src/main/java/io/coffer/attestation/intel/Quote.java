package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.Arrays;
import java.util.Optional;

/**
 * A parsed Intel DCAP quote: version 3 (SGX), version 4 (SGX or TDX) or version 5 (SGX, TD 1.0 or
 * TD 1.5 body), with its ECDSA P-256 signature data. Nothing is verified here; {@link #parse}
 * checks structure and bounds only.
 *
 * <p>Layout (little-endian): a 48-byte header; in v3/v4 the body follows (384 bytes for SGX, 584
 * for a TD); in v5 a u16 body type and u32 body size precede it. The attestation key signs the
 * header and body (and in v5 the body descriptor). Then a u32 length and the signature data: ECDSA
 * signature (r||s), attestation key (x||y), and either directly (v3) or wrapped in certification
 * data type 6 (v4, v5) the QE report, its signature, the QE authentication data and the
 * certification data of the PCK key. Bytes after the signature data are not part of the quote and
 * are ignored.
 */
final class Quote {

  static final long TEE_TYPE_SGX = 0x00000000L;
  static final long TEE_TYPE_TDX = 0x00000081L;

  /** ECDSA-256-with-P-256 curve, the only attestation key type of these quote versions in use. */
  static final int ATT_KEY_ECDSA_P256 = 2;

  /** Certification data type: QE report certification data (nests the PCK certification data). */
  static final int CERT_QE_REPORT = 6;

  /** Certification data type: concatenated PCK certificate chain. */
  static final int CERT_PCK_CHAIN = 5;

  static final int HEADER_SIZE = 48;

  /** The smallest possible quote: header, SGX body, and empty-sized signature data fields. */
  static final int MIN_SIZE = 48 + 384 + 4 + (64 + 64 + 384 + 64 + 2 + 2 + 4);

  /** Intel's quoting enclave vendor ID. */
  static final byte[] INTEL_QE_VENDOR_ID =
      java.util.HexFormat.of().parseHex("939a7233f79c4ca9940a0db3957f0607");

  private final int length;
  private final int version;
  private final int attestationKeyType;
  private final long teeType;
  private final byte[] header;
  private final EnclaveReport sgxBody;
  private final TdReport tdBody;
  private final byte[] signedBytes;
  private final byte[] signature;
  private final byte[] attestationKey;
  private final EnclaveReport qeReport;
  private final byte[] qeReportSignature;
  private final byte[] qeAuthData;
  private final int certificationDataType;
  private final byte[] certificationData;

  private Quote(
      int length,
      int version,
      int attestationKeyType,
      long teeType,
      byte[] header,
      EnclaveReport sgxBody,
      TdReport tdBody,
      byte[] signedBytes,
      byte[] signature,
      byte[] attestationKey,
      EnclaveReport qeReport,
      byte[] qeReportSignature,
      byte[] qeAuthData,
      int certificationDataType,
      byte[] certificationData) {
    this.length = length;
    this.version = version;
    this.attestationKeyType = attestationKeyType;
    this.teeType = teeType;
    this.header = header;
    this.sgxBody = sgxBody;
    this.tdBody = tdBody;
    this.signedBytes = signedBytes;
    this.signature = signature;
    this.attestationKey = attestationKey;
    this.qeReport = qeReport;
    this.qeReportSignature = qeReportSignature;
    this.qeAuthData = qeAuthData;
    this.certificationDataType = certificationDataType;
    this.certificationData = certificationData;
  }

  /**
   * Parses a quote.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} for a structure that does not hold
   *     together, {@code UNSUPPORTED_VERSION} for a version, key or body type not supported
   */
  static Quote parse(byte[] bytes) throws AttestationException {
    if (bytes.length < MIN_SIZE) {
      throw LittleEndianReader.malformed(
          bytes.length + " bytes is shorter than any quote (" + MIN_SIZE + ")");
    }
    LittleEndianReader r = new LittleEndianReader(bytes, 0, bytes.length);
    byte[] header = r.bytes(HEADER_SIZE, "header");
    int version = LittleEndianReader.u16(header, 0);
    int keyType = LittleEndianReader.u16(header, 2);
    long teeType =
        (header[4] & 0xffL)
            | (header[5] & 0xffL) << 8
            | (header[6] & 0xffL) << 16
            | (header[7] & 0xffL) << 24;
    if (version < 3 || version > 5) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "quote version " + version + " is not supported (3, 4, 5)");
    }
    if (keyType != ATT_KEY_ECDSA_P256) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION,
          "attestation key type " + keyType + " is not supported (2 = ECDSA P-256)");
    }
    if (teeType != TEE_TYPE_SGX && teeType != TEE_TYPE_TDX) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "TEE type 0x" + Long.toHexString(teeType) + " is unknown");
    }
    if (version == 3 && teeType != TEE_TYPE_SGX) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "a version 3 quote with a TD report body is not supported");
    }
    if (!Arrays.equals(header, 12, 28, INTEL_QE_VENDOR_ID, 0, 16)) {
      throw LittleEndianReader.malformed("the QE vendor ID is not Intel's");
    }
    EnclaveReport sgx = null;
    TdReport td = null;
    if (version == 5) {
      int bodyType = r.u16("body type");
      long bodySize = r.u32("body size");
      int expected =
          switch (bodyType) {
            case 1 -> EnclaveReport.SIZE;
            case 2 -> TdReport.SIZE_1_0;
            case 3 -> TdReport.SIZE_1_5;
            default ->
                throw new AttestationException(
                    Reason.UNSUPPORTED_VERSION,
                    "quote body type " + bodyType + " is not supported");
          };
      if (bodySize != expected) {
        throw LittleEndianReader.malformed(
            "body type " + bodyType + " is " + expected + " bytes, the quote says " + bodySize);
      }
      if ((bodyType == 1) != (teeType == TEE_TYPE_SGX)) {
        throw LittleEndianReader.malformed("body type " + bodyType + " does not fit the TEE type");
      }
      byte[] body = r.bytes(expected, "body");
      if (bodyType == 1) {
        sgx = new EnclaveReport(body);
      } else {
        td = new TdReport(body);
      }
    } else if (teeType == TEE_TYPE_TDX) {
      td = new TdReport(r.bytes(TdReport.SIZE_1_0, "TD report body"));
    } else {
      sgx = new EnclaveReport(r.bytes(EnclaveReport.SIZE, "enclave report body"));
    }
    byte[] signed = Arrays.copyOfRange(bytes, 0, r.position());
    int signatureDataLength = r.length32("signature data length");
    LittleEndianReader s =
        new LittleEndianReader(bytes, r.position(), r.position() + signatureDataLength);
    byte[] signature = s.bytes(64, "quote signature");
    byte[] key = s.bytes(64, "attestation key");
    LittleEndianReader qe = s;
    if (version >= 4) {
      int outerType = s.u16("certification data type");
      if (outerType != CERT_QE_REPORT) {
        throw new AttestationException(
            Reason.UNSUPPORTED_VERSION,
            "certification data type "
                + outerType
                + " is not supported in a v"
                + version
                + " quote (6)");
      }
      int outerSize = s.length32("certification data size");
      qe = new LittleEndianReader(bytes, s.position(), s.position() + outerSize);
    }
    EnclaveReport qeReport = new EnclaveReport(qe.bytes(EnclaveReport.SIZE, "QE report"));
    byte[] qeSignature = qe.bytes(64, "QE report signature");
    byte[] auth = qe.bytes(qe.length16("QE authentication data size"), "QE authentication data");
    int certType = qe.u16("PCK certification data type");
    if (certType < 1 || certType > 5) {
      throw LittleEndianReader.malformed(
          "PCK certification data type " + certType + " is not 1..5");
    }
    int certSize = qe.length32("PCK certification data size");
    byte[] cert = qe.bytes(certSize, "PCK certification data");
    if (qe.remaining() != 0) {
      throw LittleEndianReader.malformed(
          qe.remaining() + " unexpected bytes after the PCK certification data");
    }
    if (version >= 4) {
      s.bytes(qe.position() - s.position(), "certification data");
      if (s.remaining() != 0) {
        throw LittleEndianReader.malformed(
            s.remaining() + " unexpected bytes after the certification data");
      }
    }
    return new Quote(
        s.position(),
        version,
        keyType,
        teeType,
        header,
        sgx,
        td,
        signed,
        signature,
        key,
        qeReport,
        qeSignature,
        auth,
        certType,
        cert);
  }

  /** The length of the quote: where its signature data ends (anything after is not part of it). */
  int length() {
    return length;
  }

  int version() {
    return version;
  }

  int attestationKeyType() {
    return attestationKeyType;
  }

  boolean isTdx() {
    return teeType == TEE_TYPE_TDX;
  }

  int qeSvn() {
    return LittleEndianReader.u16(header, 8);
  }

  int pceSvn() {
    return LittleEndianReader.u16(header, 10);
  }

  byte[] qeVendorId() {
    return Arrays.copyOfRange(header, 12, 28);
  }

  byte[] userData() {
    return Arrays.copyOfRange(header, 28, 48);
  }

  Optional<EnclaveReport> sgxBody() {
    return Optional.ofNullable(sgxBody);
  }

  Optional<TdReport> tdBody() {
    return Optional.ofNullable(tdBody);
  }

  /** The bytes the attestation key signs. */
  byte[] signedBytes() {
    return signedBytes.clone();
  }

  /** The quote signature, r||s, 32 bytes each. */
  byte[] signature() {
    return signature.clone();
  }

  /** The attestation public key, x||y, 32 bytes each. */
  byte[] attestationKey() {
    return attestationKey.clone();
  }

  EnclaveReport qeReport() {
    return qeReport;
  }

  byte[] qeReportSignature() {
    return qeReportSignature.clone();
  }

  byte[] qeAuthData() {
    return qeAuthData.clone();
  }

  int certificationDataType() {
    return certificationDataType;
  }

  byte[] certificationData() {
    return certificationData.clone();
  }
}
