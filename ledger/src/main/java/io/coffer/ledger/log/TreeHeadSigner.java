package io.coffer.ledger.log;

import io.coffer.ledger.merkle.TreeHead;

/** Signs a tree head as a checkpoint note (for Coffer: a C2SP signed checkpoint). */
@FunctionalInterface
public interface TreeHeadSigner {

  /**
   * The signed note for {@code head}, exactly as it will be published.
   *
   * @throws java.security.GeneralSecurityException if signing fails
   */
  byte[] sign(TreeHead head) throws java.security.GeneralSecurityException;
}
