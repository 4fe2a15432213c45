package io.millstone.server.inventory;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Tx;
import java.util.UUID;

/** Gives a new company its inventory settings: negative stock refused. */
public final class InventorySetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    tx.session()
        .createNativeMutationQuery(
            "INSERT INTO inventory_setting (company_id, allow_negative_stock) VALUES (:c, false)")
        .setParameter("c", companyId)
        .executeUpdate();
  }
}
