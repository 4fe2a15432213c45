package io.millstone.server.accounting;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Tx;
import java.sql.PreparedStatement;
import java.util.UUID;

/** Gives a new company the default manufacturing chart of accounts (defined once, in SQL). */
public final class ChartSetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    Jdbc.work(
        tx,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT seed_default_chart(?)")) {
            ps.setObject(1, companyId);
            ps.executeQuery().close();
          }
          return null;
        });
  }
}
