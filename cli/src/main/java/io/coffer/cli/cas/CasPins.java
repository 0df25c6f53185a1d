package io.coffer.cli.cas;

import io.coffer.cas.identity.CasPin;
import io.coffer.cas.identity.CasVerificationException;
import io.coffer.cli.command.CofferHome;
import io.coffer.cli.command.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * The CASes this user pinned with {@code coffer cas attest}: one file {@code cas/<NAME>.json} in
 * the Coffer home each ({@link CasPin}'s JSON).
 *
 * <p>Security guarantees: a pin file is written to a temporary file created mode 0600 in the same
 * directory, synced, then linked under its name (which fails rather than replace a pin) or, when
 * replacing is asked for, renamed over it atomically: a reader sees a whole pin or the old one. The
 * directories created are mode 0700. Names are checked by {@link CasPin#requireName}, so a name
 * never leaves the directory.
 *
 * <p>Not protected against: someone who can write the Coffer home; whoever can replace a pin
 * decides which server the commands trust.
 */
public final class CasPins {

  private static final String DIRECTORY = "cas";

  private final CofferHome home;

  public CasPins(CofferHome home) {
    this.home = Objects.requireNonNull(home, "home");
  }

  /**
   * The pin file of {@code name}.
   *
   * @throws CommandException a usage error for a name that cannot be a pin's
   */
  public Path file(String name) {
    try {
      CasPin.requireName(name);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--cas " + name + ": " + e.getMessage());
    }
    return home.directory().resolve(DIRECTORY).resolve(name + ".json");
  }

  /** Whether a CAS is pinned as {@code name}. */
  public boolean exists(String name) {
    return Files.exists(file(name), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The CAS pinned as {@code name}.
   *
   * @throws CommandException a usage error when none is (run {@code coffer cas attest}); unreadable
   *     input for a pin file that cannot be read or is malformed
   */
  public CasPin load(String name) {
    Path file = file(name);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(CasPin.MAX_JSON_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw CommandException.usage(
          "no CAS is pinned as "
              + name
              + " ("
              + file
              + "): run coffer cas attest --url URL --name "
              + name
              + " first");
    } catch (IOException e) {
      throw CommandException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
    CasPin pin;
    try {
      pin = CasPin.decode(bytes);
    } catch (CasVerificationException e) {
      throw CommandException.badInput(file + ": " + e.getMessage(), e);
    }
    if (!pin.name().equals(name)) {
      throw CommandException.badInput(
          file + ": the pin is named " + pin.name() + ", not " + name, null);
    }
    return pin;
  }

  /**
   * Writes {@code pin} under its name.
   *
   * @param replace whether an existing pin of that name may be replaced
   * @throws CommandException a usage error when a pin exists and {@code replace} is false
   */
  public void save(CasPin pin, boolean replace) {
    Path target = file(pin.name());
    Path tmp = null;
    try {
      CofferHome.createPrivateDirectories(target);
      Path dir = target.getParent();
      tmp =
          dir.getFileSystem().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  dir,
                  "." + pin.name(),
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, "." + pin.name(), ".tmp");
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(pin.encode());
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      if (replace) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // A hard link never replaces an existing file, unlike a rename.
        Files.createLink(target, tmp);
      }
    } catch (FileAlreadyExistsException e) {
      throw refuseOverwrite(pin.name());
    } catch (IOException | UnsupportedOperationException e) {
      throw CommandException.badInput(target + ": cannot write the pin: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The pin is in place or the write failed already; a stray temporary file is harmless.
        }
      }
    }
  }

  /** The refusal to replace the pin of {@code name} without {@code --replace}. */
  static CommandException refuseOverwrite(String name) {
    return CommandException.usage(
        "a CAS is pinned as " + name + " already: pass --replace to replace its pin");
  }
}
