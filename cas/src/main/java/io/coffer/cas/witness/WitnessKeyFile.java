package io.coffer.cas.witness;

import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.note.NoteException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The witness's Ed25519 cosigning key in its data directory: {@value #FILE_NAME}, created on first
 * start with permissions {@code 0600}, three lines:
 *
 * <pre>
 * coffer-witness-key v1
 * name &lt;key name&gt;
 * seed &lt;base64 of the 32-byte Ed25519 seed&gt;
 * </pre>
 *
 * <p>Security guarantees: the file is created atomically (written to a temporary file, flushed,
 * then linked into place without replacing an existing key) and never overwritten; on POSIX file
 * systems a key file readable by anyone but its owner, or a symbolic link, is refused. Messages
 * never quote the file's content.
 *
 * <p>Not protected against: whoever can read the file as its owner (root, backups) can cosign in
 * the witness's name.
 */
public final class WitnessKeyFile {

  /** The key file's name in the data directory. */
  public static final String FILE_NAME = "witness.key";

  private static final String HEADER = "coffer-witness-key v1";
  private static final int MAX_FILE_BYTES = 4096;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private WitnessKeyFile() {}

  /**
   * Loads the key in {@code dir}, or creates one named {@code name} if there is none.
   *
   * @param name the key name for a new key; if given and a key exists, it must have this name
   * @throws WitnessKeyException if the file is unreadable, malformed, too widely readable, or has
   *     another name than {@code name}; or no key exists and no name was given
   */
  public static CosignatureSigner loadOrCreate(
      Path dir, Optional<String> name, SecureRandom random, Clock clock)
      throws WitnessKeyException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      String newName =
          name.orElseThrow(() ->
              new WitnessKeyException(FILE_NAME + " does not exist; give a name for a new key"));
      create(dir, file, newName, Ed25519Seed.generate(random));
    }
    CosignatureSigner signer = load(file, clock);
    if (name.isPresent() && !name.get().equals(signer.keyName())) {
      throw new WitnessKeyException(
          FILE_NAME
              + " holds the key named \""
              + signer.keyName()
              + "\", not \""
              + name.get()
              + "\"; a witness keeps its name for life");
    }
    return signer;
  }

  private static void create(Path dir, Path file, String name, Ed25519Seed seed)
      throws WitnessKeyException {
    try {
      // Fail now, not after writing, if the name is no valid key name.
      CosignatureSigner.of(name, seed, Clock.systemUTC());
    } catch (NoteException e) {
      throw new WitnessKeyException("cannot create the witness key: " + e.getMessage(), e);
    }
    byte[] secret = seed.revealBytes();
    byte[] content =
        (HEADER + "\nname " + name + "\nseed " + Base64.getEncoder().encodeToString(secret) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    Arrays.fill(secret, (byte) 0);
    Path temp = null;
    try {
      boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
      temp =
          posix
              ? Files.createTempFile(
                  dir, ".witness", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : Files.createTempFile(dir, ".witness", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      // A hard link never replaces an existing file: of two processes creating a key, one wins.
      Files.createLink(file, temp);
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      }
    } catch (FileAlreadyExistsException e) {
      // Another process created the key first; load that one.
    } catch (IOException e) {
      throw new WitnessKeyException("cannot create " + FILE_NAME + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(content, (byte) 0);
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // A temporary file left behind holds a key that was never used.
        }
      }
    }
  }

  private static CosignatureSigner load(Path file, Clock clock) throws WitnessKeyException {
    byte[] content = null;
    try {
      if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new WitnessKeyException(FILE_NAME + " is not a regular file");
      }
      PosixFileAttributeView posix =
          Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (posix != null && !OWNER_ONLY.containsAll(posix.readAttributes().permissions())) {
        throw new WitnessKeyException(
            FILE_NAME + " may be read by others than its owner; make it 0600");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new WitnessKeyException(FILE_NAME + " is too large to be a witness key");
      }
      content = Files.readAllBytes(file);
      return parse(new String(content, StandardCharsets.UTF_8), clock);
    } catch (IOException e) {
      throw new WitnessKeyException("cannot read " + FILE_NAME + ": " + e.getMessage(), e);
    } finally {
      if (content != null) {
        Arrays.fill(content, (byte) 0);
      }
    }
  }

  private static CosignatureSigner parse(String text, Clock clock) throws WitnessKeyException {
    String[] lines = text.split("\n", -1);
    if (lines.length != 4 || !lines[3].isEmpty() || !lines[0].equals(HEADER)) {
      throw malformed("expected three lines: \"" + HEADER + "\", name, seed");
    }
    if (!lines[1].startsWith("name ")) {
      throw malformed("line 2: expected \"name <key name>\"");
    }
    if (!lines[2].startsWith("seed ")) {
      throw malformed("line 3: expected \"seed <base64>\"");
    }
    byte[] seed;
    try {
      seed = Base64.getDecoder().decode(lines[2].substring(5));
    } catch (IllegalArgumentException e) {
      throw malformed("line 3: the seed is not base64");
    }
    try {
      if (seed.length != Ed25519Seed.SIZE_BYTES) {
        throw malformed("line 3: the seed is not 32 bytes");
      }
      return CosignatureSigner.of(lines[1].substring(5), Ed25519Seed.of(seed), clock);
    } catch (NoteException e) {
      throw malformed("line 2: " + e.getMessage());
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static WitnessKeyException malformed(String detail) {
    return new WitnessKeyException(FILE_NAME + ": " + detail);
  }
}
