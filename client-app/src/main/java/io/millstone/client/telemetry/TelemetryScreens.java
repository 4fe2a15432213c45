package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The factory-floor screens: live monitor, alarms and downtime; a tag's chart opens as a tab. */
public final class TelemetryScreens {
  public static final String READ = "telemetry.machines.read";
  public static final String ACKNOWLEDGE = "telemetry.alarms.acknowledge";
  public static final String DOWNTIME = "telemetry.downtime.manage";
  static final Duration RETRY = Duration.ofSeconds(2);

  private TelemetryScreens() {}

  /** The screens, for the shell to show where the person may read machines. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, TelemetryGateway gateway) {
    TelemetryText text = new TelemetryText(ctx.messages(), io.millstone.client.core.Dates.zone());
    Clock clock = Clock.systemUTC();
    return List.of(
        new ScreenDefinition(
            "monitor",
            "screen.monitor",
            "domain.factory",
            READ,
            Material2MZ.SPEED,
            filter -> {
              MonitorViewModel vm =
                  new MonitorViewModel(gateway, ctx.executor(), text, clock, RETRY);
              return whileShowing(
                  new MonitorView(
                      vm, ctx.messages(), (m, t) -> openChart(ctx, gateway, text, clock, m, t)),
                  vm::start,
                  vm::stop);
            }),
        new ScreenDefinition(
            "alarms",
            "screen.alarms",
            "domain.factory",
            READ,
            Material2AL.ALARM,
            filter -> {
              AlarmsViewModel vm =
                  new AlarmsViewModel(gateway, ctx.executor(), text, ctx.can(ACKNOWLEDGE), RETRY);
              return whileShowing(new AlarmsView(vm, ctx.messages()), vm::start, vm::stop);
            }),
        new ScreenDefinition(
            "downtime",
            "screen.downtime",
            "domain.factory",
            READ,
            Material2MZ.TIMER,
            filter -> {
              DowntimeViewModel vm =
                  new DowntimeViewModel(
                      gateway, ctx.executor(), text, clock, ctx.can(DOWNTIME), RETRY);
              return whileShowing(new DowntimeView(vm, ctx.messages()), vm::start, vm::stop);
            }));
  }

  static void openChart(
      ScreenContext ctx,
      TelemetryGateway gateway,
      TelemetryText text,
      Clock clock,
      Machine machine,
      Tag tag) {
    TagChartViewModel vm =
        new TagChartViewModel(gateway, ctx.executor(), text, clock, RETRY, machine, tag);
    ctx.workbench()
        .show(
            "chart-" + tag.getId(),
            new SimpleStringProperty(
                ctx.messages().get("screen.chart", machine.getCode(), tag.getName())),
            whileShowing(new TagChartView(vm, ctx.messages(), text), vm::start, vm::stop),
            close -> close.run());
  }

  /**
   * Runs {@code start} when the node joins a window and {@code stop} when it leaves (its tab
   * closed, or the shell rebuilt), so no stream outlives its screen.
   */
  static <N extends Node> N whileShowing(N node, Runnable start, Runnable stop) {
    node.sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && a == null) {
                start.run();
              } else if (b == null) {
                stop.run();
              }
            });
    return node;
  }
}
