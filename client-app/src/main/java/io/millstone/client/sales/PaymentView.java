package io.millstone.client.sales;

import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import io.millstone.client.core.Styles;
import io.millstone.client.remote.ProtoValues;
import javafx.collections.ListChangeListener;
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

/**
 * A customer payment: customer, amount, method, reference, and its allocation to open invoices,
 * oldest first unless changed.
 */
public final class PaymentView extends BorderPane {
  private final TextField customer = new TextField();
  private final TextField amount = new TextField();

  public PaymentView(PaymentViewModel vm, Messages messages, DialogService dialogs) {
    setId("paymentView");
    Label title = new Label(messages.get("sales.payment.title"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);

    customer.setId("paymentCustomer");
    customer.setPrefColumnCount(12);
    customer.textProperty().bindBidirectional(vm.customerCodeProperty());
    customer.setOnAction(e -> vm.loadInvoices());
    customer
        .focusedProperty()
        .addListener(
            (o, a, b) -> {
              if (!b) {
                vm.loadInvoices();
              }
            });
    amount.setId("paymentAmount");
    amount.setPrefColumnCount(12);
    amount.setAlignment(Pos.CENTER_RIGHT);
    amount.textProperty().bindBidirectional(vm.amountProperty());
    ComboBox<String> method = new ComboBox<>();
    method.setId("paymentMethod");
    method.getItems().setAll(PaymentViewModel.METHODS);
    method.valueProperty().bindBidirectional(vm.methodProperty());
    method.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(String m) {
            return m == null ? "" : messages.get("sales.payment.method." + m);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    TextField reference = new TextField();
    reference.setId("paymentReference");
    reference.setPrefColumnCount(16);
    reference.textProperty().bindBidirectional(vm.referenceProperty());
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("paymentDate");
    date.valueProperty().bindBidirectional(vm.dateProperty());
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(6);
    form.addRow(
        0,
        new Label(messages.get("sales.order.customer")),
        customer,
        new Label(messages.get("sales.order.date")),
        date);
    form.addRow(
        1,
        new Label(messages.get("sales.payment.amount")),
        amount,
        new Label(messages.get("sales.payment.method")),
        method);
    form.addRow(2, new Label(messages.get("sales.payment.reference")), reference);

    GridPane grid = new GridPane();
    grid.setId("allocations");
    grid.setHgap(12);
    grid.setVgap(4);
    Runnable rebuild =
        () -> {
          grid.getChildren().clear();
          grid.addRow(
              0,
              muted(messages.get("sales.payment.invoice")),
              muted(messages.get("sales.invoice.date")),
              muted(messages.get("sales.invoice.due")),
              muted(messages.get("sales.order.gross")),
              muted(messages.get("sales.invoice.open")),
              muted(messages.get("sales.payment.allocation")));
          int row = 1;
          for (PaymentViewModel.Allocation a : vm.allocations()) {
            TextField part = new TextField();
            part.setId("allocation-" + a.invoice().getNumber());
            part.setPrefColumnCount(10);
            part.setAlignment(Pos.CENTER_RIGHT);
            part.textProperty().bindBidirectional(a.amountProperty());
            Label error = new Label();
            error.getStyleClass().add(Styles.ERROR_TEXT);
            error.textProperty().bind(a.errorProperty());
            grid.addRow(
                row++,
                new Label(a.invoice().getNumber()),
                new Label(String.valueOf(ProtoValues.date(a.invoice().getInvoiceDate()))),
                new Label(String.valueOf(ProtoValues.date(a.invoice().getDueDate()))),
                right(Amounts.money(a.invoice().getGross().getAmount())),
                right(Amounts.money(a.open())),
                part,
                error);
          }
        };
    vm.allocations()
        .addListener(
            (ListChangeListener<PaymentViewModel.Allocation>)
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
    Label allocated = new Label();
    allocated.setId("allocatedText");
    allocated.textProperty().bind(vm.allocatedTextProperty());
    Button spread = new Button(messages.get("sales.payment.oldestFirst"));
    spread.setId("allocateOldestFirst");
    spread.setOnAction(e -> vm.distribute());
    HBox allocRow = new HBox(12, allocated, spread);
    allocRow.setAlignment(Pos.CENTER_LEFT);

    javafx.scene.control.CheckBox onAccount =
        new javafx.scene.control.CheckBox(messages.get("sales.advance.keepRest"));
    onAccount.setId("paymentOnAccount");
    onAccount.selectedProperty().bindBidirectional(vm.onAccountProperty());
    allocRow.getChildren().add(onAccount);
    Label advances = new Label();
    advances.setId("advancesText");
    advances.textProperty().bind(vm.advancesTextProperty());
    Button apply = new Button(messages.get("sales.advance.apply"));
    apply.setId("applyAdvances");
    apply.setMnemonicParsing(true);
    apply.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.advances()));
    apply.managedProperty().bind(apply.visibleProperty());
    apply.disableProperty().bind(vm.busyProperty());
    apply.setOnAction(
        e -> {
          var s = vm.advancesSummary();
          if (s != null && dialogs.confirmPosting(s)) {
            vm.applyAdvances();
          }
        });
    HBox advanceRow = new HBox(12, advances, apply);
    advanceRow.setAlignment(Pos.CENTER_LEFT);
    Button post =
        new Button(
            messages.get("sales.payment.post"), new FontIcon(Material2AL.ACCOUNT_BALANCE_WALLET));
    post.setId("postPayment");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    // Never Enter: the button or Ctrl+P, then a confirmation of what will be posted.
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = new Label();
    message.setId("paymentMessage");
    message.getStyleClass().add(Styles.ERROR_TEXT);
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    Label done = new Label();
    done.setId("paymentPosted");
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    done.textProperty().bind(vm.postedProperty());
    HBox buttons = new HBox(10, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(12, title, form, grid, allocRow, advanceRow, buttons, done);
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
    l.setMinWidth(110);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }

  /** The caret starts at the customer, or at the amount when the customer is given. */
  public void focusFirst() {
    javafx.application.Platform.runLater(
        () -> (customer.getText().isBlank() ? customer : amount).requestFocus());
  }
}
