package io.coffer.runtime;

import io.coffer.fsshield.Tag;
import java.util.Optional;

/**
 * Reports a volume's new tag to the CAS by compare-and-set, as an admitted instance of the service
 * (its certificate authenticates the call). The runtime makes a new sealed version current only
 * when this returns.
 */
@FunctionalInterface
public interface VolumeTagReporter {

  /**
   * Moves the tag of {@code volume} (named as the service's policy names it) from {@code
   * expectedOld} (empty: never written) to {@code next}.
   *
   * @throws VolumeReportException {@link VolumeReportException.Reason#STALE_TAG} when the current
   *     tag is not {@code expectedOld}; {@link VolumeReportException.Reason#FAILED} otherwise
   */
  void report(String volume, Optional<Tag> expectedOld, Tag next) throws VolumeReportException;
}
