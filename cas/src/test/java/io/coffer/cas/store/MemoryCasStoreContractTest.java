package io.coffer.cas.store;

/** The contract on {@link MemoryCasStore}: a new, empty store per call. */
class MemoryCasStoreContractTest extends CasStoreContractTest {

  @Override
  protected CasStore openStore() {
    return new MemoryCasStore();
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
