package io.millstone.client.purchasing;

import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.ProtoValues;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The approver's queue: orders awaiting approval, the chosen one's lines, Approve and Reject. */
public final class ApprovalsView extends BorderPane {
  private final TableView<PurchaseOrder> table = new TableView<>();

  public ApprovalsView(ApprovalsViewModel vm, Messages messages) {
    setId("approvalsView");
    Label title = Ui.title(messages.get("purchasing.approvals.title"));
    table.setId("approvalsTable");
    table.setItems(vm.waiting());
    table
        .getColumns()
        .add(column(messages.get("sales.list.number"), PurchaseOrder::getNumber, 130));
    table
        .getColumns()
        .add(
            column(
                messages.get("sales.order.date"),
                o -> Dates.date(ProtoValues.date(o.getOrderDate())),
                100));
    table
        .getColumns()
        .add(
            column(messages.get("purchasing.order.supplier"), PurchaseOrder::getSupplierName, 260));
    TableColumn<PurchaseOrder, String> gross =
        column(
            messages.get("sales.order.gross"),
            o -> Amounts.money(o.getGrossTotal().getAmount()),
            140);
    gross.setStyle("-fx-alignment: CENTER-RIGHT;");
    table.getColumns().add(gross);
    table
        .getColumns()
        .add(
            column(
                messages.get("purchasing.approvals.submittedBy"),
                PurchaseOrder::getSubmittedBy,
                160));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPrefHeight(220);
    table.setPlaceholder(new Label(messages.get("purchasing.approvals.none")));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> vm.selectedProperty().set(b));
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
              }
            });

    Label lines = new Label();
    lines.setId("approvalLines");
    lines.setWrapText(true);
    lines
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(vm.selectedProperty().get()), vm.selectedProperty()));

    TextField note = new TextField();
    note.setId("approvalNote");
    note.setPromptText(messages.get("purchasing.approvals.notePrompt"));
    note.textProperty().bindBidirectional(vm.noteProperty());
    HBox.setHgrow(note, Priority.ALWAYS);
    Label noteError = Ui.error("approvalNoteError");
    noteError.textProperty().bind(vm.noteErrorProperty());
    HBox noteRow =
        new HBox(10, new Label(messages.get("purchasing.approvals.note")), note, noteError);
    noteRow.setAlignment(Pos.CENTER_LEFT);

    Button approve =
        new Button(
            messages.get("purchasing.approvals.approve"), new FontIcon(Material2AL.CHECK_CIRCLE));
    approve.setId("approveButton");
    approve.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    approve.setOnAction(e -> vm.approve());
    Button reject =
        new Button(messages.get("purchasing.approvals.reject"), new FontIcon(Material2AL.BLOCK));
    reject.setId("rejectButton");
    reject.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    reject.setOnAction(e -> vm.reject());
    for (Button b : new Button[] {approve, reject}) {
      b.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
    }
    Label message = Ui.error("approvalMessage");
    message.textProperty().bind(vm.messageProperty());
    message.setMaxWidth(800);
    HBox buttons = new HBox(10, approve, reject, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    Label done = new Label();
    done.setId("approvalDone");
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    done.textProperty().bind(vm.doneProperty());

    VBox body = new VBox(12, title, table, lines, noteRow, buttons, done);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static String describe(PurchaseOrder o) {
    if (o == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (var l : o.getLinesList()) {
      b.append(l.getItemCode())
          .append("  ")
          .append(l.getItemName())
          .append("  ")
          .append(Amounts.quantity(l.getQuantity().getValue()))
          .append(' ')
          .append(l.getUnitCode())
          .append(" × ")
          .append(Amounts.money(l.getUnitPrice().getAmount()))
          .append(" = ")
          .append(Amounts.money(l.getNet().getAmount()))
          .append('\n');
    }
    if (!o.getNote().isBlank()) {
      b.append(o.getNote());
    }
    return b.toString().strip();
  }

  private static TableColumn<PurchaseOrder, String> column(
      String title, Function<PurchaseOrder, String> value, double width) {
    TableColumn<PurchaseOrder, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(table::requestFocus);
  }
}
