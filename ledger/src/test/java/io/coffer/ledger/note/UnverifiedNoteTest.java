package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict parsing and exact formatting of signed notes. */
class UnverifiedNoteTest {

  private static final JsonNode C2SP = TestVectors.json("c2sp-spec-examples.json");
  private static final String SIG =
      "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  private static UnverifiedNote parse(String s) throws NoteException {
    return UnverifiedNote.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_c2spIntroExample_splitsAtTheLastBlankLine() throws NoteException {
    JsonNode ex = C2SP.get("signed_note_intro_example");
    UnverifiedNote note = parse(ex.get("note").asText());
    assertThat(note.text()).isEqualTo(ex.at("/parsed/text").asText());
    assertThat(note.signatures().get(0).keyName())
        .isEqualTo(ex.at("/parsed/signatures/0/key_name").asText());
    assertThat(note.signatures().get(0).keyId().toHex())
        .isEqualTo(ex.at("/parsed/signatures/0/key_id_hex").asText());
    assertThat(note.format()).isEqualTo(ex.get("note").asText());
  }

  @Test
  void parse_c2spCosignatureExample_decodesKeyIdTimestampAndSignature() throws NoteException {
    JsonNode ex = C2SP.get("cosignature_example");
    UnverifiedNote note = parse(ex.get("cosigned_checkpoint").asText());
    NoteSignature cosig = note.signatures().get(1);
    assertThat(cosig.keyName()).isEqualTo("witness.example.com/w1");
    assertThat(cosig.keyId().toHex()).isEqualTo("8d66cf3f");
    assertThat(cosig.signature()).hasSize(72);
    assertThat(CosignatureVerifier.timestamp(cosig).getEpochSecond()).isEqualTo(1679315147L);
    assertThat(
            new String(CosignatureVerifier.header(1679315147L), StandardCharsets.US_ASCII)
                + note.text())
        .isEqualTo(ex.get("ed25519_signed_message_example").asText());
    assertThat(note.format()).isEqualTo(ex.get("cosigned_checkpoint").asText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no blank line|text\\n"
            + "— a AAAAAAA=\\n|malformed note: no blank line separates the text"
            + " from the signature lines",
        "empty block|text\\n\\n|malformed note: line 3: no signature lines after the blank line",
        "no final newline|text\\n\\n— a AAAAAAA=|malformed note: line 3: the last signature line"
            + " does not end in a newline",
        "no em dash|text\\n\\n- a AAAAAAA=\\n|malformed note: line 3: a signature line starts with"
            + " an em dash (U+2014) and a space",
        "no space|text\\n\\n— aAAAAAAA=\\n|malformed note: line 3: a signature line is '— <key name>"
            + " <base64>'",
        "empty name|text\\n\\n—  AAAAAAA=\\n|malformed note: line 3: key name \"\" is empty or has a"
            + " space or '+'",
        "plus in name|text\\n\\n— a+b AAAAAAA=\\n|malformed note: line 3: key name \"a+b\" is empty"
            + " or has a space or '+'",
        "unpadded|text\\n\\n— a AAAAAAA\\n|malformed note: line 3: signature is not canonical padded"
            + " base64",
        "non-canonical bits|text\\n\\n— a AAAAAAB=\\n|malformed note: line 3: signature is not"
            + " canonical padded base64",
        "four bytes|text\\n\\n— a AAAAAA==\\n|malformed note: line 3: signature is 4 bytes, must be"
            + " more than 4 (key ID and signature)",
        "tab|te\\txt\\n\\n— a AAAAAAA=\\n|malformed note: line 1: control character U+0009",
        "carriage return|text\\r\\n\\n— a AAAAAAA=\\n|malformed note: line 1: control character"
            + " U+000D",
      })
  void parse_malformed_namesTheLine(String desc, String input, String message) {
    String note = input.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
    assertThatThrownBy(() -> parse(note))
        .isInstanceOfSatisfying(
            NoteException.class,
            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.MALFORMED_NOTE))
        .hasMessage(message);
  }

  @Test
  void parse_invalidUtf8_namesTheLine() {
    byte[] bad = "ok\nb\u00e9d\n\n— a AAAAAAA=\n".getBytes(StandardCharsets.UTF_8);
    bad[4] = (byte) 0xff;
    assertThatThrownBy(() -> UnverifiedNote.parse(bad))
        .isInstanceOf(NoteException.class)
        .hasMessage("malformed note: line 2: not valid UTF-8 at byte 4");
  }

  @Test
  void parse_hundredSignatures_isAccepted_hundredAndOne_isNot() throws NoteException {
    String text = "text\n\n";
    assertThat(parse(text + SIG.repeat(100)).signatures()).hasSize(100);
    assertThatThrownBy(() -> parse(text + SIG.repeat(101)))
        .isInstanceOf(NoteException.class)
        .hasMessage("malformed note: line 103: more than 100 signature lines");
  }

  @Test
  void parse_tooLarge_isRejectedBeforeDecoding() {
    byte[] big = new byte[UnverifiedNote.MAX_NOTE_BYTES + 1];
    assertThatThrownBy(() -> UnverifiedNote.parse(big))
        .isInstanceOf(NoteException.class)
        .hasMessageContaining("more than 1048576");
  }

  @Test
  void parse_emptyLinesInText_areKept() throws NoteException {
    UnverifiedNote note = parse("a\n\n\nb\n\n" + SIG);
    assertThat(note.text()).isEqualTo("a\n\n\nb\n");
  }

  @Test
  void format_roundTripsExactly() throws NoteException {
    String s = "line one\n\nline three é\n\n" + SIG + SIG;
    assertThat(parse(s).format()).isEqualTo(s);
  }
}
