package io.coffer.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

  private static final JsonNode VECTORS = load();

  private static JsonNode load() {
    try (InputStream in =
        CanonicalJsonTest.class.getResourceAsStream("/testvectors/jcs/jcs-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(String json) throws CanonicalJsonException {
    return new String(
        CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> authorsTestDocuments_canonicalizeAsPublished() {
    return Stream.of(VECTORS.get("documents").spliterator())
        .flatMap(s -> java.util.stream.StreamSupport.stream(s, false))
        .map(doc ->
            DynamicTest.dynamicTest(
                doc.get("name").asText(),
                () ->
                    assertThat(canonical(doc.get("input").asText()))
                        .isEqualTo(doc.get("output").asText())));
  }

  @Test
  void readmeSample_isByteExact() throws Exception {
    JsonNode sample = VECTORS.get("readme_sample");

    byte[] out =
        CanonicalJson.canonicalize(sample.get("input").asText().getBytes(StandardCharsets.UTF_8));

    assertThat(HexFormat.of().formatHex(out)).isEqualTo(sample.get("output_utf8_hex").asText());
  }

  @TestFactory
  Stream<DynamicTest> es6NumberSamples_serialiseAsPublished() {
    return Stream.of(VECTORS.get("es6_numbers").spliterator())
        .flatMap(s -> java.util.stream.StreamSupport.stream(s, false))
        .map(pair ->
            DynamicTest.dynamicTest(
                pair.get(0).asText(),
                () -> {
                  double d =
                      Double.longBitsToDouble(Long.parseUnsignedLong(pair.get(0).asText(), 16));
                  String literal = Double.toString(d);
                  assertThat(canonical("[" + literal + "]"))
                      .isEqualTo("[" + pair.get(1).asText() + "]");
                }));
  }

  @Test
  void duplicatePropertyNames_areRejected() {
    assertThatThrownBy(() -> canonical("{\"a\":1,\"a\":2}"))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("Duplicate field 'a'")
        .hasMessageContaining("line 1");
  }

  @Test
  void unpairedSurrogate_isRejected_notReplaced() {
    assertThatThrownBy(() -> canonical("{\"s\":\"\\ud800x\"}"))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("unpaired surrogate U+d800");
    assertThatThrownBy(() -> canonical("{\"\\udc00\":1}"))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void integersBeyondDoublePrecision_areRejected() throws Exception {
    assertThat(canonical("[9007199254740991,-9007199254740991]"))
        .isEqualTo("[9007199254740991,-9007199254740991]");
    assertThatThrownBy(() -> canonical("[9007199254740993]"))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("not exact");
  }

  @Test
  void infiniteNumbers_areRejected() {
    assertThatThrownBy(() -> canonical("[1e400]")).hasMessageContaining("out of range");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "{}{}", "{\"a\":1} x", "[1,2,]", "{\"a\":NaN}", "{'a':1}", "[1"})
  void malformedDocuments_areRejected(String json) {
    assertThatThrownBy(() -> canonical(json)).isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void invalidUtf8_isRejected() {
    byte[] bad = {'[', '"', (byte) 0xc3, (byte) 0x28, '"', ']'};

    assertThatThrownBy(() -> CanonicalJson.canonicalize(bad))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void tooDeepNesting_isRejected() {
    String deep = "[".repeat(CanonicalJson.MAX_DEPTH + 1) + "]".repeat(CanonicalJson.MAX_DEPTH + 1);

    assertThatThrownBy(() -> canonical(deep)).isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void oversizedDocuments_areRejectedBeforeParsing() {
    byte[] big = new byte[CanonicalJson.MAX_INPUT_BYTES + 1];

    assertThatThrownBy(() -> CanonicalJson.canonicalize(big)).hasMessageContaining("larger than");
  }

  @Test
  void canonicalForm_isAFixedPoint() throws Exception {
    String once = canonical(VECTORS.get("readme_sample").get("input").asText());

    assertThat(canonical(once)).isEqualTo(once);
  }
}
