package io.coffer.attestation;

/**
 * The trusted computing base status that verified evidence was found to have. The status is
 * reported, not judged: every value here comes with successfully verified evidence; a revoked TCB
 * or one that matches no known level is a verification failure instead.
 *
 * <p>Names are Intel's (PCS TCB info and the Quote Verification Library's final status).
 */
public enum TcbStatus {
  /** Fully up to date. */
  UP_TO_DATE("UpToDate"),
  /** Up to date, but the platform needs software hardening against advisories. */
  SW_HARDENING_NEEDED("SWHardeningNeeded"),
  /** Up to date, but the platform configuration needs changes. */
  CONFIGURATION_NEEDED("ConfigurationNeeded"),
  /** Both of the above. */
  CONFIGURATION_AND_SW_HARDENING_NEEDED("ConfigurationAndSWHardeningNeeded"),
  /** The platform's TCB is out of date. */
  OUT_OF_DATE("OutOfDate"),
  /** Out of date, and the configuration needs changes. */
  OUT_OF_DATE_CONFIGURATION_NEEDED("OutOfDateConfigurationNeeded"),
  /** A TDX trust domain runs on an updated TDX module only after a relaunch (Intel TDX). */
  TD_RELAUNCH_ADVISED("TDRelaunchAdvised"),
  /** As above, and the configuration needs changes. */
  TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED("TDRelaunchAdvisedConfigurationNeeded"),
  /** Not evaluated: signatures and chains only ({@code --signature-only}), or no TCB collateral. */
  UNKNOWN("Unknown");

  private final String text;

  TcbStatus(String text) {
    this.text = text;
  }

  /** The status as Intel writes it ({@code UpToDate}, {@code OutOfDate}, ...). */
  public String text() {
    return text;
  }

  /**
   * The status Intel's collateral names {@code text}; {@code Revoked} is not a status (it is a
   * failure) and is not accepted here.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static TcbStatus fromText(String text) {
    for (TcbStatus s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown TCB status '" + text + "'");
  }

  @Override
  public String toString() {
    return text;
  }
}
