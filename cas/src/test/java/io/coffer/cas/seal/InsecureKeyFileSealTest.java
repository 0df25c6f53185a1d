package io.coffer.cas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.seal.SealException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development seal: its file, and the data key opening only with the right file. */
class InsecureKeyFileSealTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final RowId ROW = new RowId("secrets", "acme/db-key", 1);

  @TempDir Path data;
  @TempDir Path other;

  @Test
  void open_afterLoad_givesTheSameDataKey() throws Exception {
    DataKey key = DataKey.generate();
    byte[] ciphertext = key.barrier().encrypt(ROW, new byte[] {7});
    byte[] stored = InsecureKeyFileSeal.create(data, "cas-1", RANDOM).seal(key).encode();

    DataKey opened = InsecureKeyFileSeal.load(data).open(SealedDataKey.decode(stored));

    assertThat(opened.barrier().decrypt(ROW, ciphertext)).containsExactly(7);
  }

  @Test
  void create_writesAnOwnerOnlyFile() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    assertThat(seal.file()).isEqualTo(data.resolve(InsecureKeyFileSeal.FILE_NAME));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(seal.file())))
        .isEqualTo("rw-------");
    try (var files = Files.list(data)) {
      assertThat(files).containsExactly(seal.file());
    }
  }

  @Test
  void create_existingFile_isNeverReplaced() throws Exception {
    InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    byte[] before = Files.readAllBytes(data.resolve(InsecureKeyFileSeal.FILE_NAME));
    assertFails(() -> InsecureKeyFileSeal.create(data, "cas-1", RANDOM), Reason.IO);
    assertThat(Files.readAllBytes(data.resolve(InsecureKeyFileSeal.FILE_NAME))).isEqualTo(before);
  }

  @Test
  void load_groupReadableFile_isRefused() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    Files.setPosixFilePermissions(seal.file(), PosixFilePermissions.fromString("rw-r-----"));
    assertFails(() -> InsecureKeyFileSeal.load(data), Reason.UNSAFE_KEY_FILE);
  }

  @Test
  void load_worldReadableFile_isRefused() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    Files.setPosixFilePermissions(seal.file(), PosixFilePermissions.fromString("rw----r--"));
    assertFails(() -> InsecureKeyFileSeal.load(data), Reason.UNSAFE_KEY_FILE);
  }

  @Test
  void load_symbolicLink_isRefused() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(other, "cas-1", RANDOM);
    Files.createSymbolicLink(data.resolve(InsecureKeyFileSeal.FILE_NAME), seal.file());
    assertFails(() -> InsecureKeyFileSeal.load(data), Reason.UNSAFE_KEY_FILE);
  }

  @Test
  void load_missingFile_failsWithIo() {
    assertFails(() -> InsecureKeyFileSeal.load(data), Reason.IO);
  }

  @Test
  void load_malformedFile_failsWithoutQuotingIt() throws Exception {
    String content = "coffer-insecure-seal/v1 cas-1 00 c2VjcmV0\n";
    Path file = data.resolve(InsecureKeyFileSeal.FILE_NAME);
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> InsecureKeyFileSeal.load(data))
        .isInstanceOf(SealException.class)
        .hasMessageNotContaining("c2VjcmV0")
        .extracting(e -> ((SealException) e).reason())
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void open_keyFileOfAnotherSeal_isWrongSeal() throws Exception {
    SealedDataKey sealed =
        InsecureKeyFileSeal.create(data, "cas-1", RANDOM).seal(DataKey.generate());
    InsecureKeyFileSeal otherSeal = InsecureKeyFileSeal.create(other, "cas-1", RANDOM);
    assertFails(() -> otherSeal.open(sealed), Reason.WRONG_SEAL);
  }

  @Test
  void open_sameSealIdButAnotherKey_doesNotOpen() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    SealedDataKey sealed = seal.seal(DataKey.generate());
    Path file = seal.file();
    String line = Files.readString(file, StandardCharsets.US_ASCII);
    String[] parts = line.strip().split(" ");
    byte[] otherKey = new byte[32];
    RANDOM.nextBytes(otherKey);
    String forged =
        String.join(
                " ",
                parts[0],
                parts[1],
                parts[2],
                java.util.Base64.getEncoder().encodeToString(otherKey))
            + "\n";
    Files.writeString(file, forged, StandardCharsets.US_ASCII);
    assertFails(() -> InsecureKeyFileSeal.load(data).open(sealed), Reason.DOES_NOT_OPEN);
  }

  @Test
  void open_tamperedWrappedKey_doesNotOpen() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    SealedDataKey sealed = seal.seal(DataKey.generate());
    byte[] wrapped = sealed.wrappedKey();
    for (int i = 0; i < wrapped.length; i++) {
      byte[] flipped = wrapped.clone();
      flipped[i] ^= 0x40;
      SealedDataKey tampered =
          new SealedDataKey(sealed.type(), sealed.sealId(), sealed.casId(), 0, List.of(), flipped);
      assertFails(() -> seal.open(tampered), Reason.DOES_NOT_OPEN);
    }
  }

  @Test
  void open_shamirSealedKey_isWrongSeal() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    SealedDataKey shamir = ShamirSeal.generate("cas-1", 2, 2, RANDOM).seal(DataKey.generate());
    assertFails(() -> seal.open(shamir), Reason.WRONG_SEAL);
  }

  @Test
  void open_anotherCasInstance_isWrongSeal() throws Exception {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    SealedDataKey sealed = seal.seal(DataKey.generate());
    SealedDataKey moved =
        new SealedDataKey(
            sealed.type(), sealed.sealId(), "cas-2", 0, List.of(), sealed.wrappedKey());
    assertFails(() -> seal.open(moved), Reason.WRONG_SEAL);
  }

  @Test
  void toString_doesNotShowTheKey() throws IOException, SealException {
    InsecureKeyFileSeal seal = InsecureKeyFileSeal.create(data, "cas-1", RANDOM);
    String key = Files.readString(seal.file()).strip().split(" ")[3];
    assertThat(seal.toString()).doesNotContain(key);
  }

  private static void assertFails(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(SealException.class)
        .extracting(e -> ((SealException) e).reason())
        .isEqualTo(reason);
  }
}
