package io.coffer.cas.seal;

import java.util.Optional;

/** How the data key is wrapped, as {@code coffer cas serve --seal} names it. */
public enum SealType {
  /** The key-encryption key in a file of the data directory: development and simulation only. */
  KEY_FILE("key-file", 1),
  /** The key-encryption key split into Shamir shares held by stakeholders. */
  SHAMIR("shamir", 2);

  private final String cliName;
  private final int code;

  SealType(String cliName, int code) {
    this.cliName = cliName;
    this.code = code;
  }

  /** The name on the command line and in messages. */
  public String cliName() {
    return cliName;
  }

  /** The byte that stands for this type in a {@link SealedDataKey}. */
  int code() {
    return code;
  }

  /** The type {@code --seal} names, exactly. */
  public static Optional<SealType> fromCliName(String name) {
    for (SealType t : values()) {
      if (t.cliName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static Optional<SealType> fromCode(int code) {
    for (SealType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return cliName;
  }
}
