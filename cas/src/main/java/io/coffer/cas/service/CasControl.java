package io.coffer.cas.service;

/** The CAS's lifecycle as clients see it: its self-description and unsealing. */
public interface CasControl {

  /** The current lifecycle state. */
  CasState state();

  /** What {@code GET /v1/cas} answers. */
  SelfDescription describe() throws CasException;

  /**
   * Adds one Shamir share (the bytes of a share file). Unauthenticated callers may submit shares: a
   * share is its own credential.
   *
   * @throws CasException {@code INVALID_SHARE} for a share of another seal or malformed bytes,
   *     {@code BAD_REQUEST} when the CAS is not sealed or does not use a Shamir seal
   */
  UnsealProgress unseal(byte[] share) throws CasException;
}
