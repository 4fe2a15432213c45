package io.millstone.client.production;

import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.util.List;
import org.kordamp.ikonli.material2.Material2MZ;

/** The OEE screen, for the shell to show to those who may read OEE. */
public final class OeeScreens {
  private OeeScreens() {}

  public static List<ScreenDefinition> definitions(ScreenContext ctx, OeeGateway gateway) {
    return List.of(
        new ScreenDefinition(
            "production-oee",
            "screen.oee",
            "domain.production",
            "production.oee.read",
            Material2MZ.SPEED,
            filter -> {
              OeeViewModel vm = new OeeViewModel(gateway, ctx.executor(), ctx.messages());
              OeeView view = new OeeView(vm, ctx.messages());
              vm.refresh();
              view.focusFirst();
              return view;
            }));
  }
}
