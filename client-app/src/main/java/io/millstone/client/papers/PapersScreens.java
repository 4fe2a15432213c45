package io.millstone.client.papers;

import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.time.Clock;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The VAT registers and the VAT return (Accounts), each printed or saved as the form. */
public final class PapersScreens {
  private PapersScreens() {}

  public static List<ScreenDefinition> definitions(ScreenContext ctx, PapersGateway gateway) {
    return definitions(ctx, gateway, Clock.systemDefaultZone());
  }

  public static List<ScreenDefinition> definitions(
      ScreenContext ctx, PapersGateway gateway, Clock clock) {
    return List.of(
        new ScreenDefinition(
            "vat-registers",
            "screen.vatRegisters",
            "domain.accounting",
            "accounting.read",
            Material2AL.BOOK,
            filter -> {
              VatBookView v =
                  new VatBookView(
                      new VatBookViewModel(gateway, ctx.executor(), ctx.messages(), clock), ctx);
              v.focusFirst();
              return v;
            }),
        new ScreenDefinition(
            "vat-return",
            "screen.vatReturn",
            "domain.accounting",
            "accounting.read",
            Material2MZ.RECEIPT,
            filter -> {
              VatReturnView v =
                  new VatReturnView(
                      new VatReturnViewModel(gateway, ctx.executor(), ctx.messages(), clock), ctx);
              v.focusFirst();
              return v;
            }));
  }
}
