package io.coffer.ledger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence for a JSON document that any
 * language reproduces, so that ledger entries hash the same everywhere.
 *
 * <p>RFC 8785 §3.1 requires I-JSON (RFC 7493) input. This class enforces it before canonicalizing,
 * because a canonical form that silently changed the data would let two different documents hash
 * alike: input must be well-formed UTF-8 holding exactly one JSON value, without duplicate property
 * names, without unpaired surrogates, with finite numbers, and with integers no larger in magnitude
 * than 2^53 - 1 (larger ones are not exact as IEEE-754 doubles). Sorting and ES6 number
 * serialisation are done by the scheme authors' reference implementation.
 *
 * <p>Restrictions: at most {@value #MAX_INPUT_BYTES} bytes and {@value #MAX_DEPTH} levels of
 * nesting.
 */
public final class CanonicalJson {

  /** The largest document accepted. */
  public static final int MAX_INPUT_BYTES = 1 << 20;

  /** The deepest nesting accepted. */
  public static final int MAX_DEPTH = 64;

  private static final BigInteger MAX_EXACT_INTEGER =
      BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE);

  private static final JsonFactory STRICT =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(400)
                  .maxStringLength(MAX_INPUT_BYTES)
                  .build())
          .build();

  private CanonicalJson() {}

  /**
   * The RFC 8785 canonical form of a UTF-8 JSON document, as UTF-8.
   *
   * @throws CanonicalJsonException naming the first problem and where it is, if the input is not an
   *     I-JSON document
   */
  public static byte[] canonicalize(byte[] utf8Json) throws CanonicalJsonException {
    if (utf8Json.length > MAX_INPUT_BYTES) {
      throw new CanonicalJsonException(
          "document of " + utf8Json.length + " bytes is larger than " + MAX_INPUT_BYTES);
    }
    String text = decodeUtf8(utf8Json);
    checkIJson(text);
    try {
      return new JsonCanonicalizer(text).getEncodedUTF8();
    } catch (IOException | RuntimeException e) {
      throw new CanonicalJsonException("cannot canonicalize: " + e.getMessage(), e);
    }
  }

  private static String decodeUtf8(byte[] bytes) throws CanonicalJsonException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CanonicalJsonException("not valid UTF-8: " + e.getMessage(), e);
    }
  }

  /** RFC 7493 I-JSON, checked token by token: exactly one value, then the end of the input. */
  private static void checkIJson(String text) throws CanonicalJsonException {
    try (JsonParser parser = STRICT.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new CanonicalJsonException("empty document");
      }
      while (true) {
        switch (token) {
          case FIELD_NAME -> checkString(parser.currentName(), parser, "property name");
          case VALUE_STRING -> checkString(parser.getText(), parser, "string");
          case VALUE_NUMBER_INT -> checkInteger(parser);
          case VALUE_NUMBER_FLOAT -> checkFloat(parser);
          default -> {}
        }
        boolean rootValueDone =
            parser.getParsingContext().inRoot()
                && token != JsonToken.START_OBJECT
                && token != JsonToken.START_ARRAY;
        if (rootValueDone) {
          break;
        }
        token = parser.nextToken();
      }
      if (parser.nextToken() != null) {
        throw new CanonicalJsonException("more than one JSON value " + at(parser));
      }
    } catch (StreamReadException e) {
      throw new CanonicalJsonException(
          "not I-JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new CanonicalJsonException("cannot read the document: " + e.getMessage(), e);
    }
  }

  private static void checkString(String s, JsonParser p, String what)
      throws CanonicalJsonException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new CanonicalJsonException(
            what + " with an unpaired surrogate U+" + Integer.toHexString(c) + " " + at(p));
      }
    }
  }

  private static void checkInteger(JsonParser p) throws IOException, CanonicalJsonException {
    if (p.getBigIntegerValue().abs().compareTo(MAX_EXACT_INTEGER) > 0) {
      throw new CanonicalJsonException(
          "integer " + p.getText() + " is not exact as an IEEE-754 double " + at(p));
    }
  }

  private static void checkFloat(JsonParser p) throws IOException, CanonicalJsonException {
    if (!Double.isFinite(p.getDoubleValue())) {
      throw new CanonicalJsonException("number " + p.getText() + " is out of range " + at(p));
    }
  }

  private static String at(JsonParser p) {
    return "at line "
        + p.currentTokenLocation().getLineNr()
        + ", column "
        + p.currentTokenLocation().getColumnNr();
  }
}
