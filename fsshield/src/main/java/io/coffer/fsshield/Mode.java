package io.coffer.fsshield;

import java.util.Locale;

/** How a tree's files are protected. The manifest is encrypted and authenticated in both. */
public enum Mode {
  /** Each file is encrypted and authenticated with a streaming AEAD under a key of its own. */
  ENCRYPTED,
  /**
   * Each file is stored as it is, its segments authenticated by the manifest's digests: for code
   * and data that need integrity but not confidentiality.
   */
  AUTHENTICATED;

  /** The name used on the command line and in the manifest. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode of a command-line or manifest name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Mode fromCliName(String name) {
    for (Mode m : values()) {
      if (m.cliName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + name + "': use encrypted or authenticated");
  }
}
