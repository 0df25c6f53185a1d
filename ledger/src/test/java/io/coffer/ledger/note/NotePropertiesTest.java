package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Sign-then-verify round trips, and any single changed byte breaks verification. */
class NotePropertiesTest {

  private static final Ed25519NoteSigner SIGNER = signer();
  private static final CosignatureSigner COSIGNER = cosigner();

  private static Ed25519NoteSigner signer() {
    try {
      return Ed25519NoteSigner.of("example.com/log", Ed25519Seed.of(new byte[32]));
    } catch (NoteException e) {
      throw new AssertionError(e);
    }
  }

  private static CosignatureSigner cosigner() {
    try {
      byte[] seed = new byte[32];
      seed[0] = 1;
      return CosignatureSigner.of(
          "example.com/w",
          Ed25519Seed.of(seed),
          Clock.fixed(Instant.ofEpochSecond(5), ZoneOffset.UTC));
    } catch (NoteException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line =
        Arbitraries.strings().withCharRange(' ', '~').withChars('é', '—', '\u4e2d').ofMaxLength(40);
    return line.list().ofMinSize(1).ofMaxSize(6).map(lines -> String.join("\n", lines) + "\n");
  }

  @Property(tries = 200)
  void signThenOpen_roundTrips(@ForAll("texts") String text) throws Exception {
    byte[] note = UnverifiedNote.sign(text, List.of(SIGNER, COSIGNER)).encode();
    VerifiedNote opened =
        NoteVerifiers.of(SIGNER.verifier(), COSIGNER.verifier()).openSignedByAll(note);
    assertThat(opened.text()).isEqualTo(text);
    assertThat(UnverifiedNote.parse(note).format())
        .isEqualTo(new String(note, StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void anyChangedByte_failsVerification(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int delta)
      throws Exception {
    byte[] note = UnverifiedNote.sign(text, List.of(SIGNER)).encode();
    int i = position % note.length;
    note[i] = (byte) (note[i] + delta);
    assertThatThrownBy(() -> NoteVerifiers.of(SIGNER.verifier()).open(note))
        .isInstanceOf(NoteException.class);
  }

  @Property(tries = 300)
  void anyChangedSignatureByte_failsVerification(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = 0, max = 100_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int delta)
      throws Exception {
    NoteSignature sig = UnverifiedNote.sign(text, List.of(COSIGNER)).signatures().get(0);
    byte[] bytes = sig.signature();
    int i = position % bytes.length;
    bytes[i] = (byte) (bytes[i] + delta);
    UnverifiedNote forged =
        new UnverifiedNote(text, List.of(new NoteSignature(sig.keyName(), sig.keyId(), bytes)));
    assertThatThrownBy(() -> NoteVerifiers.of(COSIGNER.verifier()).open(forged))
        .isInstanceOfSatisfying(
            NoteException.class,
            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.INVALID_SIGNATURE));
  }
}
