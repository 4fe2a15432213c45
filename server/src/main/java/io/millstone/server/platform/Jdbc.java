package io.millstone.server.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way to a database connection inside a unit of work: plain JDBC on the transaction's
 * connection, which has the company set for row-level security and the plan mode of the work.
 * Documents that post and the ledgers use it for all their SQL (ADR 0021); {@link
 * Transactions#sqlInCompany} and {@link Transactions#reportInCompany} hand their bodies the same
 * connection through it.
 */
public final class Jdbc {
  private Jdbc() {}

  @FunctionalInterface
  public interface Body<T> {
    T run(Connection c) throws SQLException;
  }

  public static <T> T work(Tx t, Body<T> body) {
    return t.withConnection(body);
  }
}
