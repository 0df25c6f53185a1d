package io.coffer.cas.attest;

import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.store.CasStore;
import io.coffer.policy.model.LocalName;
import io.coffer.policy.model.PolicyName;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records refused attempts in the ledger, each using up its nonce. */
final class Refusals {

  private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

  private final CasStore store;
  private final AttestationOutcomes outcomes;
  private final InstantSource clock;

  Refusals(CasStore store, AttestationOutcomes outcomes, InstantSource clock) {
    this.store = store;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /**
   * Records a refused attempt and uses up its nonce. A nonce used before turns the refusal into
   * {@code NONCE_REPLAYED}: the first use decided, and this attempt is a replay whatever else is
   * wrong with it.
   */
  void record(
      String policy,
      String service,
      Optional<Nonces.Checked> nonce,
      AttestRequest request,
      AttestationRefused refusal)
      throws CasException, AttestationRefused {
    if (PolicyName.problem(policy) != null || !LocalName.isValid(service)) {
      return;
    }
    Optional<String> keyHash = Optional.empty();
    try {
      keyHash = Optional.of(WorkloadKey.parse(request.publicKey()).sha256Hex());
    } catch (AttestationRefused e) {
      // An unusable key is recorded without its hash.
    }
    Instant now = clock.instant();
    Optional<String> evidenceType = Optional.of(request.evidenceType().cliName());
    AttestationFailed failed =
        new AttestationFailed(
            now, policy, service, dedupe(refusal.reasons()), evidenceType, keyHash);
    byte[] failedEntry = EventCodec.encode(failed);
    try {
      store.write(tx -> {
        if (nonce.isPresent()) {
          tx.useNonce(nonce.get().id(), nonce.get().expiresAt());
        }
        tx.appendEvent(failedEntry);
        return null;
      });
    } catch (CasException e) {
      if (e.type() != Type.ALREADY_EXISTS || nonce.isEmpty()) {
        throw e;
      }
      AttestationRefused replay =
          new AttestationRefused(
              Reason.NONCE_REPLAYED, "the nonce was used before; ask for a new challenge");
      AttestationFailed replayed =
          new AttestationFailed(now, policy, service, replay.reasons(), evidenceType, keyHash);
      byte[] replayedEntry = EventCodec.encode(replayed);
      store.write(tx -> tx.appendEvent(replayedEntry));
      outcomes.refused(replay.reasons());
      throw replay;
    }
    outcomes.refused(failed.reasons());
    LOG.atInfo()
        .addKeyValue("policy", policy)
        .addKeyValue("service", service)
        .addKeyValue("reasons", refusal.reasons())
        .log("refused a workload");
  }

  private static List<Reason> dedupe(List<Reason> reasons) {
    Set<Reason> unique = new LinkedHashSet<>(reasons);
    return new ArrayList<>(unique);
  }
}
