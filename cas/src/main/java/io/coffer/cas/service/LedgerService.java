package io.coffer.cas.service;

import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.InclusionProof;
import java.util.Optional;

/**
 * The audit ledger as auditors read it. Public: anyone may read the log (it holds names and hashes
 * only), as with any transparency log.
 */
public interface LedgerService {

  /** A checkpoint of the current tree, signed with the CAS's ledger key (a C2SP signed note). */
  byte[] checkpoint() throws CasException;

  /** The inclusion proof of entry {@code index} in the tree of {@code size} entries. */
  InclusionProof inclusionProof(long index, long size) throws CasException;

  /** The consistency proof between two tree sizes. */
  ConsistencyProof consistencyProof(long size1, long size2) throws CasException;

  /**
   * A C2SP {@code tlog-tiles} resource, by its path below the tile root ({@code tile/0/x001/234},
   * {@code tile/0/000.p/7}, {@code tile/entries/000}); empty if the path names no tile of the
   * current tree.
   */
  Optional<byte[]> tile(String path) throws CasException;
}
