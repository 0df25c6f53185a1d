package io.coffer.archfixture.attestation.internal;

/** Stands for attestation's internal support classes. */
public final class Cache {
  public int size() {
    return 0;
  }
}
