package io.millstone.server.purchasing;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Tx;
import java.util.UUID;

/** Gives a new company its purchasing rules: approval above 500,000, 2 % price tolerance. */
public final class PurchasingSetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    tx.session()
        .createNativeMutationQuery("INSERT INTO purchasing_setting (company_id) VALUES (:c)")
        .setParameter("c", companyId)
        .executeUpdate();
  }
}
