package io.coffer.ledger.note;

import io.coffer.ledger.note.NoteException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses signed notes exactly as C2SP signed-note "Format" describes them. Line numbers in errors
 * count from 1 over the whole message.
 */
final class NoteParser {

  private NoteParser() {}

  static UnverifiedNote parse(byte[] message) throws NoteException {
    if (message.length > UnverifiedNote.MAX_NOTE_BYTES) {
      throw malformed(
          "note is " + message.length + " bytes, more than " + UnverifiedNote.MAX_NOTE_BYTES);
    }
    String all = decodeUtf8(message);
    // "MUST NOT contain any ASCII control characters (those below U+0020) other than newline."
    int line = 1;
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20) {
        throw malformed("line " + line + ": control character U+" + String.format("%04X", (int) c));
      }
    }
    // "the text is separated from the signatures by the last empty line in the note."
    int split = all.lastIndexOf("\n\n");
    if (split < 0) {
      throw malformed("no blank line separates the text from the signature lines");
    }
    String text = all.substring(0, split + 1);
    String block = all.substring(split + 2);
    int firstSignatureLine = lineCount(text) + 2;
    if (block.isEmpty()) {
      throw malformed("line " + firstSignatureLine + ": no signature lines after the blank line");
    }
    if (block.charAt(block.length() - 1) != '\n') {
      throw malformed(
          "line "
              + (firstSignatureLine + lineCount(block))
              + ": the last signature line does not end in a newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    int start = 0;
    int number = firstSignatureLine;
    while (start < block.length()) {
      int end = block.indexOf('\n', start);
      if (signatures.size() == UnverifiedNote.MAX_SIGNATURES) {
        throw malformed(
            "line " + number + ": more than " + UnverifiedNote.MAX_SIGNATURES + " signature lines");
      }
      signatures.add(signatureLine(block.substring(start, end), number));
      start = end + 1;
      number++;
    }
    return new UnverifiedNote(text, signatures);
  }

  private static NoteSignature signatureLine(String line, int number) throws NoteException {
    if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
      throw malformed(
          "line " + number + ": a signature line starts with an em dash (U+2014) and a space");
    }
    String rest = line.substring(NoteSignature.LINE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw malformed("line " + number + ": a signature line is '— <key name> <base64>'");
    }
    String name = rest.substring(0, space);
    if (!KeyNames.isValid(name)) {
      throw malformed(
          "line "
              + number
              + ": key name "
              + KeyNames.describe(name)
              + " is empty or has a space or '+'");
    }
    try {
      return NoteSignature.fromBase64(name, rest.substring(space + 1));
    } catch (NoteException e) {
      throw malformed("line " + number + ": " + e.getMessage());
    }
  }

  private static String decodeUtf8(byte[] message) throws NoteException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(message);
    CharBuffer out = CharBuffer.allocate(message.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (message[i] == '\n') {
          line++;
        }
      }
      throw malformed("line " + line + ": not valid UTF-8 at byte " + in.position());
    }
    return out.flip().toString();
  }

  private static int lineCount(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static NoteException malformed(String detail) {
    return new NoteException(Reason.MALFORMED_NOTE, "malformed note: " + detail);
  }
}
