package io.millstone.client.sales;

import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import io.millstone.client.core.Styles;
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
import org.kordamp.ikonli.material2.Material2AL;

/** Delivering an order: warehouse, date, and per open line the quantity and lot. */
public final class DeliveryView extends BorderPane {
  private TextField first;

  public DeliveryView(DeliveryViewModel vm, Messages messages, DialogService dialogs) {
    setId("deliveryView");
    Label title =
        new Label(
            messages.get(
                "sales.delivery.title", vm.order().getNumber(), vm.order().getCustomerName()));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    ComboBox<String> warehouse = new ComboBox<>(vm.warehouses());
    warehouse.setId("deliveryWarehouse");
    warehouse.valueProperty().bindBidirectional(vm.warehouseProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("deliveryDate");
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
    grid.setId("deliveryLines");
    grid.setHgap(10);
    grid.setVgap(4);
    grid.addRow(
        0,
        muted(messages.get("sales.line.item")),
        muted(messages.get("sales.line.name")),
        muted(messages.get("sales.delivery.ordered")),
        muted(messages.get("sales.delivery.open")),
        muted(messages.get("sales.delivery.quantity")),
        muted(messages.get("sales.delivery.lot")));
    int row = 1;
    for (DeliveryViewModel.Line l : vm.lines()) {
      int n = l.orderLine().getLineNo();
      TextField qty = new TextField();
      qty.setId("deliver-" + n + "-qty");
      qty.setPrefColumnCount(8);
      qty.setAlignment(Pos.CENTER_RIGHT);
      qty.textProperty().bindBidirectional(l.quantityProperty());
      TextField lot = new TextField();
      lot.setId("deliver-" + n + "-lot");
      lot.setPrefColumnCount(10);
      lot.textProperty().bindBidirectional(l.lotProperty());
      if (first == null) {
        first = qty;
      }
      Label error = new Label();
      error.setId("deliver-" + n + "-error");
      error.getStyleClass().add(Styles.ERROR_TEXT);
      error.textProperty().bind(l.errorProperty());
      grid.addRow(
          row++,
          new Label(l.orderLine().getItemCode()),
          new Label(l.orderLine().getItemName()),
          new Label(
              Amounts.quantity(l.orderLine().getQuantity().getValue())
                  + " "
                  + l.orderLine().getUnitCode()),
          new Label(Amounts.quantity(l.open())),
          qty,
          lot,
          error);
    }

    Button post =
        new Button(messages.get("sales.delivery.post"), new FontIcon(Material2AL.LOCAL_SHIPPING));
    post.setId("postDelivery");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    // Never Enter: the button or Ctrl+P, then a confirmation of what will be posted.
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = new Label();
    message.setId("deliveryMessage");
    message.getStyleClass().add(Styles.ERROR_TEXT);
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    HBox buttons = new HBox(10, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(12, title, head, grid, buttons);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    return l;
  }

  public void focusFirst() {
    if (first != null) {
      javafx.application.Platform.runLater(first::requestFocus);
    }
  }
}
