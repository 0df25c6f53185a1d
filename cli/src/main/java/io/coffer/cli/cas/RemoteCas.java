package io.coffer.cli.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.identity.CasPin;
import io.coffer.cli.command.CommandException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * A pinned CAS and a client that talks only to it: every TLS connection must present the pinned key
 * ({@link CasClient#pinned}), so nothing is sent to another server.
 */
public final class RemoteCas {

  /** One call to the CAS. */
  @FunctionalInterface
  public interface Call<T> {
    T on(CasClient client) throws CasClientException;
  }

  private final CasPin pin;
  private final CasClient client;

  private RemoteCas(CasPin pin, CasClient client) {
    this.pin = pin;
    this.client = client;
  }

  /**
   * The CAS pinned as {@code name} in the context's home, authenticating as {@code identity} when
   * given.
   *
   * @throws CommandException a usage error when no CAS is pinned as {@code name}
   */
  public static RemoteCas connect(
      CasContext context, String name, Optional<ClientIdentity> identity) {
    CasPin pin = context.pins().load(name);
    try {
      return new RemoteCas(pin, CasClient.pinned(pin.url(), pin.tlsPublicKey(), identity));
    } catch (GeneralSecurityException e) {
      throw CommandException.badInput(
          "cannot make a TLS client with this identity: " + e.getMessage(), e);
    }
  }

  /** The pin. */
  public CasPin pin() {
    return pin;
  }

  /**
   * Makes {@code call}.
   *
   * @throws CommandException the CAS's refusal or the failure to reach it ({@link ServerProblems})
   */
  public <T> T call(Call<T> call) {
    Objects.requireNonNull(call, "call");
    try {
      return call.on(client);
    } catch (CasClientException e) {
      throw ServerProblems.of(pin.name(), e);
    }
  }
}
