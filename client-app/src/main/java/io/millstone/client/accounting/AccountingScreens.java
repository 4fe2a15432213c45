package io.millstone.client.accounting;

import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;

/** The accounting screens: the trial balance. */
public final class AccountingScreens {
  private AccountingScreens() {}

  public static List<ScreenDefinition> definitions(ScreenContext ctx, LedgerGateway gateway) {
    return List.of(
        new ScreenDefinition(
            "trial-balance",
            "screen.trialBalance",
            "domain.accounting",
            "accounting.read",
            Material2AL.ACCOUNT_BALANCE,
            filter ->
                new TrialBalanceView(
                    new TrialBalanceViewModel(gateway, ctx.executor(), ctx.messages()),
                    ctx.messages())));
  }
}
