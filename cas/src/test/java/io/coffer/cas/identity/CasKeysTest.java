package io.coffer.cas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.DataKey;
import io.coffer.cas.seal.RowId;
import io.coffer.ledger.checkpoint.Checkpoint;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.note.NoteVerifiers;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The CAS's TLS and ledger keys: made, stored encrypted, restored exactly, or refused. */
class CasKeysTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final CasKeys KEYS =
      CasKeys.generate(
          "cas.example/log", List.of("cas.example", "10.0.0.7"), InstantSource.fixed(NOW), RANDOM);

  private static void assertFails(ThrowingCallable call, IdentityException.Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(IdentityException.class)
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void generate_certificateIsSelfSignedP256WithTheNames() throws Exception {
    X509Certificate cert = KEYS.tlsCertificate();
    cert.verify(cert.getPublicKey());
    assertThat(cert.getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(cert.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
        .containsExactly("localhost", "127.0.0.1", "cas.example", "10.0.0.7");
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(cert.getNotBefore().toInstant()).isBefore(NOW);
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
  }

  @Test
  void generate_badHostName_isRefused() {
    assertThatThrownBy(() ->
            CasKeys.generate("cas", List.of("bad host/name"), InstantSource.fixed(NOW), RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad host/name");
  }

  @Test
  void generate_originThatCannotNameAKey_isRefused() {
    assertThatThrownBy(
            () -> CasKeys.generate("my cas", List.of(), InstantSource.fixed(NOW), RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ledgerVerifierKey_isTheLedgerPublicKey() throws Exception {
    NoteVerifier vkey = NoteVerifier.parse(KEYS.ledgerVerifierKey());
    assertThat(vkey.keyName()).isEqualTo("cas.example/log");
    byte[] spki = KEYS.ledgerPublicKey();
    assertThat(spki).hasSize(44);
    assertThat(Arrays.copyOfRange(spki, 12, 44))
        .isEqualTo(((io.coffer.ledger.note.Ed25519NoteVerifier) vkey).publicKey());
  }

  @Test
  void checkpointSigner_signsWhatTheVerifierKeyOpens() throws Exception {
    byte[] note = KEYS.checkpointSigner().sign(new TreeHead(0, TreeHasher.emptyRoot()));
    NoteVerifiers verifiers = NoteVerifiers.of(NoteVerifier.parse(KEYS.ledgerVerifierKey()));
    assertThat(Checkpoint.parse(verifiers.open(note).text()).origin()).isEqualTo("cas.example/log");
  }

  @Test
  void decrypt_ofEncrypt_givesTheSameKeys() throws Exception {
    Barrier barrier = DataKey.generate().barrier();
    CasKeys restored = CasKeys.decrypt(barrier, KEYS.encrypt(barrier));
    assertThat(restored.origin()).isEqualTo(KEYS.origin());
    assertThat(restored.tlsPublicKey()).isEqualTo(KEYS.tlsPublicKey());
    assertThat(restored.tlsCertificate()).isEqualTo(KEYS.tlsCertificate());
    assertThat(restored.ledgerPublicKey()).isEqualTo(KEYS.ledgerPublicKey());
    assertThat(restored.ledgerVerifierKey()).isEqualTo(KEYS.ledgerVerifierKey());
    assertThat(restored.ledgerSigner().signerKey()).isEqualTo(KEYS.ledgerSigner().signerKey());
    assertThat(restored.fingerprint()).isEqualTo(KEYS.fingerprint());
  }

  @Test
  void decrypt_underAnotherDataKey_doesNotOpen() {
    byte[] stored = KEYS.encrypt(DataKey.generate().barrier());
    assertFails(
        () -> CasKeys.decrypt(DataKey.generate().barrier(), stored),
        IdentityException.Reason.KEYS_DO_NOT_OPEN);
  }

  @Test
  void decrypt_rowMovedFromElsewhere_doesNotOpen() {
    Barrier barrier = DataKey.generate().barrier();
    byte[] elsewhere = barrier.encrypt(new RowId("cas_meta", "identity", 2), KEYS.encode());
    assertFails(
        () -> CasKeys.decrypt(barrier, elsewhere), IdentityException.Reason.KEYS_DO_NOT_OPEN);
  }

  @Test
  void decrypt_flippedByte_doesNotOpen() {
    Barrier barrier = DataKey.generate().barrier();
    byte[] stored = KEYS.encrypt(barrier);
    stored[stored.length / 2] ^= 1;
    assertFails(() -> CasKeys.decrypt(barrier, stored), IdentityException.Reason.KEYS_DO_NOT_OPEN);
  }

  @Test
  void decode_everyTruncation_isMalformed() {
    byte[] encoded = KEYS.encode();
    for (int n = 0; n < encoded.length; n++) {
      byte[] cut = Arrays.copyOf(encoded, n);
      assertFails(() -> CasKeys.decode(cut), IdentityException.Reason.MALFORMED_KEYS);
    }
  }

  @Test
  void decode_trailingByte_isMalformed() {
    byte[] encoded = KEYS.encode();
    assertFails(
        () -> CasKeys.decode(Arrays.copyOf(encoded, encoded.length + 1)),
        IdentityException.Reason.MALFORMED_KEYS);
  }

  @Test
  void decode_otherVersion_isMalformed() {
    byte[] encoded = KEYS.encode();
    encoded[4] = 2;
    assertThatThrownBy(() -> CasKeys.decode(encoded)).hasMessageContaining("unsupported version 2");
  }

  @Test
  void decode_tlsKeyOfAnotherCertificate_isMalformed() {
    CasKeys other =
        CasKeys.generate("cas.example/log", List.of(), InstantSource.fixed(NOW), RANDOM);
    byte[] mine = KEYS.encode();
    byte[] theirs = other.encode();
    // Same origin, so the private keys sit at the same offset with their lengths.
    int offset = 4 + 1 + 2 + "cas.example/log".length();
    int length = ((mine[offset] & 0xff) << 8) | (mine[offset + 1] & 0xff);
    int theirLength = ((theirs[offset] & 0xff) << 8) | (theirs[offset + 1] & 0xff);
    assertThat(theirLength).isEqualTo(length);
    System.arraycopy(theirs, offset, mine, offset, 2 + length);
    assertThatThrownBy(() -> CasKeys.decode(mine))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("does not match its certificate");
  }

  @Test
  void toString_showsNoPrivateKey() {
    String text = KEYS.toString();
    assertThat(text).contains(KEYS.fingerprint()).doesNotContain("PRIVATE");
    assertThat(text).doesNotContain(KEYS.ledgerSigner().signerKey().reveal());
  }
}
