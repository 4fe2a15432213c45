package io.millstone.client.purchasing;

import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A supplier's invoice against an order: their invoice number, date, and per line the billed
 * quantity and price. The server's refusal (a three-way mismatch) stands beside the Post button.
 */
public final class BillView extends BorderPane {
  private final TextField invoice = new TextField();

  public BillView(BillViewModel vm, Messages messages, DialogService dialogs) {
    setId("billView");
    Label title =
        Ui.title(
            messages.get(
                "purchasing.bill.title", vm.order().getNumber(), vm.order().getSupplierName()));
    invoice.setId("billSupplierInvoice");
    invoice.setPrefColumnCount(14);
    invoice.textProperty().bindBidirectional(vm.supplierInvoiceProperty());
    Label invoiceError = Ui.error("billInvoiceError");
    invoiceError.textProperty().bind(vm.invoiceErrorProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("billDate");
    date.valueProperty().bindBidirectional(vm.dateProperty());
    HBox head =
        new HBox(
            10,
            new Label(messages.get("purchasing.bill.supplierInvoice")),
            invoice,
            invoiceError,
            new Label(messages.get("sales.order.date")),
            date);
    head.setAlignment(Pos.CENTER_LEFT);

    GridPane grid = new GridPane();
    grid.setId("billLines");
    grid.setHgap(10);
    grid.setVgap(4);
    grid.addRow(
        0,
        Ui.muted(messages.get("sales.line.item")),
        Ui.muted(messages.get("sales.line.name")),
        Ui.mutedRight(messages.get("sales.delivery.ordered")),
        Ui.mutedRight(messages.get("purchasing.bill.received")),
        Ui.mutedRight(messages.get("purchasing.bill.orderPrice")),
        Ui.mutedRight(messages.get("purchasing.bill.quantity")),
        Ui.mutedRight(messages.get("purchasing.bill.price")));
    int row = 1;
    for (BillViewModel.Line l : vm.lines()) {
      int n = l.orderLine().getLineNo();
      TextField qty = new TextField();
      qty.setId("bill-" + n + "-qty");
      qty.setPrefColumnCount(8);
      qty.setAlignment(Pos.CENTER_RIGHT);
      qty.textProperty().bindBidirectional(l.quantityProperty());
      TextField price = new TextField();
      price.setId("bill-" + n + "-price");
      price.setPrefColumnCount(10);
      price.setAlignment(Pos.CENTER_RIGHT);
      price.textProperty().bindBidirectional(l.priceProperty());
      Label error = Ui.error("bill-" + n + "-error");
      error.textProperty().bind(l.errorProperty());
      grid.addRow(
          row++,
          new Label(l.orderLine().getItemCode()),
          new Label(l.orderLine().getItemName()),
          Ui.right(
              Amounts.quantity(l.orderLine().getQuantity().getValue())
                  + " "
                  + l.orderLine().getUnitCode()),
          Ui.right(Amounts.quantity(l.orderLine().getReceived().getValue())),
          Ui.right(Amounts.money(l.orderLine().getUnitPrice().getAmount())),
          qty,
          price,
          error);
    }
    Label net = new Label();
    net.setId("billNet");
    net.textProperty()
        .bind(
            javafx.beans.binding.Bindings.concat(
                messages.get("purchasing.bill.netTyped"), " ", vm.netTotalProperty()));

    Button post =
        new Button(messages.get("purchasing.bill.post"), new FontIcon(Material2MZ.RECEIPT));
    post.setId("postBill");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    // Never Enter: the button or Ctrl+P, then a confirmation of what will be posted.
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = Ui.error("billMessage");
    message.textProperty().bind(vm.messageProperty());
    message.setMaxWidth(900);
    HBox buttons = new HBox(10, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(12, title, head, grid, net, buttons);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(invoice::requestFocus);
  }
}
