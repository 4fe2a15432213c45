package io.millstone.client.purchasing;

import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Receiving goods against an order: warehouse, date, and per line the quantity and lot. */
public final class ReceiptView extends BorderPane {
  private TextField first;

  public ReceiptView(ReceiptViewModel vm, Messages messages, DialogService dialogs) {
    setId("receiptView");
    Label title =
        Ui.title(
            messages.get(
                "purchasing.receipt.title", vm.order().getNumber(), vm.order().getSupplierName()));
    ComboBox<String> warehouse = new ComboBox<>(vm.warehouses());
    warehouse.setId("receiptWarehouse");
    warehouse.valueProperty().bindBidirectional(vm.warehouseProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("receiptDate");
    date.valueProperty().bindBidirectional(vm.dateProperty());
    HBox head =
        new HBox(
            10,
            new Label(messages.get("sales.delivery.warehouse")),
            warehouse,
            new Label(messages.get("sales.order.date")),
            date);
    head.setAlignment(Pos.CENTER_LEFT);

    GridPane grid = new GridPane();
    grid.setId("receiptLines");
    grid.setHgap(10);
    grid.setVgap(4);
    grid.addRow(
        0,
        Ui.muted(messages.get("sales.line.item")),
        Ui.muted(messages.get("sales.line.name")),
        Ui.mutedRight(messages.get("sales.delivery.ordered")),
        Ui.mutedRight(messages.get("purchasing.receipt.toReceive")),
        Ui.mutedRight(messages.get("purchasing.receipt.quantity")),
        Ui.muted(messages.get("sales.delivery.lot")));
    int row = 1;
    for (ReceiptViewModel.Line l : vm.lines()) {
      int n = l.orderLine().getLineNo();
      TextField qty = new TextField();
      qty.setId("receive-" + n + "-qty");
      qty.setPrefColumnCount(8);
      qty.setAlignment(Pos.CENTER_RIGHT);
      qty.textProperty().bindBidirectional(l.quantityProperty());
      TextField lot = new TextField();
      lot.setId("receive-" + n + "-lot");
      lot.setPrefColumnCount(10);
      lot.textProperty().bindBidirectional(l.lotProperty());
      if (first == null) {
        first = qty;
      }
      Label error = Ui.error("receive-" + n + "-error");
      error.textProperty().bind(l.errorProperty());
      grid.addRow(
          row++,
          new Label(l.orderLine().getItemCode()),
          new Label(l.orderLine().getItemName()),
          Ui.right(
              Amounts.quantity(l.orderLine().getQuantity().getValue())
                  + " "
                  + l.orderLine().getUnitCode()),
          Ui.right(Amounts.quantity(l.open())),
          qty,
          lot,
          error);
    }

    Button post =
        new Button(
            messages.get("purchasing.receipt.post"), new FontIcon(Material2MZ.MOVE_TO_INBOX));
    post.setId("postReceipt");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    // Never Enter: the button or Ctrl+P, then a confirmation of what will be posted.
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = Ui.error("receiptMessage");
    message.textProperty().bind(vm.messageProperty());
    HBox buttons = new HBox(10, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(12, title, head, grid, buttons);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  public void focusFirst() {
    if (first != null) {
      javafx.application.Platform.runLater(first::requestFocus);
    }
  }
}
