package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.TrialBalance;
import java.time.LocalDate;

/** What the accounting screens ask of the server. Blocks; call it off the UI thread. */
public interface LedgerGateway {
  /** Balances of everything posted up to and including {@code asOf}. */
  TrialBalance trialBalance(LocalDate asOf) throws Exception;
}
