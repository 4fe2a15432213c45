package io.millstone.server.platform;

import java.sql.Connection;
import java.sql.SQLException;

/** Plain JDBC work on a transaction's connection, for documents written with SQL. */
public final class Jdbc {
  private Jdbc() {}

  @FunctionalInterface
  public interface Body<T> {
    T run(Connection c) throws SQLException;
  }

  public static <T> T work(Tx t, Body<T> body) {
    return t.session().doReturningWork(body::run);
  }
}
