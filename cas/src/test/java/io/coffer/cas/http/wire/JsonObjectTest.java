package io.coffer.cas.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

  private static JsonObject parse(String json, String... members) throws WireException {
    return JsonObject.parse(json.getBytes(StandardCharsets.UTF_8), Set.of(members));
  }

  private static void fails(String json, String field, String message) {
    assertThatThrownBy(() -> parse(json, "a", "b"))
        .isInstanceOfSatisfying(
            WireException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void parse_rejectsWhatIsNotExactlyOneObjectOfKnownMembers() {
    fails("[1]", "", "not a JSON object");
    fails("{\"a\":1} {}", "", "not JSON");
    fails("{\"a\":1,\"a\":2}", "", "not JSON");
    fails("{\"c\":1}", "c", "unknown member");
    fails("{\"a\":", "", "line 1");
    fails("", "", "not a JSON object");
    fails("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "", "not JSON");
  }

  @Test
  void accessors_checkTypesAndNameTheField() throws Exception {
    JsonObject o = parse("{\"a\":\"x\",\"b\":{\"c\":[1,\"y\"]}}", "a", "b");

    assertThat(o.string("a")).isEqualTo("x");
    assertThatThrownBy(() -> o.integer("a", 0, 1)).hasMessage("a: not an integer");
    assertThatThrownBy(() -> o.bool("a")).hasMessage("a: not a boolean");
    assertThatThrownBy(() -> o.string("missing")).hasMessage("missing: missing");
    assertThatThrownBy(() -> o.object("b", Set.of("c")).strings("c", 5))
        .hasMessage("b.c[0]: not a string");
    assertThatThrownBy(() -> o.object("b", Set.of("c")).array("c", 1))
        .hasMessage("b.c: more than 1 elements");
    assertThatThrownBy(() -> o.object("b", Set.of("d"))).hasMessageStartingWith("b.c: unknown");
  }

  @Test
  void integer_outOfRange_isRejected() throws Exception {
    JsonObject o = parse("{\"a\":5,\"b\":1.5}", "a", "b");

    assertThat(o.integer("a", 0, 5)).isEqualTo(5);
    assertThatThrownBy(() -> o.integer("a", 0, 4)).hasMessageContaining("within 0..4");
    assertThatThrownBy(() -> o.integer("b", 0, 4)).hasMessage("b: not an integer");
  }

  @Test
  void base64_mustBeCanonical() throws Exception {
    JsonObject o = parse("{\"a\":\"AQI=\",\"b\":\"AQJ=\"}", "a", "b");

    assertThat(o.base64("a")).containsExactly(1, 2);
    assertThatThrownBy(() -> o.base64("b")).hasMessageContaining("not canonical base64");
  }
}
