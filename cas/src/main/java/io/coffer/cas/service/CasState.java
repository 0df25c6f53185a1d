package io.coffer.cas.service;

/** The lifecycle of a CAS process; every operation checks it. */
public enum CasState {
  /** The data key is not available: only status, health and unsealing are served. */
  SEALED,
  /** Serving every operation. */
  SERVING,
  /** Shutting down: new operations are refused. */
  STOPPING
}
