package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.store.JdbcLogStore;
import io.coffer.ledger.store.StoreException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A {@link CasStore} in a SQL database, together with its ledger: SQLite (WAL, embedded) by
 * default, PostgreSQL for several CAS processes on one database.
 *
 * <p>Tables: the ledger's ({@code log_meta}, {@code log_entries}, {@code log_nodes}, {@code
 * log_checkpoints}, a {@link JdbcLogStore} without prefix) and the CAS's: {@code cas_schema} (its
 * version), {@code cas_meta}, {@code cas_policies}, {@code cas_policy_versions}, {@code
 * cas_proposals}, {@code cas_ballots} (schema version 1), {@code cas_secrets}, {@code
 * cas_volume_tags}, {@code cas_used_nonces} (added by version 2). Names, hashes, states, kinds,
 * generations, nonce ids and times (epoch microseconds) are clear columns; {@code body}, {@code
 * tag} and metadata columns hold bytes the caller encrypted with the {@link
 * io.coffer.cas.seal.Barrier}: this class never sees a plaintext. Opening creates the tables in an
 * empty database, upgrades a store of version 1 to version 2 in place (the only upgrade), and
 * otherwise fails closed unless they are the version this code reads.
 *
 * <p>Writes: one writer thread per store commits queued operations in groups, each operation in its
 * own savepoint, with its ledger entries, in one durable transaction ({@link GroupCommitWriter}).
 * Writers in different processes are serialised by the log's lock (SQLite: the database's write
 * lock; PostgreSQL: a row lock on {@code log_meta}). Durability is the ledger's: SQLite with {@code
 * synchronous=FULL}, PostgreSQL with its synchronous commit.
 *
 * <p>Reads run on separate connections in a read-only transaction (SQLite WAL readers, the
 * PostgreSQL pool) and never wait for the writer.
 *
 * <p>Not protected against: whatever the database's owner does to its rows, which the barrier, the
 * ledger's proofs and the sealed checkpoint detect above this class.
 */
public final class JdbcCasStore implements CasStore {

  private final JdbcLogStore log;
  private final Ledger ledger;
  private final CasDialect dialect;
  private final GroupCommitWriter writer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdbcCasStore(JdbcLogStore log, Ledger ledger, CasDialect dialect) {
    this.log = log;
    this.ledger = ledger;
    this.dialect = dialect;
    this.writer = new GroupCommitWriter(log, ledger, dialect);
  }

  /** Opens, or creates, the store in the SQLite database {@code file}. */
  public static JdbcCasStore sqlite(Path file) throws CasException {
    return open(() -> JdbcLogStore.sqlite(file), CasDialect.SQLITE);
  }

  /**
   * Opens, or creates, the store in a PostgreSQL database through a connection pool the store owns.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param connectionProperties the driver's properties ({@code user}, {@code password}, ...)
   */
  public static JdbcCasStore postgres(String jdbcUrl, Properties connectionProperties)
      throws CasException {
    return open(
        () -> JdbcLogStore.postgres(jdbcUrl, connectionProperties, ""), CasDialect.POSTGRES);
  }

  /**
   * Opens, or creates, the store in the PostgreSQL database behind {@code dataSource}, a pool that
   * stays the caller's.
   */
  public static JdbcCasStore postgres(DataSource dataSource) throws CasException {
    return open(() -> JdbcLogStore.postgres(dataSource), CasDialect.POSTGRES);
  }

  @FunctionalInterface
  private interface LogOpener {
    JdbcLogStore open() throws StoreException;
  }

  private static JdbcCasStore open(LogOpener opener, CasDialect dialect) throws CasException {
    JdbcLogStore log;
    try {
      log = opener.open();
    } catch (StoreException e) {
      throw new CasException(Type.UNAVAILABLE, "cannot open the store: " + e.getMessage(), e);
    }
    try {
      log.transaction(tx -> {
        CasSchema.createOrCheck(tx, dialect);
        return null;
      });
      Ledger ledger = Ledger.open(log, LedgerOptions.defaults());
      return new JdbcCasStore(log, ledger, dialect);
    } catch (StoreException | LedgerException | RuntimeException e) {
      try {
        log.close();
      } catch (StoreException closing) {
        e.addSuppressed(closing);
      }
      throw new CasException(Type.UNAVAILABLE, "cannot open the store: " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T write(WriteOperation<T> operation) throws CasException {
    return writer.write(operation);
  }

  @Override
  public <T> T read(ReadOperation<T> operation) throws CasException {
    if (closed.get()) {
      throw new CasException(Type.UNAVAILABLE, "the store is closed");
    }
    ReadOutcome<T> outcome;
    try {
      outcome =
          log.read(s -> {
            JdbcReadTransaction tx = new JdbcReadTransaction(s, dialect);
            try {
              return new ReadOutcome<>(operation.run(tx), null);
            } catch (CasException e) {
              return new ReadOutcome<>(null, e);
            } finally {
              tx.finish();
            }
          });
    } catch (StoreException e) {
      throw new CasException(Type.UNAVAILABLE, "the store cannot be read now", e);
    }
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return outcome.value();
  }

  /** What a read operation returned or threw, carried out of the store's read. */
  private record ReadOutcome<T>(T value, CasException failure) {}

  @Override
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public void onCommit(CommitListener listener) {
    writer.onCommit(listener);
  }

  /** Commits the writes already queued, then closes the ledger and the connections. Idempotent. */
  @Override
  public void close() throws CasException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    writer.close();
    ledger.close();
    try {
      log.close();
    } catch (StoreException e) {
      throw new CasException(Type.UNAVAILABLE, "closing the store failed", e);
    }
  }
}
