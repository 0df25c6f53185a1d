package io.coffer.cas.service;

import java.util.Optional;

/**
 * The policies as the CAS's own machinery sees them, with no caller and no read rule: for admitting
 * workloads and releasing what their policies say. Never exposed to a caller as such.
 */
public interface PolicyDirectory {

  /** The current version of {@code name}; empty when there is no such policy. */
  Optional<ActivePolicy> current(String name) throws CasException;

  /** Version {@code version} of {@code name}; empty when there is none. */
  Optional<ActivePolicy> version(String name, int version) throws CasException;
}
