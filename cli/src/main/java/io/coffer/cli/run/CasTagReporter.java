package io.coffer.cli.run;

import io.coffer.cas.client.CasClientException;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.CommandException;
import io.coffer.fsshield.Tag;
import io.coffer.runtime.VolumeReportException;
import io.coffer.runtime.VolumeTagReporter;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports volume tags to the pinned CAS ({@code POST /v1/volumes/{policy}/{volume}/tag}) as the
 * admitted instance: the client presents the instance certificate the CAS issued at attestation. A
 * {@code stale-tag} problem (409) means another writer moved the tag first.
 *
 * <p>The instance's TLS client is made at the first report, not before the program starts: a
 * service without read-write volumes never needs it, and making it (a key store, a key manager, a
 * TLS context) is on the start-up path otherwise. A client that cannot be made fails the report
 * ({@link VolumeReportException.Reason#FAILED}), so the new version is kept beside the old.
 */
final class CasTagReporter implements VolumeTagReporter, AutoCloseable {

  /** The problem type slug of a compare-and-set that lost. */
  static final String STALE_TAG = "stale-tag";

  /** Connects to the pinned CAS as the instance. */
  @FunctionalInterface
  interface Connection {
    /**
     * @throws CommandException when the client cannot be made
     */
    RemoteCas connect();
  }

  private final Connection connection;
  private final String policy;
  private RemoteCas cas;

  /**
   * @param connection connects to the pinned CAS with the instance's client identity, once, at the
   *     first report
   * @param policy the policy the instance was admitted under
   */
  CasTagReporter(Connection connection, String policy) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Closes the instance's client, when one was made. */
  @Override
  public void close() {
    if (cas != null) {
      cas.close();
    }
  }

  @Override
  public void report(String volume, Optional<Tag> expectedOld, Tag next)
      throws VolumeReportException {
    Optional<CasClientException> failure =
        instance()
            .call(client -> {
              try {
                client.updateVolumeTag(policy, volume, expectedOld.map(Tag::hex), next.hex());
                return Optional.empty();
              } catch (CasClientException e) {
                return Optional.of(e);
              }
            });
    if (failure.isPresent()) {
      CasClientException e = failure.get();
      throw new VolumeReportException(
          e.slug().equals(STALE_TAG)
              ? VolumeReportException.Reason.STALE_TAG
              : VolumeReportException.Reason.FAILED,
          e.slug() + ": " + e.getMessage(),
          e);
    }
  }

  private RemoteCas instance() throws VolumeReportException {
    if (cas == null) {
      try {
        cas = connection.connect();
      } catch (CommandException e) {
        throw new VolumeReportException(
            VolumeReportException.Reason.FAILED,
            "cannot connect to the CAS as the instance: " + e.getMessage(),
            e);
      }
    }
    return cas;
  }
}
