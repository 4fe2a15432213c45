package io.millstone.client.cane;

import io.millstone.api.cane.v1.Season;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Seasons with their centres' prices; a new season; a new price from a date. */
public final class SeasonsView extends BorderPane {
  private final ListView<Season> list = new ListView<>();

  public SeasonsView(SeasonsViewModel vm, Messages m) {
    setId("seasonsView");
    list.setId("seasonList");
    list.setItems(vm.seasons());
    list.setPrefWidth(260);
    list.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(Season s, boolean empty) {
                super.updateItem(s, empty);
                setText(
                    empty || s == null
                        ? null
                        : s.getCode()
                            + "  "
                            + Dates.date(
                                io.millstone.client.remote.ProtoValues.date(s.getStartDate()))
                            + " \u2013 "
                            + Dates.date(
                                io.millstone.client.remote.ProtoValues.date(s.getEndDate())));
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != vm.selectedProperty().get()) {
                vm.open(b);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
              }
            });
    TableView<SeasonsViewModel.PriceRow> prices = new TableView<>(vm.prices());
    prices.setId("seasonPrices");
    prices.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    prices
        .getColumns()
        .add(Ui.column(m.get("cane.wb.centre"), SeasonsViewModel.PriceRow::centre, 100, false));
    prices
        .getColumns()
        .add(
            Ui.column(
                m.get("cane.season.centreName"),
                SeasonsViewModel.PriceRow::centreName,
                150,
                false));
    prices
        .getColumns()
        .add(Ui.column(m.get("cane.season.kind"), SeasonsViewModel.PriceRow::kind, 110, false));
    prices
        .getColumns()
        .add(Ui.column(m.get("cane.season.from"), SeasonsViewModel.PriceRow::from, 100, false));
    prices
        .getColumns()
        .add(Ui.column(m.get("cane.season.price"), SeasonsViewModel.PriceRow::price, 120, true));
    prices
        .getColumns()
        .add(Ui.column(m.get("cane.season.limit"), SeasonsViewModel.PriceRow::limit, 110, true));
    HBox lists = new HBox(10, list, prices);
    HBox.setHgrow(prices, Priority.ALWAYS);
    VBox.setVgrow(lists, Priority.ALWAYS);

    // a new season
    TextField code = new TextField();
    code.setId("seasonCode");
    code.setPrefColumnCount(8);
    code.textProperty().bindBidirectional(vm.codeProperty());
    TextField name = new TextField();
    name.setId("seasonName");
    name.setPrefColumnCount(16);
    name.textProperty().bindBidirectional(vm.nameProperty());
    DatePicker start = new DatePicker();
    Dates.useFor(start);
    start.setId("seasonStart");
    start.valueProperty().bindBidirectional(vm.startProperty());
    DatePicker end = new DatePicker();
    Dates.useFor(end);
    end.setId("seasonEnd");
    end.valueProperty().bindBidirectional(vm.endProperty());
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(6);
    form.addRow(
        0, new Label(m.get("cane.season.code")), code, new Label(m.get("cane.season.name")), name);
    form.addRow(
        1, new Label(m.get("cane.season.start")), start, new Label(m.get("cane.season.end")), end);
    ComboBox<String> overQuota =
        Ui.choice("seasonOverQuota", SeasonsViewModel.OVER_QUOTA, "cane.season.overQuota.", m);
    overQuota.valueProperty().bindBidirectional(vm.overQuotaProperty());
    form.add(new Label(m.get("cane.season.overQuota")), 0, 2);
    form.add(overQuota, 1, 2, 3, 1);
    form.addRow(
        3,
        Ui.muted(m.get("cane.wb.centre")),
        Ui.muted(m.get("cane.season.kind")),
        Ui.muted(m.get("cane.season.openingPrice")));
    int row = 4;
    int i = 0;
    for (SeasonsViewModel.CentreLine l : vm.lines()) {
      TextField wh = new TextField();
      wh.setId("seasonCentre-" + i);
      wh.setPrefColumnCount(8);
      wh.textProperty().bindBidirectional(l.warehouseProperty());
      ComboBox<String> kind =
          Ui.choice("seasonKind-" + i, SeasonsViewModel.KINDS, "cane.centre.kind.CENTRE_KIND_", m);
      kind.valueProperty().bindBidirectional(l.kindProperty());
      TextField p = new TextField();
      p.setId("seasonPrice-" + i);
      p.setPrefColumnCount(8);
      p.setAlignment(Pos.CENTER_RIGHT);
      p.textProperty().bindBidirectional(l.priceProperty());
      form.addRow(row++, wh, kind, p);
      i++;
    }
    Button create = new Button(m.get("cane.season.create"));
    create.setId("seasonCreate");
    create.disableProperty().bind(vm.busyProperty());
    create.setOnAction(e -> vm.create());
    form.add(create, 1, row);

    // a new price
    ComboBox<String> centre = new ComboBox<>();
    centre.setId("priceCentre");
    centre.setOnShowing(e -> centre.getItems().setAll(vm.centreCodes()));
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              // New items clear the choice; the same centre stays chosen after a save.
              String keep = centre.getValue();
              centre.getItems().setAll(vm.centreCodes());
              if (keep != null && centre.getItems().contains(keep)) {
                centre.setValue(keep);
              }
            });
    centre.valueProperty().bindBidirectional(vm.priceCentreProperty());
    DatePicker from = new DatePicker();
    Dates.useFor(from);
    from.setId("priceFrom");
    from.valueProperty().bindBidirectional(vm.priceFromProperty());
    TextField price = new TextField();
    price.setId("priceAmount");
    price.setPrefColumnCount(8);
    price.setAlignment(Pos.CENTER_RIGHT);
    price.textProperty().bindBidirectional(vm.priceProperty());
    Button set = new Button(m.get("cane.season.setPrice"));
    set.setId("priceSet");
    set.disableProperty().bind(vm.busyProperty());
    set.setOnAction(e -> vm.setPrice());
    HBox priceRow =
        new HBox(
            8,
            new Label(m.get("cane.wb.centre")),
            centre,
            new Label(m.get("cane.season.from")),
            from,
            new Label(m.get("cane.season.price")),
            price,
            set);
    priceRow.setAlignment(Pos.CENTER_LEFT);
    TextField limit = new TextField();
    limit.setId("bridgeLimit");
    limit.setPrefColumnCount(8);
    limit.setAlignment(Pos.CENTER_RIGHT);
    limit.textProperty().bindBidirectional(vm.limitProperty());
    Button setLimit = new Button(m.get("cane.season.setLimit"));
    setLimit.setId("bridgeLimitSet");
    setLimit.disableProperty().bind(vm.busyProperty());
    setLimit.setOnAction(e -> vm.setBridgeLimit());
    limit.setOnAction(e -> vm.setBridgeLimit());
    HBox limitRow = new HBox(8, new Label(m.get("cane.season.limitOf")), limit, setLimit);
    limitRow.setAlignment(Pos.CENTER_LEFT);

    Label message = Ui.error("seasonMessage", vm.messageProperty());
    Label done = Ui.bound("seasonDone", vm.doneProperty());
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    VBox body =
        new VBox(
            10,
            Ui.title(m.get("cane.season.title")),
            lists,
            Ui.muted(m.get("cane.season.newPrice")),
            priceRow,
            limitRow,
            Ui.muted(m.get("cane.season.newSeason")),
            form,
            message,
            done);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  @Override
  public void requestFocus() {
    Platform.runLater(list::requestFocus);
  }
}
