package io.coffer.attestation.collateral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Reads the top level of a JSON collateral file without re-serialising anything: the exact bytes of
 * signed objects (Intel PCS signs the bytes of {@code tcbInfo} / {@code enclaveIdentity} as they
 * appear), and the string members of a dcap-qvl bundle.
 */
final class SignedJsonReader {

  /** Top-level members: an object's exact bytes, or a string's value. */
  record Members(Map<String, byte[]> objects, Map<String, String> strings) {}

  static final JsonFactory STRICT =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(32)
                  .maxStringLength(CollateralParser.MAX_FILE_BYTES)
                  .maxNumberLength(64)
                  .build())
          .build();

  private SignedJsonReader() {}

  /** The members of a top-level JSON object. */
  static Members read(byte[] json, String source) throws AttestationException {
    Map<String, byte[]> objects = new HashMap<>();
    Map<String, String> strings = new HashMap<>();
    try (JsonParser p = STRICT.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(source, "not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (value) {
          case START_OBJECT -> {
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getByteOffset();
            objects.put(name, Arrays.copyOfRange(json, start, end));
          }
          case VALUE_STRING -> strings.put(name, p.getText());
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw malformed(source, "more than one JSON value");
      }
    } catch (StreamReadException e) {
      throw malformed(
          source,
          "line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw malformed(source, e.getMessage());
    }
    return new Members(objects, strings);
  }

  /** A PCS signed document: the member's exact bytes and the hex ECDSA signature beside it. */
  static SignedJson signed(JsonKind kind, byte[] body, String signatureHex, String source)
      throws AttestationException {
    if (signatureHex == null) {
      throw malformed(source, "no \"signature\" beside the signed object");
    }
    return new SignedJson(kind, body, hex(signatureHex, 64, source, "signature"), source);
  }

  /** Decodes hex of exactly {@code length} bytes ({@code -1} for any length). */
  static byte[] hex(String text, int length, String source, String what)
      throws AttestationException {
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(text.strip());
    } catch (IllegalArgumentException e) {
      throw malformed(source, what + " is not hex");
    }
    if (length >= 0 && bytes.length != length) {
      throw malformed(source, what + " is " + bytes.length + " bytes, expected " + length);
    }
    return bytes;
  }

  static AttestationException malformed(String source, String detail) {
    return new AttestationException(
        Reason.COLLATERAL_MALFORMED, source + ": malformed collateral: " + detail);
  }
}
