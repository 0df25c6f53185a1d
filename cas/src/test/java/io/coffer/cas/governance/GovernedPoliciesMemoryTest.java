package io.coffer.cas.governance;

import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.MemoryCasStore;

/** The governance behaviour over the in-memory store. */
class GovernedPoliciesMemoryTest extends GovernedPoliciesContract {

  @Override
  protected CasStore newStore() {
    return new MemoryCasStore();
  }
}
