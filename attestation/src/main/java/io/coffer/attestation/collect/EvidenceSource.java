package io.coffer.attestation.collect;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;

/**
 * Where a workload gets evidence about itself: the TEE's kernel interface, or the simulator.
 *
 * <p>Implementations are used from one thread at a time per instance.
 */
public interface EvidenceSource {

  /** A short name ({@code configfs-tsm}, {@code gramine}, {@code simulation}). */
  String name();

  /** Whether this source can work on this machine (its interface exists). */
  boolean available();

  /**
   * Evidence that binds {@code reportData} (64 bytes).
   *
   * @throws AttestationException if the TEE refuses or the interface misbehaves
   */
  Evidence collect(byte[] reportData) throws AttestationException;
}
