package io.millstone.client.cane;

import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.api.cane.v1.Plot;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.ProtoValues;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Growers with their plots and loans; a new grower; a loan or advance to the selected one. */
public final class GrowersView extends BorderPane {
  private final TextField search = new TextField();

  public GrowersView(GrowersViewModel vm, Messages m) {
    setId("growersView");
    search.setId("growerSearch");
    search.setPrefColumnCount(14);
    search.setPromptText(m.get("cane.grower.searchPrompt"));
    search.textProperty().bindBidirectional(vm.searchProperty());
    search.setOnAction(e -> vm.refresh());
    TableView<Grower> growers = new TableView<>(vm.growers());
    growers.setId("growerTable");
    growers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    growers
        .getColumns()
        .add(Ui.column(m.get("cane.grower.number"), Grower::getGrowerNumber, 90, false));
    growers.getColumns().add(Ui.column(m.get("cane.grower.name"), Grower::getName, 170, false));
    growers
        .getColumns()
        .add(Ui.column(m.get("cane.grower.village"), Grower::getVillage, 110, false));
    growers.getColumns().add(Ui.column(m.get("cane.grower.phone"), Grower::getPhone, 120, false));
    growers
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.grower.plots"), g -> String.valueOf(g.getPlotsCount()), 60, true));
    growers
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.selectedProperty().set(b);
              }
            });
    ObservableList<Plot> plots = FXCollections.observableArrayList();
    vm.selectedProperty()
        .addListener((o, a, b) -> plots.setAll(b == null ? java.util.List.of() : b.getPlotsList()));
    TableView<Plot> plotTable = new TableView<>(plots);
    plotTable.setId("plotTable");
    plotTable.setPrefHeight(130);
    plotTable.setMinHeight(130);
    plotTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    plotTable.getColumns().add(Ui.column(m.get("cane.grower.plot"), Plot::getPlotCode, 120, false));
    plotTable
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.grower.acres"),
                p -> Amounts.quantityShown(p.getAreaAcres().getValue()),
                80,
                true));
    plotTable
        .getColumns()
        .add(Ui.column(m.get("cane.grower.variety"), Plot::getVariety, 100, false));
    plotTable
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.grower.tonnes"),
                p -> Amounts.quantityShown(p.getExpectedTonnes().getValue()),
                90,
                true));
    TableView<GrowerLoan> loanTable = new TableView<>(vm.loans());
    loanTable.setId("loanTable");
    loanTable.setPrefHeight(130);
    loanTable.setMinHeight(130);
    loanTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    loanTable
        .getColumns()
        .add(Ui.column(m.get("cane.statement.number"), GrowerLoan::getNumber, 130, false));
    loanTable
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.statement.date"),
                l -> Dates.date(ProtoValues.date(l.getLoanDate())),
                95,
                false));
    loanTable
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.statement.kind"),
                l -> m.get("cane.loan.kind." + l.getKind().name()),
                110,
                false));
    loanTable
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.statement.amount"),
                l -> Amounts.money(l.getAmount().getAmount()),
                100,
                true));
    loanTable
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.loan.outstanding"),
                l -> Amounts.money(l.getOutstanding().getAmount()),
                100,
                true));
    HBox details = new HBox(10, plotTable, loanTable);
    HBox.setHgrow(loanTable, Priority.ALWAYS);

    // a new grower
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(
        0,
        new Label(m.get("cane.grower.supplier")),
        field("growerSupplier", vm.supplierProperty(), 8),
        new Label(m.get("cane.grower.number")),
        field("growerNumber", vm.numberProperty(), 8),
        new Label(m.get("cane.grower.village")),
        field("growerVillage", vm.villageProperty(), 10));
    form.addRow(
        1,
        new Label(m.get("cane.grower.plot")),
        field("growerPlot", vm.plotProperty(), 8),
        new Label(m.get("cane.grower.acres")),
        field("growerAcres", vm.acresProperty(), 8),
        new Label(m.get("cane.grower.variety")),
        field("growerVariety", vm.varietyProperty(), 10),
        new Label(m.get("cane.grower.tonnes")),
        field("growerTonnes", vm.tonnesProperty(), 6));
    Button create = new Button(m.get("cane.grower.create"));
    create.setId("growerCreate");
    create.disableProperty().bind(vm.busyProperty());
    create.setOnAction(e -> vm.create());
    form.add(create, 1, 2);

    // a loan to the selected grower
    ComboBox<String> kind =
        Ui.choice("loanKind", GrowersViewModel.LOAN_KINDS, "cane.loan.kind.LOAN_KIND_", m);
    kind.valueProperty().bindBidirectional(vm.loanKindProperty());
    ComboBox<String> from =
        Ui.choice("loanPaidFrom", GrowersViewModel.PAID_FROM, "cane.loan.from.", m);
    from.valueProperty().bindBidirectional(vm.paidFromProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("loanDate");
    date.setPrefWidth(140);
    date.valueProperty().bindBidirectional(vm.loanDateProperty());
    TextField amount = field("loanAmount", vm.loanAmountProperty(), 8);
    amount.setAlignment(Pos.CENTER_RIGHT);
    Button record = new Button(m.get("cane.loan.record"));
    record.setId("loanRecord");
    record.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
    record.setOnAction(e -> vm.recordLoan());
    HBox loanRow =
        new HBox(
            8,
            kind,
            new Label(m.get("cane.statement.amount")),
            amount,
            date,
            from,
            field("loanNote", vm.loanNoteProperty(), 12),
            record);
    loanRow.setAlignment(Pos.CENTER_LEFT);

    Label message = Ui.error("growerMessage", vm.messageProperty());
    Label done = Ui.bound("growerDone", vm.doneProperty());
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    HBox top = new HBox(8, new Label(m.get("cane.grower.search")), search);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox.setVgrow(growers, Priority.ALWAYS);
    growers.setMinHeight(150);
    VBox body =
        new VBox(
            8,
            Ui.title(m.get("cane.grower.title")),
            top,
            growers,
            Ui.muted(m.get("cane.grower.plotsAndLoans")),
            details,
            Ui.muted(m.get("cane.loan.title")),
            loanRow,
            Ui.muted(m.get("cane.grower.new")),
            form,
            message,
            done);
    body.setPadding(new Insets(12));
    // On a 1366×768 screen the page scrolls instead of being cut off.
    javafx.scene.control.ScrollPane page = new javafx.scene.control.ScrollPane(body);
    page.setFitToWidth(true);
    page.setFitToHeight(true);
    setCenter(page);
  }

  private static TextField field(
      String id, javafx.beans.property.StringProperty value, int columns) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  @Override
  public void requestFocus() {
    search.requestFocus();
  }
}
