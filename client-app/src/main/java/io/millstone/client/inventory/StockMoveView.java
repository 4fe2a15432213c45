package io.millstone.client.inventory;

import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import io.millstone.client.core.Styles;
import io.millstone.client.inventory.StockMoveViewModel.Kind;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A receipt, issue, transfer or count: the warehouse (and where to, for a transfer), a reference,
 * and the lines; each line's refusal beside it. Posted only by the button or Ctrl+P, after a
 * confirmation of what will move.
 */
public final class StockMoveView extends BorderPane {
  private final ComboBox<String> warehouse;

  public StockMoveView(StockMoveViewModel vm, Messages messages, DialogService dialogs) {
    Kind kind = vm.kind();
    setId("stock-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    Label title = new Label(messages.get("stock." + kind.key() + ".title"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);

    warehouse = new ComboBox<>(vm.warehouses());
    warehouse.setId("moveWarehouse");
    warehouse.setEditable(false);
    warehouse.valueProperty().bindBidirectional(vm.warehouseProperty());
    Label whError = error("moveWarehouseError");
    whError.textProperty().bind(vm.warehouseErrorProperty());
    TextField reference = new TextField();
    reference.setId("moveReference");
    reference.setPrefColumnCount(18);
    reference.setPromptText(messages.get("stock." + kind.key() + ".referencePrompt"));
    reference.textProperty().bindBidirectional(vm.referenceProperty());
    GridPane head = new GridPane();
    head.setHgap(10);
    head.setVgap(6);
    Label whLabel =
        new Label(messages.get(kind == Kind.TRANSFER ? "stock.transfer.from" : "stock.warehouse"));
    whLabel.setLabelFor(warehouse);
    head.addRow(0, whLabel, warehouse, whError);
    int r = 1;
    if (kind == Kind.TRANSFER) {
      ComboBox<String> to = new ComboBox<>(vm.warehouses());
      to.setId("moveToWarehouse");
      to.valueProperty().bindBidirectional(vm.toWarehouseProperty());
      Label toError = error("moveToWarehouseError");
      toError.textProperty().bind(vm.toWarehouseErrorProperty());
      Label toLabel = new Label(messages.get("stock.transfer.to"));
      toLabel.setLabelFor(to);
      head.addRow(r++, toLabel, to, toError);
    }
    head.addRow(r, new Label(messages.get("stock.reference")), reference);
    if (kind == Kind.COUNT) {
      warehouse.valueProperty().addListener((o, a, b) -> vm.loadBooked());
    }

    GridPane grid = new GridPane();
    grid.setId("moveLines");
    grid.setHgap(10);
    grid.setVgap(4);
    Runnable rebuild = () -> rebuild(grid, vm, messages);
    vm.lines()
        .addListener(
            (ListChangeListener<StockMoveViewModel.Line>)
                c -> {
                  boolean structural = false;
                  while (c.next()) {
                    structural |= c.wasAdded() || c.wasRemoved();
                  }
                  if (structural) {
                    rebuild.run();
                  }
                });
    rebuild.run();
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(420);

    Button add = new Button(messages.get("stock.move.addLine"), new FontIcon(Material2AL.ADD));
    add.setId("moveAddLine");
    add.setMnemonicParsing(true);
    add.setOnAction(e -> vm.addLine());
    add.setVisible(kind != Kind.COUNT);
    add.setManaged(kind != Kind.COUNT);

    Button post =
        new Button(
            messages.get("stock." + kind.key() + ".post"),
            new FontIcon(kind == Kind.COUNT ? Material2AL.FACT_CHECK : Material2MZ.MOVE_TO_INBOX));
    post.setId("postMove");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = error("moveMessage");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    Label done = new Label();
    done.setId("movePosted");
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    done.textProperty().bind(vm.postedProperty());
    HBox buttons = new HBox(10, add, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(12, title, head, scroll, buttons, done);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static void rebuild(GridPane grid, StockMoveViewModel vm, Messages m) {
    Kind kind = vm.kind();
    grid.getChildren().clear();
    int col = 0;
    grid.add(muted(m.get("stock.item")), col++, 0);
    grid.add(muted(m.get("stock.lot")), col++, 0);
    if (kind == Kind.COUNT) {
      grid.add(muted(m.get("stock.count.booked")), col++, 0);
    }
    grid.add(muted(m.get(kind == Kind.COUNT ? "stock.count.counted" : "stock.quantity")), col++, 0);
    if (kind == Kind.RECEIPT) {
      grid.add(muted(m.get("stock.unitCost")), col++, 0);
    }
    int row = 1;
    for (StockMoveViewModel.Line l : vm.lines()) {
      int c = 0;
      int n = row;
      TextField item = field("line-" + n + "-item", 10, l.itemProperty());
      TextField lot = field("line-" + n + "-lot", 8, l.lotProperty());
      TextField qty = field("line-" + n + "-qty", 9, l.quantityProperty());
      qty.setAlignment(Pos.CENTER_RIGHT);
      if (kind == Kind.COUNT) {
        item.setEditable(false);
        lot.setEditable(false);
        item.setFocusTraversable(false);
        lot.setFocusTraversable(false);
      }
      grid.add(item, c++, row);
      grid.add(lot, c++, row);
      if (kind == Kind.COUNT) {
        Label booked = new Label(l.booked() + " " + l.unit());
        booked.setMinWidth(90);
        booked.setAlignment(Pos.CENTER_RIGHT);
        grid.add(booked, c++, row);
      }
      grid.add(qty, c++, row);
      if (kind == Kind.RECEIPT) {
        TextField cost = field("line-" + n + "-cost", 9, l.costProperty());
        cost.setAlignment(Pos.CENTER_RIGHT);
        grid.add(cost, c++, row);
      }
      if (kind != Kind.COUNT) {
        Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
        remove.getStyleClass().addAll(atlantafx.base.theme.Styles.FLAT);
        remove.setFocusTraversable(false);
        remove.setOnAction(e -> vm.removeLine(l));
        grid.add(remove, c++, row);
      }
      Label error = error("line-" + n + "-error");
      error.textProperty().bind(l.errorProperty());
      grid.add(error, c, row);
      row++;
    }
  }

  private static TextField field(
      String id, int columns, javafx.beans.property.StringProperty value) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(columns);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  private static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    return l;
  }

  private static Label error(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    return l;
  }

  public Node focusTarget() {
    return warehouse;
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(warehouse::requestFocus);
  }
}
