package io.coffer.cli.run;

import io.coffer.cas.client.CasClientException;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.fsshield.Tag;
import io.coffer.runtime.VolumeReportException;
import io.coffer.runtime.VolumeTagReporter;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports volume tags to the pinned CAS ({@code POST /v1/volumes/{policy}/{volume}/tag}) as the
 * admitted instance: the client presents the instance certificate the CAS issued at attestation. A
 * {@code stale-tag} problem (409) means another writer moved the tag first.
 */
final class CasTagReporter implements VolumeTagReporter {

  /** The problem type slug of a compare-and-set that lost. */
  static final String STALE_TAG = "stale-tag";

  private final RemoteCas cas;
  private final String policy;

  /**
   * @param cas the pinned CAS, with the instance's client identity
   * @param policy the policy the instance was admitted under
   */
  CasTagReporter(RemoteCas cas, String policy) {
    this.cas = Objects.requireNonNull(cas, "cas");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public void report(String volume, Optional<Tag> expectedOld, Tag next)
      throws VolumeReportException {
    Optional<CasClientException> failure =
        cas.call(client -> {
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
}
