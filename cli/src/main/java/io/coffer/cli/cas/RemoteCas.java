package io.coffer.cli.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.identity.CasPin;
import io.coffer.cli.command.CommandException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * A pinned CAS and a client that talks only to it: every TLS connection must present the pinned key
 * ({@link CasClient#pinned}), so nothing is sent to another server.
 */
public final class RemoteCas implements AutoCloseable {

  /** One call to the CAS. */
  @FunctionalInterface
  public interface Call<T> {
    T on(CasClient client) throws CasClientException;
  }

  private final String name;
  private final CasPin pin;
  private final CasClient client;

  private RemoteCas(String name, CasPin pin, CasClient client) {
    this.name = name;
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
      return new RemoteCas(
          pin.name(), pin, CasClient.pinned(pin.url(), pin.tlsPublicKey(), identity));
    } catch (GeneralSecurityException e) {
      throw CommandException.badInput(
          "cannot make a TLS client with this identity: " + e.getMessage(), e);
    }
  }

  /**
   * The CAS at {@code url} whose TLS key has the SHA-256 fingerprint {@code sha256}, with no stored
   * pin, authenticating as {@code identity} when given.
   */
  public static RemoteCas fingerprinted(URI url, byte[] sha256, Optional<ClientIdentity> identity) {
    try {
      CasPin.requireUrl(url);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--cas-url: " + e.getMessage());
    }
    try {
      return new RemoteCas(url.toString(), null, CasClient.pinnedBySha256(url, sha256, identity));
    } catch (GeneralSecurityException e) {
      throw CommandException.badInput(
          "cannot make a TLS client with this identity: " + e.getMessage(), e);
    }
  }

  /**
   * The pin.
   *
   * @throws IllegalStateException for a CAS given by address and fingerprint
   */
  public CasPin pin() {
    if (pin == null) {
      throw new IllegalStateException("a CAS given by its fingerprint has no stored pin");
    }
    return pin;
  }

  /** Closes the client's connections and threads. */
  @Override
  public void close() {
    client.close();
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
      throw ServerProblems.of(name, e);
    }
  }
}
