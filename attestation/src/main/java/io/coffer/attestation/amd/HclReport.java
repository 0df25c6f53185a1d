package io.coffer.attestation.amd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An Azure confidential VM's HCL report, as the paravisor writes it to vTPM NV index 0x01400001: an
 * SEV-SNP report whose REPORT_DATA commits to the "runtime claims" JSON that follows it. Nothing is
 * verified here.
 *
 * <p>Layout (little-endian; Microsoft openhcl IGVM attestation structures, kinvolk
 * azure-cvm-tooling {@code hcl/mod.rs}): 0x00 signature {@code "HCLA"}, 0x04 version (1 or 2), 0x08
 * report size, 0x0C request type, 0x10 status, 0x14 reserved; 0x20 the 1184-byte SNP report; 0x4C0
 * the IGVM request data: data size, version, report type (2 = SNP), report-data hash type (1
 * SHA-256, 2 SHA-384, 3 SHA-512), variable data size, then at 0x4D4 the variable data (UTF-8 JSON).
 *
 * <p>Checked: the signature and version; report type SNP (TDX is refused); a known hash type; data
 * size = 20 + variable data size; report size = 0x4C0 + data size, within the buffer; the variable
 * data is one JSON object with no duplicate member, whose optional {@code user-data} is a hex
 * string. Bytes after the report size (zero padding of the NV index) are not part of the report.
 *
 * <p>The header and the request data are unmeasured (openhcl: "Header (unmeasured)", "Request data
 * (unmeasured)"): anyone can change them, and only what locates and bounds the signed report and
 * the variable data is used. The request type (2 = AK certificate request in the vector), status,
 * reserved words and request-data version are neither checked nor claimed.
 */
public final class HclReport {

  static final int HEADER_SIZE = 0x20;
  static final int REQUEST_DATA_OFFSET = HEADER_SIZE + SnpReport.SIZE;
  static final int VARIABLE_DATA_OFFSET = REQUEST_DATA_OFFSET + 20;
  static final long MAGIC = 0x414C4348L;
  static final int REPORT_TYPE_SNP = 2;
  static final int REPORT_TYPE_TDX = 4;

  /** The digest of the variable data in REPORT_DATA. */
  public enum HashType {
    /** 1: SHA-256, in REPORT_DATA[0..32]. */
    SHA_256("SHA-256", 32),
    /** 2: SHA-384, in REPORT_DATA[0..48]. */
    SHA_384("SHA-384", 48),
    /** 3: SHA-512, all of REPORT_DATA. */
    SHA_512("SHA-512", 64);

    private final String jcaName;
    private final int length;

    HashType(String jcaName, int length) {
      this.jcaName = jcaName;
      this.length = length;
    }

    /** The digest length in bytes. */
    public int length() {
      return length;
    }

    byte[] digest(byte[] data) {
      try {
        return MessageDigest.getInstance(jcaName).digest(data);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(jcaName + " is a required JCA algorithm", e);
      }
    }
  }

  private final long version;
  private final byte[] snpReport;
  private final HashType hashType;
  private final byte[] variableData;
  private final Optional<byte[]> userData;

  private HclReport(
      long version,
      byte[] snpReport,
      HashType hashType,
      byte[] variableData,
      Optional<byte[]> userData) {
    this.version = version;
    this.snpReport = snpReport;
    this.hashType = hashType;
    this.variableData = variableData;
    this.userData = userData;
  }

  /**
   * Parses an HCL report; the embedded SNP report is only cut out, {@link SnpReport#parse} checks
   * it.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} for a broken layout, {@code
   *     UNSUPPORTED_VERSION} for another version, report type or hash type
   */
  public static HclReport parse(byte[] bytes) throws AttestationException {
    if (bytes.length < VARIABLE_DATA_OFFSET) {
      throw malformed(
          bytes.length + " bytes is shorter than any HCL report (" + VARIABLE_DATA_OFFSET + ")");
    }
    if (LittleEndian.u32(bytes, 0) != MAGIC) {
      throw malformed("it does not start with HCLA");
    }
    long version = LittleEndian.u32(bytes, 4);
    if (version != 1 && version != 2) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "HCL report version " + version + " is not supported (1, 2)");
    }
    long reportSize = LittleEndian.u32(bytes, 8);
    long dataSize = LittleEndian.u32(bytes, REQUEST_DATA_OFFSET);
    long reportType = LittleEndian.u32(bytes, REQUEST_DATA_OFFSET + 8);
    long hashTypeValue = LittleEndian.u32(bytes, REQUEST_DATA_OFFSET + 12);
    long variableSize = LittleEndian.u32(bytes, REQUEST_DATA_OFFSET + 16);
    if (reportType == REPORT_TYPE_TDX) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "the HCL report holds a TDX report, not an SEV-SNP one");
    }
    if (reportType != REPORT_TYPE_SNP) {
      throw malformed("report type " + reportType + " is not SNP (2)");
    }
    HashType hashType =
        switch ((int) Math.min(hashTypeValue, Integer.MAX_VALUE)) {
          case 1 -> HashType.SHA_256;
          case 2 -> HashType.SHA_384;
          case 3 -> HashType.SHA_512;
          default ->
              throw new AttestationException(
                  Reason.UNSUPPORTED_VERSION,
                  "HCL report-data hash type " + hashTypeValue + " is not supported (1, 2, 3)");
        };
    if (dataSize != 20 + variableSize) {
      throw malformed("data size " + dataSize + " is not 20 + variable data size " + variableSize);
    }
    if (reportSize != REQUEST_DATA_OFFSET + dataSize) {
      throw malformed("report size " + reportSize + " is not 0x4C0 + data size " + dataSize);
    }
    if (reportSize > bytes.length) {
      throw malformed(
          "report size " + reportSize + " exceeds the " + bytes.length + " bytes given");
    }
    byte[] variableData = Arrays.copyOfRange(bytes, VARIABLE_DATA_OFFSET, (int) reportSize);
    return new HclReport(
        version,
        Arrays.copyOfRange(bytes, HEADER_SIZE, REQUEST_DATA_OFFSET),
        hashType,
        variableData,
        userData(variableData));
  }

  /** Checks the runtime claims are one JSON object; returns its {@code user-data}, if any. */
  private static Optional<byte[]> userData(byte[] json) throws AttestationException {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();
    byte[] userData = null;
    try (JsonParser p = factory.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("the variable data is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("user-data")) {
          if (value != JsonToken.VALUE_STRING) {
            throw malformed("runtime claims user-data is not a string");
          }
          userData = hex(p.getText());
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw malformed("the variable data is not exactly one JSON object");
      }
    } catch (JsonProcessingException e) {
      throw malformed("the variable data is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw malformed("the variable data cannot be read as JSON");
    }
    return Optional.ofNullable(userData);
  }

  private static byte[] hex(String text) throws AttestationException {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw malformed("runtime claims user-data is not hex");
    }
  }

  private static AttestationException malformed(String detail) {
    return new AttestationException(Reason.MALFORMED_EVIDENCE, "malformed HCL report: " + detail);
  }

  public long version() {
    return version;
  }

  /** The embedded SNP report (0x20..0x4BF), not yet parsed. */
  public byte[] snpReport() {
    return snpReport.clone();
  }

  public HashType hashType() {
    return hashType;
  }

  /** The runtime claims JSON exactly as the REPORT_DATA digest covers it. */
  public byte[] variableData() {
    return variableData.clone();
  }

  /** The runtime claims' {@code user-data}: the bytes the guest asked the report for. */
  public Optional<byte[]> userData() {
    return userData.map(byte[]::clone);
  }

  /** The digest of the variable data that REPORT_DATA must begin with. */
  public byte[] variableDataDigest() {
    return hashType.digest(variableData);
  }

  @Override
  public String toString() {
    return "HclReport[v" + version + ", " + hashType + ", " + variableData.length + " bytes]";
  }
}
