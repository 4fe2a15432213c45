package io.millstone.client.production;

import io.millstone.api.production.v1.ProductionRun;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.PagedTableView;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The production screens: runs (a list that opens each run, and new ones, in a tab), the lab's
 * sample grid, bills of materials and work centres.
 */
public final class ProductionScreens {
  private static final AtomicInteger NEW_RUNS = new AtomicInteger();

  private static final AtomicInteger BEHIND = new AtomicInteger();

  private final ScreenContext ctx;
  private final ProductionGateway gateway;
  private final ProductionReportGateway reports;

  private ProductionScreens(
      ScreenContext ctx, ProductionGateway gateway, ProductionReportGateway reports) {
    this.ctx = ctx;
    this.gateway = gateway;
    this.reports = reports;
  }

  /** The production screens, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(ScreenContext ctx, ProductionGateway gateway) {
    return definitions(ctx, gateway, null);
  }

  /** The production screens with the production report ({@code reports} null: without it). */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx, ProductionGateway gateway, ProductionReportGateway reports) {
    ProductionScreens s = new ProductionScreens(ctx, gateway, reports);
    List<ScreenDefinition> out = new java.util.ArrayList<>();
    if (reports != null) {
      out.add(
          new ScreenDefinition(
              "production-report",
              "screen.productionReport",
              "domain.production",
              "analytics.report.read",
              Material2AL.ASSESSMENT,
              filter -> s.report(),
              List.of("palette.yesterdaysReport")));
    }
    out.addAll(s.screens());
    return out;
  }

  private List<ScreenDefinition> screens() {
    ProductionScreens s = this;
    return List.of(
        new ScreenDefinition(
            "production-runs",
            "screen.productionRuns",
            "domain.production",
            "production.read",
            Material2AL.ENGINEERING,
            s::runList),
        new ScreenDefinition(
            "production-day",
            "screen.productionDay",
            "domain.production",
            "production.read",
            Material2AL.INSIGHTS,
            filter -> s.day()),
        new ScreenDefinition(
            "lab-samples",
            "screen.labSamples",
            "domain.production",
            "lab.read",
            Material2AL.BIOTECH,
            filter -> s.lab()),
        new ScreenDefinition(
            "lab-limits",
            "screen.labLimits",
            "domain.production",
            "lab.read",
            Material2MZ.TUNE,
            filter -> s.limits()),
        new ScreenDefinition(
            "boms",
            "screen.boms",
            "domain.production",
            "production.read",
            Material2AL.ACCOUNT_TREE,
            filter -> s.boms()),
        new ScreenDefinition(
            "work-centres",
            "screen.workCentres",
            "domain.production",
            "production.read",
            Material2MZ.SETTINGS_INPUT_COMPONENT,
            filter -> s.workCentres()));
  }

  static List<ColumnSpec<ProductionRun>> runColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("number", "sales.list.number", ProductionRun::getNumber, null, 140),
        new ColumnSpec<>("date", "production.run.date", RunView::dateOf, null, 100),
        new ColumnSpec<>(
            "shift",
            "production.run.shift",
            r -> RunViewModel.shiftName(r.getShift(), m),
            null,
            90),
        new ColumnSpec<>(
            "centre", "production.run.workCentre", ProductionRun::getWorkCentreCode, null, 120),
        new ColumnSpec<>("bom", "production.run.bom", ProductionRun::getBomCode, null, 110),
        new ColumnSpec<>(
            "state", "sales.list.state", r -> RunViewModel.stateName(r.getState(), m), null, 100),
        ColumnSpec.numeric(
            "cane",
            "production.fig.cane",
            r -> Amounts.quantityShown(r.getFigures().getCaneCrushedTonnes().getValue()),
            null,
            120),
        ColumnSpec.numeric(
            "recovery",
            "production.fig.recovery",
            r -> Amounts.quantityShown(r.getFigures().getRecoveryPercent().getValue()),
            null,
            110));
  }

  private Node runList(String filter) {
    Messages m = ctx.messages();
    // The quick filter narrows by work centre code.
    PageSource<ProductionRun> source =
        (query, token, size) -> gateway.runs(query.filter(), token, size);
    ListViewModel<ProductionRun> vm =
        new ListViewModel<>(
            "production-runs", source, null, runColumns(m), ctx.executor(), m, ctx.notifier());
    vm.filterProperty().set(filter);
    vm.setOpener(r -> openRun(vm, r));
    vm.setCreator(() -> openRun(vm, null));
    PagedTableView<ProductionRun> list =
        new PagedTableView<>(
            vm, m, ctx.dialogs(), ctx.widths(), ctx.can("production.run.manage"), ctx.owner());
    list.filterField().setPromptText(m.get("production.run.filterPrompt"));
    BorderPane pane = new BorderPane(list);
    pane.setId("productionRuns");
    vm.refresh();
    return pane;
  }

  private void openRun(ListViewModel<ProductionRun> list, ProductionRun row) {
    RunViewModel vm = new RunViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    String tabId =
        row == null
            ? "production-run-new-" + NEW_RUNS.incrementAndGet()
            : "production-run-" + row.getId();
    RunView view =
        new RunView(
            vm,
            ctx.messages(),
            ctx.dialogs(),
            ctx.can("production.run.manage"),
            ctx.can("production.run.post"));
    if (list != null) {
      vm.setOnChanged(r -> list.refresh());
    }
    vm.start();
    if (row != null) {
      vm.open(row);
    }
    ctx.workbench().show(tabId, vm.titleProperty(), view, Runnable::run);
    view.focusFirst();
  }

  private Node day() {
    DayFiguresViewModel vm = new DayFiguresViewModel(gateway, ctx.executor(), ctx.messages());
    DayFiguresView view = new DayFiguresView(vm, ctx.messages(), r -> openRun(null, r));
    vm.start();
    view.focusFirst();
    return view;
  }

  private Node report() {
    ProductionReportViewModel vm =
        new ProductionReportViewModel(reports, ctx.executor(), ctx.messages());
    ProductionReportView view = new ProductionReportView(vm, ctx.messages(), this::openBehind);
    vm.refresh();
    view.focusFirst();
    return view;
  }

  private void openBehind(ProductionReportViewModel.Behind behind) {
    BehindView view = new BehindView(behind, ctx.messages(), r -> openRun(null, r));
    ctx.workbench()
        .show(
            "report-behind-" + BEHIND.incrementAndGet(),
            new javafx.beans.property.SimpleStringProperty(behind.title()),
            view,
            Runnable::run);
    view.focusFirst();
  }

  private Node lab() {
    LabViewModel vm = new LabViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    LabView view = new LabView(vm, ctx.messages(), ctx.can("lab.sample.record"));
    vm.start();
    view.focusFirst();
    return view;
  }

  private Node limits() {
    LimitsViewModel vm =
        new LimitsViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    LimitsView view = new LimitsView(vm, ctx.messages(), ctx.can("lab.sample.record"));
    vm.refresh();
    return view;
  }

  private Node boms() {
    BomViewModel vm = new BomViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    BomView view = new BomView(vm, ctx.messages(), ctx.can("production.bom.manage"));
    vm.refresh();
    return view;
  }

  private Node workCentres() {
    WorkCentresViewModel vm =
        new WorkCentresViewModel(gateway, ctx.executor(), ctx.messages(), ctx.notifier());
    WorkCentresView view =
        new WorkCentresView(vm, ctx.messages(), ctx.can("production.bom.manage"));
    vm.refresh();
    return view;
  }
}
