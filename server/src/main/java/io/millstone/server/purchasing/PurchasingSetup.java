package io.millstone.server.purchasing;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Tx;
import java.sql.PreparedStatement;
import java.util.UUID;

/** Gives a new company its purchasing rules: approval above 500,000, 2 % price tolerance. */
public final class PurchasingSetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    Jdbc.work(
        tx,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO purchasing_setting (company_id) VALUES (?)")) {
            ps.setObject(1, companyId);
            return ps.executeUpdate();
          }
        });
  }
}
