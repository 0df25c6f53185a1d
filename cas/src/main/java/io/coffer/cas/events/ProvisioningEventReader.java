package io.coffer.cas.events;

import io.coffer.cas.events.EventFormatException.Reason;
import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the members of the attestation, secret and volume events, as strictly as {@link
 * EventReader} reads the others: every member of its JSON type, every value checked by its record.
 */
final class ProvisioningEventReader {

  private ProvisioningEventReader() {}

  static AttestationSucceeded attestationSucceeded(EventReader r, Instant time)
      throws EventFormatException {
    String policy = r.text("policy");
    String policyHash = r.text("policy_hash");
    String service = r.text("service");
    String evidenceType = r.text("evidence_type");
    Map<String, String> measurements =
        r.textMap("measurements", AttestationSucceeded.MAX_MEASUREMENTS);
    String tcbStatus = r.text("tcb_status");
    List<String> advisories = r.texts("advisories", AttestationSucceeded.MAX_ADVISORIES);
    for (int i = 1; i < advisories.size(); i++) {
      // The record sorts them; an entry in another order would not be the one encoding.
      if (advisories.get(i - 1).compareTo(advisories.get(i)) >= 0) {
        throw new EventFormatException(
            Reason.INVALID_FIELD, "member advisories[" + i + "]: not ascending, each once");
      }
    }
    boolean simulated = r.bool("simulated");
    boolean debug = r.bool("debug");
    String publicKey = r.text("public_key");
    String serial = r.text("certificate_serial");
    return r.make(() ->
        new AttestationSucceeded(
            time,
            policy,
            policyHash,
            service,
            evidenceType,
            measurements,
            tcbStatus,
            advisories,
            simulated,
            debug,
            publicKey,
            serial));
  }

  static AttestationFailed attestationFailed(EventReader r, Instant time)
      throws EventFormatException {
    String policy = r.text("policy");
    String service = r.text("service");
    List<String> codes = r.texts("reasons", AttestationFailed.MAX_REASONS);
    List<AttestationFailed.Reason> reasons = new ArrayList<>(codes.size());
    for (int i = 0; i < codes.size(); i++) {
      int at = i;
      reasons.add(
          AttestationFailed.Reason.ofCode(codes.get(i))
              .orElseThrow(() ->
                  new EventFormatException(
                      Reason.INVALID_FIELD, "member reasons[" + at + "]: unknown reason")));
    }
    Optional<String> evidenceType = r.optionalText("evidence_type");
    Optional<String> publicKey = r.optionalText("public_key");
    return r.make(
        () -> new AttestationFailed(time, policy, service, reasons, evidenceType, publicKey));
  }

  static SecretReleased secretReleased(EventReader r, Instant time) throws EventFormatException {
    String policy = r.text("policy");
    Optional<String> service = r.optionalText("service");
    Optional<Identity> revealedTo =
        r.has("revealed_to") ? Optional.of(r.identity("revealed_to")) : Optional.empty();
    List<SecretReleased.Released> secrets = new ArrayList<>();
    for (EventReader s : r.objects("secrets", SecretReleased.MAX_SECRETS)) {
      String name = s.text("name");
      Optional<String> fromPolicy = s.optionalText("from_policy");
      Optional<String> fromSecret = s.optionalText("from_secret");
      s.finish();
      secrets.add(s.make(() -> new SecretReleased.Released(name, fromPolicy, fromSecret)));
    }
    Optional<String> serial = r.optionalText("certificate_serial");
    return r.make(() -> new SecretReleased(time, policy, service, revealedTo, secrets, serial));
  }

  static VolumeTagUpdated volumeTagUpdated(EventReader r, Instant time)
      throws EventFormatException {
    String policy = r.text("policy");
    String volume = r.text("volume");
    String service = r.text("service");
    Optional<String> oldTag = r.optionalText("old_tag");
    String newTag = r.text("new_tag");
    long generation = r.integer("generation");
    String serial = r.text("certificate_serial");
    return r.make(() ->
        new VolumeTagUpdated(time, policy, volume, service, oldTag, newTag, generation, serial));
  }
}
