package io.coffer.cli.cas;

import io.coffer.cli.command.CofferHome;
import java.time.Clock;
import java.util.Objects;

/**
 * What the commands that talk to a CAS take from their environment: the Coffer home (where pins are
 * kept) and the clock that is "now" when evidence is verified.
 *
 * @param home the Coffer home
 * @param clock the clock
 */
public record CasContext(CofferHome home, Clock clock) {

  public CasContext {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(clock, "clock");
  }

  /** The home of this process ({@code $COFFER_HOME}) and the system clock. */
  public static CasContext system() {
    return new CasContext(CofferHome.locate(), Clock.systemUTC());
  }

  /** The pins kept in the home. */
  public CasPins pins() {
    return new CasPins(home);
  }
}
