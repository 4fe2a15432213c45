package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.platform.error.UnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How storage failures reach the caller. */
class TransactionsTest {
  @Test
  void aConnectionCutByAPostgresqlRestartIsReportedAsUnavailableNotAsAnInternalError() {
    // What the driver throws on a pooled connection when PostgreSQL shuts down under it.
    RuntimeException cut =
        new RuntimeException(
            "error executing work",
            new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));

    RuntimeException shown = Transactions.translate(cut);

    assertThat(shown)
        .isInstanceOf(UnavailableException.class)
        .hasMessage("The database is restarting; try again shortly.");
  }
}
