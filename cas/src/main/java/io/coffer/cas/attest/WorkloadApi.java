package io.coffer.cas.attest;

import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.vault.Reveals;
import io.coffer.cas.vault.VolumeTags;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link Workloads} over the CAS's admission, reveals and volume updates. */
public final class WorkloadApi implements Workloads {

  private final Attestations attestations;
  private final Reveals reveals;
  private final VolumeUpdates volumes;
  private final Supplier<String> verificationKeys;

  public WorkloadApi(
      Attestations attestations,
      Reveals reveals,
      VolumeUpdates volumes,
      Supplier<String> verificationKeys) {
    this.attestations = Objects.requireNonNull(attestations, "attestations");
    this.reveals = Objects.requireNonNull(reveals, "reveals");
    this.volumes = Objects.requireNonNull(volumes, "volumes");
    this.verificationKeys = Objects.requireNonNull(verificationKeys, "verificationKeys");
  }

  @Override
  public Challenge challenge(String policy, String service)
      throws CasException, AttestationRefused {
    return attestations.challenge(policy, service);
  }

  @Override
  public Admission attest(AttestRequest request) throws CasException, AttestationRefused {
    return attestations.attest(request);
  }

  @Override
  public String verificationKeys() {
    return verificationKeys.get();
  }

  @Override
  public Reveals.Revealed reveal(Caller caller, String policy, String secret) throws CasException {
    return reveals.reveal(caller, policy, secret);
  }

  @Override
  public VolumeTags.Tag updateVolumeTag(
      Caller caller,
      X509Certificate certificate,
      String policy,
      String volume,
      Optional<String> expected,
      String newTag)
      throws CasException {
    return volumes.update(caller, certificate, policy, volume, expected, newTag);
  }
}
