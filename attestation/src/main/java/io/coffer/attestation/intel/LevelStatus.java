package io.coffer.attestation.intel;

import io.coffer.attestation.TcbStatus;

/** The status of a TCB level as Intel's collateral writes it, including {@code Revoked}. */
enum LevelStatus {
  UP_TO_DATE("UpToDate"),
  SW_HARDENING_NEEDED("SWHardeningNeeded"),
  CONFIGURATION_NEEDED("ConfigurationNeeded"),
  CONFIGURATION_AND_SW_HARDENING_NEEDED("ConfigurationAndSWHardeningNeeded"),
  OUT_OF_DATE("OutOfDate"),
  OUT_OF_DATE_CONFIGURATION_NEEDED("OutOfDateConfigurationNeeded"),
  REVOKED("Revoked");

  private final String text;

  LevelStatus(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** The status named {@code text}, or null if Intel defines no such status. */
  static LevelStatus of(String text) {
    for (LevelStatus s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    return null;
  }

  boolean needsConfiguration() {
    return this == CONFIGURATION_NEEDED
        || this == CONFIGURATION_AND_SW_HARDENING_NEEDED
        || this == OUT_OF_DATE_CONFIGURATION_NEEDED;
  }

  /** The reported status; {@code Revoked} has none (it is a failure). */
  TcbStatus reported() {
    return switch (this) {
      case UP_TO_DATE -> TcbStatus.UP_TO_DATE;
      case SW_HARDENING_NEEDED -> TcbStatus.SW_HARDENING_NEEDED;
      case CONFIGURATION_NEEDED -> TcbStatus.CONFIGURATION_NEEDED;
      case CONFIGURATION_AND_SW_HARDENING_NEEDED -> TcbStatus.CONFIGURATION_AND_SW_HARDENING_NEEDED;
      case OUT_OF_DATE -> TcbStatus.OUT_OF_DATE;
      case OUT_OF_DATE_CONFIGURATION_NEEDED -> TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED;
      case REVOKED -> throw new IllegalStateException("Revoked is not a reported status");
    };
  }
}
