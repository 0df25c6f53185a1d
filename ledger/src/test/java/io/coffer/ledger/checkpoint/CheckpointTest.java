package io.coffer.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checkpoint body: transparency-dev/formats marshal/unmarshal cases, the golang.org/x/mod tree
 * note, the C2SP example.
 *
 * <p>Deliberate differences from those libraries, all from tlog-checkpoint "Note text": roots must
 * be 32 bytes (the formats marshal cases use short strings, so only their layout is checked here);
 * extension lines must be non-empty (formats accepts trailing blank lines); the body must end in a
 * newline (sumdb's {@code ParseTree} ignores trailing junk without one).
 */
class CheckpointTest {

  private static final JsonNode FORMATS = TestVectors.json("transparency-dev-formats.json");
  private static final JsonNode TLOG = TestVectors.json("golang-mod-sumdb-tlog.json");

  static Stream<JsonNode> unmarshalCases() {
    List<JsonNode> out = new ArrayList<>();
    FORMATS.at("/checkpoint_unmarshal/cases").forEach(out::add);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unmarshalCases")
  void parse_transparencyDevUnmarshalCase_hasStatedOutcomeUnder32ByteRule(JsonNode c) {
    String input = c.get("input").asText();
    if (c.has("wantErr")) {
      assertThatThrownBy(() -> Checkpoint.parse(input)).isInstanceOf(CheckpointException.class);
      return;
    }
    if (input.contains("\n\n")) {
      // Valid in formats ("trailing newlines"); tlog-checkpoint: extension lines MUST be non-empty.
      assertThatThrownBy(() -> Checkpoint.parse(input))
          .hasMessage("malformed checkpoint: line 4: an extension line is empty");
      return;
    }
    // Valid in formats, but every root there is a short ASCII string, not a 32-byte hash: the
    // strict parser rejects each one for exactly that reason, on line 3.
    assertThatThrownBy(() -> Checkpoint.parse(input))
        .isInstanceOf(CheckpointException.class)
        .hasMessageMatching("malformed checkpoint: line 3: root hash is \\d+ bytes, not 32");
  }

  @Test
  void parse_transparencyDevLayoutWithARealHash_keepsExtensionLines() throws CheckpointException {
    JsonNode ex = FORMATS.at("/checkpoint_unmarshal/extension_example");
    Hash root = TreeHasher.leaf("it's a root hash".getBytes(StandardCharsets.US_ASCII));
    String input = ex.get("input").asText().replace("aXQncyBhIHJvb3QgaGFzaA==", root.toBase64());
    Checkpoint cp = Checkpoint.parse(input);
    assertThat(cp.origin()).isEqualTo(ex.at("/want/origin").asText());
    assertThat(cp.size()).isEqualTo(ex.at("/want/size").asLong());
    assertThat(cp.extensions()).containsExactly("6086d1a9", "Waxing gibbous");
    assertThat(cp.format()).isEqualTo(input);
  }

  @Test
  void format_transparencyDevMarshalLayout_withRealHashes() {
    for (JsonNode c : FORMATS.at("/checkpoint_marshal/cases")) {
      Hash root = TreeHasher.leaf(c.get("hash_ascii").asText().getBytes(StandardCharsets.US_ASCII));
      Checkpoint cp =
          new Checkpoint(c.get("origin").asText(), c.get("size").asLong(), root, List.of());
      String want = c.get("want").asText();
      String layout = want.substring(0, want.indexOf('\n', want.indexOf('\n') + 1) + 1);
      assertThat(cp.format()).isEqualTo(layout + root.toBase64() + "\n");
    }
  }

  @Test
  void format_golangTreeNote_isExact() throws CheckpointException {
    JsonNode f = TLOG.get("format_tree");
    Hash hello = TreeHasher.leaf("hello world".getBytes(StandardCharsets.US_ASCII));
    assertThat(hello.toBase64()).isEqualTo(TLOG.at("/record_hash/want_base64").asText());
    Checkpoint cp = new Checkpoint("go.sum database tree", f.get("N").asLong(), hello, List.of());
    assertThat(cp.format()).isEqualTo(f.get("want").asText());
    JsonNode valid = TLOG.at("/parse_tree/valid/0");
    Checkpoint parsed = Checkpoint.parse(valid.get("input").asText());
    assertThat(parsed.size()).isEqualTo(valid.get("want_N").asLong());
    assertThat(parsed.root().toBase64()).isEqualTo(valid.get("want_hash_base64").asText());
    assertThat(TreeHasher.emptyRoot().toHex())
        .isEqualTo(TLOG.at("/empty_tree_hash/want_hex").asText());
  }

  /**
   * sumdb's ParseTree accepts trailing lines; as checkpoints, lines ending in a newline are
   * extension lines, and junk without a final newline is rejected.
   */
  @Test
  void parse_golangTreeWithTrailingJunk_keepsLinesAsExtensions_rejectsUnterminated()
      throws CheckpointException {
    for (JsonNode junk : TLOG.at("/parse_tree/valid_with_trailing_junk_ignored")) {
      String input = junk.asText();
      if (input.endsWith("\n")) {
        Checkpoint cp = Checkpoint.parse(input);
        assertThat(cp.size()).isEqualTo(123456789012L);
        assertThat(cp.extensions()).isNotEmpty().allMatch("JOE"::equals);
      } else {
        assertThatThrownBy(() -> Checkpoint.parse(input))
            .isInstanceOf(CheckpointException.class)
            .hasMessageContaining("does not end in a newline");
      }
    }
  }

  /** sumdb's ParseTree also checks the origin; here that is the verifier's expected origin. */
  @Test
  void parse_golangInvalidTrees_areRejectedOrHaveAnotherOrigin() throws CheckpointException {
    JsonNode invalid = TLOG.at("/parse_tree/invalid");
    assertThat(Checkpoint.parse(invalid.get(0).asText()).origin())
        .isNotEqualTo("go.sum database tree");
    assertThatThrownBy(() -> Checkpoint.parse(invalid.get(1).asText()))
        .hasMessage("malformed checkpoint: line 2: tree size \"0xabcdef\" is not a decimal number");
    assertThatThrownBy(() -> Checkpoint.parse(invalid.get(2).asText()))
        .hasMessage("malformed checkpoint: line 3: root hash is 35 bytes, not 32");
  }

  @Test
  void parse_c2spExample_hasStatedValues() throws CheckpointException {
    JsonNode ex = TestVectors.json("c2sp-spec-examples.json").get("checkpoint_example");
    String note = ex.get("checkpoint").asText();
    Checkpoint cp = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
    assertThat(cp.origin()).isEqualTo(ex.at("/parsed/origin").asText());
    assertThat(cp.size()).isEqualTo(ex.at("/parsed/tree_size").asLong());
    assertThat(cp.root().toBase64()).isEqualTo(ex.at("/parsed/root_hash_base64").asText());
    assertThat(cp.extensions()).isEmpty();
  }

  private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "leading zero|o\\n012\\nR\\n|line 2: tree size \"012\" has a leading zero",
        "plus sign|o\\n+12\\nR\\n|line 2: tree size \"+12\" is not a decimal number",
        "minus sign|o\\n-1\\nR\\n|line 2: tree size \"-1\" is not a decimal number",
        "space|o\\n 12\\nR\\n|line 2: tree size \" 12\" is not a decimal number",
        "2^63|o\\n9223372036854775808\\nR\\n|line 2: tree size \"9223372036854775808\" is larger"
            + " than 2^63 - 1",
        "empty origin|\\n1\\nR\\n|line 1: the origin is empty",
        "empty extension|o\\n1\\nR\\n\\n|line 4: an extension line is empty",
        "unpadded root|o\\n1\\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\\n|line 3: root hash is"
            + " not canonical padded base64",
        "no newline|o\\n1\\nR|line 3: the checkpoint body does not end in a newline",
        "two lines|o\\n1\\n|line 3: a checkpoint has an origin, a size and a root hash line, got 2"
            + " lines",
      })
  void parse_malformedBody_namesTheLine(String desc, String input, String message) {
    String body = input.replace("\\n", "\n").replace("R", ROOT);
    assertThatThrownBy(() -> Checkpoint.parse(body))
        .isInstanceOfSatisfying(
            CheckpointException.class,
            e -> assertThat(e.reason()).isEqualTo(CheckpointException.Reason.MALFORMED))
        .hasMessage("malformed checkpoint: " + message);
  }

  @Test
  void parse_sizeZeroAndMaximum_areAccepted() throws CheckpointException {
    assertThat(Checkpoint.parse("o\n0\n" + ROOT + "\n").size()).isZero();
    assertThat(Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size())
        .isEqualTo(Long.MAX_VALUE);
  }
}
