package io.millstone.client.telemetry;

import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The plant's administration, beside the other factory screens: machines and tags (with their OEE
 * settings) for those who manage machines; floor PCs and the quarantine for those who manage
 * devices.
 */
public final class PlantScreens {
  public static final String MACHINES = "telemetry.machines.manage";
  public static final String DEVICES = "telemetry.devices.manage";

  private PlantScreens() {}

  public static List<ScreenDefinition> definitions(ScreenContext ctx, PlantGateway gateway) {
    return List.of(
        new ScreenDefinition(
            "machines",
            "screen.machines",
            "domain.factory",
            MACHINES,
            Material2AL.BUILD,
            filter -> {
              MachinesViewModel vm = new MachinesViewModel(gateway, ctx.executor(), ctx.messages());
              MachinesView view = new MachinesView(vm, ctx.messages());
              vm.refresh();
              return view;
            }),
        new ScreenDefinition(
            "floor-pcs",
            "screen.floorPcs",
            "domain.factory",
            DEVICES,
            Material2AL.COMPUTER,
            filter -> {
              FloorPcsViewModel vm =
                  new FloorPcsViewModel(
                      gateway,
                      ctx.executor(),
                      ctx.messages(),
                      io.millstone.client.core.Confirmation.fx(ctx.owner()));
              FloorPcsView view = new FloorPcsView(vm, ctx.messages(), ctx.owner());
              vm.refresh();
              view.focusFirst();
              return view;
            }),
        new ScreenDefinition(
            "quarantine",
            "screen.quarantine",
            "domain.factory",
            DEVICES,
            Material2MZ.REPORT_PROBLEM,
            filter -> {
              QuarantineViewModel vm =
                  new QuarantineViewModel(gateway, ctx.executor(), ctx.messages());
              vm.filterProperty().set(filter == null ? "" : filter);
              QuarantineView view = new QuarantineView(vm, ctx.messages());
              vm.refresh();
              view.focusFirst();
              return view;
            }));
  }
}
