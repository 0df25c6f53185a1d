package io.coffer.cas.server;

import io.coffer.cas.server.CasStartException.Reason;
import io.coffer.cas.service.CasException;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.JdbcCasStore;
import java.nio.file.Path;

/** Opens the store a configuration names. */
final class StoreOpener {

  private StoreOpener() {}

  static CasStore open(CasConfig config, Path dataDir) throws CasStartException {
    try {
      return switch (config.store()) {
        case SQLITE -> JdbcCasStore.sqlite(dataDir.resolve(StoreKind.SQLITE_FILE));
        case POSTGRES ->
            JdbcCasStore.postgres(config.jdbcUrl().orElseThrow(), config.jdbcProperties());
      };
    } catch (CasException e) {
      throw new CasStartException(
          Reason.STORE,
          "cannot open the " + config.store().cliName() + " store: " + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new CasStartException(Reason.CONFIGURATION, e.getMessage(), e);
    }
  }
}
