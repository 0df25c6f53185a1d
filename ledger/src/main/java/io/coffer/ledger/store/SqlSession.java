package io.coffer.ledger.store;

import java.sql.Connection;

/**
 * A database connection lent to one piece of work, and the statements prepared on it.
 *
 * <p>Statements belong to the session, which may keep them for the next piece of work on the same
 * connection: callers bind parameters and close the result sets they open, never a statement.
 */
interface SqlSession extends SqlStatements {

  /** The connection the statements are prepared on. */
  Connection connection();
}
