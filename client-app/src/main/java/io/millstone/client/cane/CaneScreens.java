package io.millstone.client.cane;

import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The cane screens: the weighbridge, permits, cane bills and the payment run, the grower's
 * statement, seasons and prices, growers with plots and loans.
 */
public final class CaneScreens {
  private final ScreenContext ctx;
  private final CaneGateway gateway;

  private CaneScreens(ScreenContext ctx, CaneGateway gateway) {
    this.ctx = ctx;
    this.gateway = gateway;
  }

  /** The cane screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, CaneGateway gateway) {
    CaneScreens s = new CaneScreens(ctx, gateway);
    List<ScreenDefinition> list = new ArrayList<>();
    list.add(
        new ScreenDefinition(
            "weighbridge",
            "screen.weighbridge",
            "domain.cane",
            "cane.weigh",
            Material2AL.LOCAL_SHIPPING,
            filter -> s.weighbridge()));
    return list;
  }

  private Node weighbridge() {
    WeighbridgeViewModel vm = new WeighbridgeViewModel(gateway, ctx.executor(), ctx.messages());
    WeighbridgeView view = new WeighbridgeView(vm, ctx.messages());
    vm.start();
    view.focusFirst();
    return view;
  }
}
