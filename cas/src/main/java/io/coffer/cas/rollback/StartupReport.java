package io.coffer.cas.rollback;

import io.coffer.cas.witness.Cosigned;
import io.coffer.ledger.merkle.TreeHead;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a passed {@link StartupCheck} compared.
 *
 * @param storeHead the store's log head
 * @param sealedCheckpoint the sealed checkpoint file's tree head; empty on a fresh store
 * @param cosigned the witnesses' cosignatures of the head
 * @param witnessFailures why the other witnesses did not cosign (tolerated)
 */
public record StartupReport(
    TreeHead storeHead,
    Optional<TreeHead> sealedCheckpoint,
    List<Cosigned> cosigned,
    List<String> witnessFailures) {

  public StartupReport {
    Objects.requireNonNull(storeHead, "storeHead");
    Objects.requireNonNull(sealedCheckpoint, "sealedCheckpoint");
    cosigned = List.copyOf(cosigned);
    witnessFailures = List.copyOf(witnessFailures);
  }
}
