package io.coffer.bench.cas;

import io.coffer.cas.client.CasClientException;

/**
 * The request one client repeats, on its own connection. Not for concurrent use: each client has
 * its own.
 */
interface ClientOperation {

  /** One request, timed: returns when the CAS answered as expected, throws otherwise. */
  void call() throws CasClientException, OperationException;

  /**
   * Work between two requests, not timed: prepare the next request (sign the next approval), or
   * find the state again after a failure.
   *
   * @param lastSucceeded whether the last {@link #call} returned normally
   */
  void between(boolean lastSucceeded) throws CasClientException, OperationException;
}
