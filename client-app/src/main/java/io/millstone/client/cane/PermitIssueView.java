package io.millstone.client.cane;

import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Permit issue for a centre's day: season, centre, date, the growers of a village in a grid, a
 * quota per grower (Tab or Enter moves down the quotas), then Issue.
 */
public final class PermitIssueView extends BorderPane {
  private final TextField village = new TextField();

  public PermitIssueView(PermitIssueViewModel vm, Messages m) {
    setId("permitIssueView");
    ComboBox<String> season = new ComboBox<>();
    season.setId("piSeason");
    vm.seasons()
        .addListener(
            (ListChangeListener<io.millstone.api.cane.v1.Season>)
                c ->
                    season.getItems().setAll(vm.seasons().stream().map(s -> s.getCode()).toList()));
    season.valueProperty().bindBidirectional(vm.seasonProperty());
    ComboBox<String> centre = new ComboBox<>(vm.centres());
    centre.setId("piCentre");
    centre.valueProperty().bindBidirectional(vm.centreProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("piDate");
    date.valueProperty().bindBidirectional(vm.dateProperty());
    village.setId("piVillage");
    village.setPrefColumnCount(12);
    village.textProperty().bindBidirectional(vm.villageProperty());
    village.setOnAction(e -> vm.loadGrowers());
    Button load = new Button(m.get("cane.permit.load"));
    load.setId("piLoad");
    load.setOnAction(e -> vm.loadGrowers());
    TextField quota = new TextField();
    quota.setId("piDefaultQuota");
    quota.setPrefColumnCount(6);
    quota.setAlignment(Pos.CENTER_RIGHT);
    quota.textProperty().bindBidirectional(vm.defaultQuotaProperty());
    quota.setOnAction(e -> vm.fillQuota());
    Button fill = new Button(m.get("cane.permit.fill"));
    fill.setId("piFill");
    fill.setOnAction(e -> vm.fillQuota());
    GridPane head = new GridPane();
    head.setHgap(10);
    head.setVgap(6);
    head.addRow(
        0,
        new Label(m.get("cane.season")),
        season,
        new Label(m.get("cane.wb.centre")),
        centre,
        new Label(m.get("cane.permit.date")),
        date);
    head.addRow(
        1,
        new Label(m.get("cane.grower.village")),
        village,
        load,
        new Label(m.get("cane.permit.defaultQuota")),
        quota,
        fill);

    GridPane grid = new GridPane();
    grid.setId("piGrid");
    grid.setHgap(14);
    grid.setVgap(4);
    Runnable rebuild =
        () -> {
          grid.getChildren().clear();
          grid.addRow(
              0,
              Ui.muted(m.get("cane.grower.number")),
              Ui.muted(m.get("cane.grower.name")),
              Ui.muted(m.get("cane.grower.village")),
              Ui.muted(m.get("cane.permit.quota")),
              Ui.muted(m.get("cane.permit.number")));
          int row = 1;
          TextField previous = null;
          for (PermitIssueViewModel.Row r : vm.rows()) {
            TextField q = new TextField();
            q.setId("piQuota-" + r.grower().getGrowerNumber());
            q.setPrefColumnCount(6);
            q.setAlignment(Pos.CENTER_RIGHT);
            q.textProperty().bindBidirectional(r.quotaProperty());
            if (previous != null) {
              TextField before = previous;
              before.setOnAction(e -> q.requestFocus());
            }
            previous = q;
            Label permit = new Label();
            permit.textProperty().bind(r.permitProperty());
            grid.addRow(
                row++,
                new Label(r.grower().getGrowerNumber()),
                new Label(r.grower().getName()),
                new Label(r.grower().getVillage()),
                q,
                permit,
                Ui.error("piError-" + r.grower().getGrowerNumber(), r.errorProperty()));
          }
        };
    vm.rows().addListener((ListChangeListener<PermitIssueViewModel.Row>) c -> rebuild.run());
    rebuild.run();
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(420);

    Button issue = new Button(m.get("cane.permit.issue"));
    issue.setId("piIssue");
    issue.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    issue.disableProperty().bind(vm.busyProperty());
    issue.setOnAction(e -> vm.issue());
    Label message = Ui.error("piMessage", vm.messageProperty());
    Label done = Ui.bound("piIssued", vm.issuedProperty());
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    HBox buttons = new HBox(10, issue, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(10, Ui.title(m.get("cane.permit.title")), head, scroll, buttons, done);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  public void focusFirst() {
    Platform.runLater(village::requestFocus);
  }

  /** The shell focuses the screen when it shows it: the caret goes to the first field. */
  @Override
  public void requestFocus() {
    village.requestFocus();
  }
}
