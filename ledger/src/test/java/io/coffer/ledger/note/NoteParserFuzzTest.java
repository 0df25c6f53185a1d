package io.coffer.ledger.note;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.ledger.checkpoint.Checkpoint;
import io.coffer.ledger.checkpoint.CheckpointException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the signed-note and checkpoint parsers: on any bytes they either parse or throw their own
 * checked parse exception, and whatever parses formats back to the same bytes.
 *
 * <p>In the normal test run this replays the seed corpus in {@code
 * src/test/resources/io/coffer/ledger/note/NoteParserFuzzTestInputs/}; with {@code JAZZER_FUZZ=1}
 * it fuzzes (see {@code docs/fuzzing.md}).
 */
class NoteParserFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void parse_anyBytes_parsesOrThrowsTheParseException(byte[] input) {
    try {
      UnverifiedNote note = UnverifiedNote.parse(input);
      if (!note.format().equals(new String(input, StandardCharsets.UTF_8))) {
        throw new IllegalStateException("a parsed note does not format back to its input");
      }
    } catch (NoteException e) {
      // The one allowed failure.
    }
    try {
      Checkpoint.parseUnverified(input);
    } catch (CheckpointException e) {
      // The one allowed failure.
    }
  }
}
