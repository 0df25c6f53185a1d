package io.coffer.cli.identity;

import io.coffer.cli.command.CommandException;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of an identity directory: {@code key.pem}, {@code identity.txt}, {@code cert.pem}.
 *
 * <p>New files are written to a temporary file created with their final mode, synced, then linked
 * under their name, which fails rather than replace a file that exists: a reader sees the whole
 * file or none, and {@code key.pem} is never readable by others.
 */
public final class IdentityDirectory {

  static final String KEY_FILE = "key.pem";
  static final String IDENTITY_FILE = "identity.txt";
  static final String CERTIFICATE_FILE = "cert.pem";

  /** An identity string is at most a few hundred bytes; a certificate a few KiB. */
  private static final int MAX_IDENTITY_FILE_BYTES = 1024;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> PUBLIC =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private final Path dir;

  public IdentityDirectory(Path dir) {
    this.dir = dir;
  }

  Path keyFile() {
    return dir.resolve(KEY_FILE);
  }

  Path identityFile() {
    return dir.resolve(IDENTITY_FILE);
  }

  Path certificateFile() {
    return dir.resolve(CERTIFICATE_FILE);
  }

  /**
   * Writes a new identity: the key (mode 0600), the certificate and the identity string.
   *
   * @throws CommandException a usage error when any of the three files exists; unavailable when the
   *     file system cannot keep the key private
   */
  void create(IdentityKey key, ClientCertificate certificate) {
    prepareDirectory();
    for (Path file : List.of(keyFile(), certificateFile(), identityFile())) {
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw refuseOverwrite(file);
      }
    }
    writeNew(keyFile(), key.toPem(), OWNER_ONLY);
    writeNew(certificateFile(), certificate.toPem(), PUBLIC);
    writeNew(identityFile(), key.identity() + "\n", PUBLIC);
  }

  private void prepareDirectory() {
    try {
      if (!Files.exists(dir)) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          throw notPrivate();
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
      } else if (!Files.isDirectory(dir)) {
        throw CommandException.usage("--out " + dir + ": not a directory");
      }
    } catch (FileAlreadyExistsException raced) {
      // Created meanwhile by someone else: used as it is, like any existing directory.
    } catch (IOException e) {
      throw CommandException.badInput("--out " + dir + ": cannot create: " + e.getMessage(), e);
    }
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      throw notPrivate();
    }
  }

  private CommandException notPrivate() {
    return CommandException.unavailable(
        dir + ": the file system has no POSIX permissions, so a key file cannot be kept private");
  }

  private static CommandException refuseOverwrite(Path file) {
    return CommandException.usage(
        file + " already exists: refusing to overwrite an identity (choose another --out)");
  }

  private void writeNew(Path target, String content, Set<PosixFilePermission> mode) {
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              dir, "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(mode));
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      // A hard link never replaces an existing file, unlike a rename.
      Files.createLink(target, tmp);
    } catch (FileAlreadyExistsException e) {
      throw refuseOverwrite(target);
    } catch (IOException | UnsupportedOperationException e) {
      throw CommandException.badInput(target + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The link is in place or the write failed already; a stray temporary file is harmless.
        }
      }
    }
  }

  /**
   * The key in {@code key.pem}.
   *
   * @throws CommandException for a missing, unreadable or malformed key file (exit 2)
   */
  public IdentityKey readKey() {
    String pem = read(keyFile(), IdentityKey.MAX_PEM_CHARS);
    try {
      return IdentityKey.fromPem(pem);
    } catch (GovernanceException e) {
      throw CommandException.badInput(keyFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The identity recorded in {@code identity.txt} (one line), if the file exists.
   *
   * @throws CommandException for an unreadable file or a malformed identity (exit 2)
   */
  Optional<Identity> readRecordedIdentity() {
    if (!Files.exists(identityFile())) {
      return Optional.empty();
    }
    String text = read(identityFile(), MAX_IDENTITY_FILE_BYTES);
    String line = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    try {
      return Optional.of(Identity.parse(line));
    } catch (GovernanceException e) {
      throw CommandException.badInput(identityFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The certificate in {@code cert.pem}, if the file exists.
   *
   * @throws CommandException for an unreadable or malformed certificate (exit 2)
   */
  public Optional<ClientCertificate> readCertificate() {
    if (!Files.exists(certificateFile())) {
      return Optional.empty();
    }
    String pem = read(certificateFile(), 2 * ClientCertificate.MAX_DER_BYTES);
    try {
      return Optional.of(ClientCertificate.fromPem(pem));
    } catch (GovernanceException e) {
      throw CommandException.badInput(certificateFile() + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file, int maxBytes) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw CommandException.badInput(file + ": larger than " + maxBytes + " bytes", null);
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw CommandException.badInput(file + ": no such file", e);
    } catch (IOException e) {
      throw CommandException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
