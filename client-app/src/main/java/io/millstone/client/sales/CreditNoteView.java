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
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** A credit note against an invoice: the reason, the date, and per line how much is taken back. */
public final class CreditNoteView extends BorderPane {
  private TextField first;

  public CreditNoteView(CreditNoteViewModel vm, Messages messages, DialogService dialogs) {
    setId("creditNoteView");
    Label title =
        new Label(
            messages.get(
                "sales.credit.title", vm.invoice().getNumber(), vm.invoice().getCustomerName()));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    TextField reason = new TextField();
    reason.setId("creditReason");
    reason.setPrefColumnCount(30);
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    Label reasonError = error("creditReasonError");
    reasonError.textProperty().bind(vm.reasonErrorProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("creditDate");
    date.valueProperty().bindBidirectional(vm.dateProperty());
    GridPane head = new GridPane();
    head.setHgap(10);
    head.setVgap(6);
    Label reasonLabel = new Label(messages.get("sales.credit.reason"));
    reasonLabel.setLabelFor(reason);
    head.addRow(0, reasonLabel, reason, reasonError);
    head.addRow(1, new Label(messages.get("sales.order.date")), date);

    GridPane grid = new GridPane();
    grid.setId("creditLines");
    grid.setHgap(10);
    grid.setVgap(4);
    grid.addRow(
        0,
        muted(messages.get("sales.line.item")),
        muted(messages.get("sales.line.name")),
        muted(messages.get("sales.credit.invoiced")),
        muted(messages.get("sales.line.price")),
        muted(messages.get("sales.credit.takeBack")));
    int row = 1;
    for (CreditNoteViewModel.Line l : vm.lines()) {
      int n = l.line().getLineNo();
      TextField qty = new TextField();
      qty.setId("credit-" + n + "-qty");
      qty.setPrefColumnCount(8);
      qty.setAlignment(Pos.CENTER_RIGHT);
      qty.textProperty().bindBidirectional(l.quantityProperty());
      if (first == null) {
        first = qty;
      }
      Label error = error("credit-" + n + "-error");
      error.textProperty().bind(l.errorProperty());
      grid.addRow(
          row++,
          new Label(l.line().getItemCode()),
          new Label(l.line().getItemName()),
          right(Amounts.quantityShown(l.creditable())),
          right(Amounts.money(l.line().getUnitPrice().getAmount())),
          qty,
          error);
    }
    Button post =
        new Button(messages.get("sales.credit.post"), new FontIcon(Material2MZ.RECEIPT_LONG));
    post.setId("postCreditNote");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = error("creditMessage");
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

  private static Label right(String text) {
    Label l = new Label(text);
    l.setMinWidth(90);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }

  private static Label error(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    return l;
  }

  public void focusFirst() {
    if (first != null) {
      javafx.application.Platform.runLater(first::requestFocus);
    }
  }
}
