package io.millstone.server.accounting;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.platform.Tx;
import java.util.UUID;

/** Gives a new company the default manufacturing chart of accounts (defined once, in SQL). */
public final class ChartSetup implements CompanySetup {
  @Override
  public void setUp(Tx tx, UUID companyId) {
    tx.session()
        .createNativeQuery("SELECT seed_default_chart(:c)", Object.class)
        .setParameter("c", companyId)
        .getResultList();
  }
}
