package io.coffer.cli.identity;

import io.coffer.policy.governance.Identity;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The key types {@code coffer identity create --type} offers. */
enum KeyTypeChoice {
  /** Ed25519 (RFC 8032): small, fast, deterministic signatures. The default. */
  ED25519("ed25519", Identity.Type.ED25519),
  /** ECDSA on NIST P-256, for environments that require NIST curves (and for FIPS tokens). */
  P256("p256", Identity.Type.P256);

  private final String cliName;
  private final Identity.Type type;

  KeyTypeChoice(String cliName, Identity.Type type) {
    this.cliName = cliName;
    this.type = type;
  }

  /** The identity type of keys of this choice. */
  Identity.Type type() {
    return type;
  }

  /** Reads {@code --type}. */
  static final class Converter implements ITypeConverter<KeyTypeChoice> {
    @Override
    public KeyTypeChoice convert(String value) {
      for (KeyTypeChoice c : values()) {
        if (c.cliName.equals(value)) {
          return c;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not one of " + String.join(", ", new Names()));
    }
  }

  /** The names, for {@code --help} and messages. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(c -> c.cliName).iterator();
    }
  }
}
