package io.coffer.cas.governance;

import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.JdbcCasStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The governance behaviour over the SQLite store. */
class GovernedPoliciesSqliteTest extends GovernedPoliciesContract {

  @TempDir Path dir;

  @Override
  protected CasStore newStore() throws Exception {
    return JdbcCasStore.sqlite(dir.resolve("cas.db"));
  }
}
