package io.millstone.server.identity;

import io.millstone.server.platform.Tx;
import java.util.UUID;

/**
 * Something a domain prepares for every new company (default units of measure, a chart of
 * accounts), inside the transaction that creates the company: a company is never half set up.
 * Domains that depend on identity implement it; identity does not know them.
 */
public interface CompanySetup {
  void setUp(Tx tx, UUID companyId);
}
