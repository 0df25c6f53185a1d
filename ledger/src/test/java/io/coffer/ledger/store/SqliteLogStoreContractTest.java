package io.coffer.ledger.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on {@link JdbcLogStore} over SQLite, one database file per test. */
class SqliteLogStoreContractTest extends LogStoreContractTest {

  @TempDir Path dir;

  @Override
  protected LogStore openStore() throws StoreException {
    return JdbcLogStore.sqlite(dir.resolve("log.db"));
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
