package io.millstone.server.inventory;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Tx;
import java.sql.PreparedStatement;
import java.util.UUID;

/** Gives a new company its inventory settings: negative stock refused. */
public final class InventorySetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    Jdbc.work(
        tx,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO inventory_setting (company_id, allow_negative_stock) VALUES (?, false)")) {
            ps.setObject(1, companyId);
            return ps.executeUpdate();
          }
        });
  }
}
