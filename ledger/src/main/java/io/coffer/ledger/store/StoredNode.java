package io.coffer.ledger.store;

import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.NodeId;
import java.util.Objects;

/**
 * The hash of a complete subtree, as kept by a {@link LogStore}.
 *
 * @param id which subtree
 * @param hash its hash
 */
public record StoredNode(NodeId id, Hash hash) {

  public StoredNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
  }
}
