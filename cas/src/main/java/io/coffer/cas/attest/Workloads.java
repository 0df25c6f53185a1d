package io.coffer.cas.attest;

import io.coffer.cas.service.Caller;
import io.coffer.cas.service.CasException;
import io.coffer.cas.vault.Reveals;
import io.coffer.cas.vault.VolumeTags;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** What the API offers workloads and the people policies name: admission, reveals, volume tags. */
public interface Workloads {

  /** See {@link Attestations#challenge}. */
  Challenge challenge(String policy, String service) throws CasException, AttestationRefused;

  /** See {@link Attestations#attest}. */
  Admission attest(AttestRequest request) throws CasException, AttestationRefused;

  /** The JWK Set of the keys that sign attestation result tokens. */
  String verificationKeys() throws CasException;

  /** See {@link Reveals#reveal}. */
  Reveals.Revealed reveal(Caller caller, String policy, String secret) throws CasException;

  /** See {@link VolumeUpdates#update}. */
  VolumeTags.Tag updateVolumeTag(
      Caller caller,
      X509Certificate certificate,
      String policy,
      String volume,
      Optional<String> expected,
      String newTag)
      throws CasException;
}
