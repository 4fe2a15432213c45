package io.millstone.server.cane;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Tx;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Gives a company the item cane is received as: CANE, a raw material in kg (after the units, which
 * make kg). Companies that existed before the cane domain got it from V19.
 */
public final class CaneSetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    // The units are entities made earlier in this transaction: write them out before the SQL.
    tx.session().flush();
    Jdbc.work(
        tx,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO item (id, company_id, code, name, unit_code, kind, tax_category,"
                      + " created_at, updated_at, updated_by)"
                      + " SELECT ?, ?, ?, 'Sugar cane', 'kg', 'RAW_MATERIAL', 'EXEMPT', now(), now(),"
                      + " 'setup' WHERE EXISTS (SELECT 1 FROM unit_of_measure WHERE company_id = ?"
                      + " AND code = 'kg') ON CONFLICT (company_id, code) DO NOTHING")) {
            ps.setObject(1, Ids.newId());
            ps.setObject(2, companyId);
            ps.setString(3, CaneDesk.CANE_ITEM);
            ps.setObject(4, companyId);
            return ps.executeUpdate();
          }
        });
  }
}
