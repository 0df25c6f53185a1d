package io.coffer.cas.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on {@link JdbcCasStore} over SQLite, one database file per test. */
class SqliteCasStoreContractTest extends CasStoreContractTest {

  @TempDir Path dir;

  @Override
  protected CasStore openStore() throws Exception {
    return JdbcCasStore.sqlite(dir.resolve("cas.db"));
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
