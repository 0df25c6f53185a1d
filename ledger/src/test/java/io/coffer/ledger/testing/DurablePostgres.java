package io.coffer.ledger.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * An embedded PostgreSQL server for tests, started with the durability settings the stores insist
 * on ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on: the embedded
 * server turns them off by default), with a fresh schema per test.
 */
public final class DurablePostgres implements AutoCloseable {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private final EmbeddedPostgres server;

  private DurablePostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a server. */
  public static DurablePostgres start() throws IOException {
    return new DurablePostgres(
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .start());
  }

  /** The JDBC URL of the {@code postgres} database. */
  public String url() {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
  }

  /** Creates a new schema named {@code prefix} and a number; returns its name. */
  public String freshSchema(String prefix) throws SQLException {
    String schema = prefix + SCHEMAS.incrementAndGet();
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  /** The JDBC URL of the {@code postgres} database with {@code schema} as the current schema. */
  public String url(String schema) {
    return url() + "?currentSchema=" + schema;
  }

  /** The driver properties of the superuser. */
  public static Properties user() {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    return p;
  }

  /** Runs one statement as the superuser. */
  public void execute(String sql) throws SQLException {
    DataSource admin = server.getPostgresDatabase();
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
