package io.coffer.ledger.store;

class MemoryLogStoreContractTest extends LogStoreContractTest {

  @Override
  protected LogStore openStore() {
    return new MemoryLogStore();
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
