package io.coffer.bench.cas;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * An embedded PostgreSQL server (io.zonky.test) with one fresh database for a run, durable as the
 * CAS requires: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (the
 * embedded server turns them off by default, and the CAS's store refuses such a server).
 */
final class FreshPostgres implements AutoCloseable {

  private static final String DATABASE = "coffer_bench";
  private static final String USER = "postgres";

  private final EmbeddedPostgres server;

  private FreshPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /** Starts a server in a temporary directory and makes the database. */
  static FreshPostgres start() throws IOException, SQLException {
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "200")
            .start();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
    return new FreshPostgres(server);
  }

  /** The JDBC URL of the fresh database, on loopback. */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
  }

  /** The driver properties: the server's superuser, no password (trust on loopback). */
  Properties properties() {
    Properties p = new Properties();
    p.setProperty("user", USER);
    return p;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
