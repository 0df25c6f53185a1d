package io.coffer.cas.server;

import java.util.Locale;
import java.util.Optional;

/** Where the CAS keeps its state. */
public enum StoreKind {
  /** An embedded SQLite database in the data directory ({@value #SQLITE_FILE}). */
  SQLITE,
  /** A PostgreSQL database, possibly shared by several CAS processes. */
  POSTGRES;

  /** The SQLite database's file name in the data directory. */
  public static final String SQLITE_FILE = "cas.db";

  /** The name on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code name} on the command line. */
  public static Optional<StoreKind> fromCliName(String name) {
    for (StoreKind k : values()) {
      if (k.cliName().equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
