package io.coffer.cas.service;

/**
 * How far unsealing a Shamir seal has come.
 *
 * @param received distinct valid shares received since the CAS started (or since the last failed
 *     attempt)
 * @param threshold shares needed
 * @param sealed false once the data key is open
 */
public record UnsealProgress(int received, int threshold, boolean sealed) {

  public UnsealProgress {
    if (received < 0 || threshold < 1) {
      throw new IllegalArgumentException("received must be >= 0 and threshold >= 1");
    }
  }
}
