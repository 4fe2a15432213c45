package io.millstone.client.sales;

import io.millstone.api.sales.v1.Invoice;
import io.millstone.api.sales.v1.InvoiceLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.ProtoValues;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A posted tax invoice as the server holds it: number, customer and BIN, lines with VAT, totals,
 * and the journal voucher it was posted with. Nothing here can be changed; a correction is a credit
 * note.
 */
public final class InvoiceView extends BorderPane {

  public InvoiceView(Invoice inv, Messages messages) {
    setId("invoiceView");
    Label title =
        new Label(
            messages.get(
                inv.getKind() == io.millstone.api.sales.v1.InvoiceKind.INVOICE_KIND_CREDIT_NOTE
                    ? "sales.invoice.creditNote"
                    : "sales.invoice.heading"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    Label number = value("invoiceNumber", inv.getNumber());
    number.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox head = new HBox(12, title, number, grow);
    head.setAlignment(Pos.CENTER_LEFT);

    GridPane facts = new GridPane();
    facts.setHgap(12);
    facts.setVgap(4);
    int r = 0;
    facts.addRow(
        r++,
        key(messages, "sales.invoice.customer"),
        value("invoiceCustomer", inv.getCustomerCode() + "  " + inv.getCustomerName()));
    facts.addRow(
        r++,
        key(messages, "sales.invoice.bin"),
        value(
            "invoiceBin",
            inv.getCustomerBin().isBlank()
                ? messages.get("sales.invoice.noBin")
                : inv.getCustomerBin()));
    facts.addRow(
        r++, key(messages, "sales.invoice.order"), value("invoiceOrder", inv.getOrderNumber()));
    facts.addRow(
        r++,
        key(messages, "sales.invoice.date"),
        value("invoiceDate", text(ProtoValues.date(inv.getInvoiceDate()))));
    facts.addRow(
        r++,
        key(messages, "sales.invoice.due"),
        value("invoiceDue", text(ProtoValues.date(inv.getDueDate()))));
    facts.addRow(
        r++, key(messages, "sales.invoice.jv"), value("invoiceJv", inv.getJournalEntryNumber()));

    TableView<InvoiceLine> lines = new TableView<>();
    lines.setId("invoiceLines");
    lines.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
    lines.getItems().setAll(inv.getLinesList());
    lines
        .getColumns()
        .addAll(
            List2.of(
                column(messages, "sales.line.item", 110, false, InvoiceLine::getItemCode),
                column(messages, "sales.line.name", 240, false, InvoiceLine::getItemName),
                column(
                    messages,
                    "sales.line.quantity",
                    90,
                    true,
                    l -> Amounts.quantityShown(l.getQuantity().getValue())),
                column(
                    messages,
                    "sales.line.price",
                    120,
                    true,
                    l -> Amounts.money(l.getUnitPrice().getAmount())),
                column(
                    messages,
                    "sales.line.net",
                    130,
                    true,
                    l -> Amounts.money(l.getNet().getAmount())),
                column(
                    messages,
                    "sales.line.vatRate",
                    70,
                    true,
                    l -> Amounts.quantityShown(l.getVatRatePercent().getValue()) + "%"),
                column(
                    messages,
                    "sales.line.vat",
                    120,
                    true,
                    l -> Amounts.money(l.getVat().getAmount()))));
    lines.setFixedCellSize(30);
    lines.setPrefHeight(36 + 30 * Math.max(2, inv.getLinesCount()));
    lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

    GridPane totals = new GridPane();
    totals.setHgap(12);
    totals.setVgap(2);
    String cur = inv.getGross().getCurrencyCode();
    totals.addRow(
        0, key(messages, "sales.order.net"), money("invoiceNet", inv.getNet().getAmount(), cur));
    totals.addRow(
        1, key(messages, "sales.order.vat"), money("invoiceVat", inv.getVat().getAmount(), cur));
    Label gross = money("invoiceGross", inv.getGross().getAmount(), cur);
    gross.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    totals.addRow(2, key(messages, "sales.order.gross"), gross);
    totals.addRow(
        3,
        key(messages, "sales.invoice.open"),
        money("invoiceOpen", inv.getOpen().getAmount(), cur));
    HBox totalsRow = new HBox(totals);
    totalsRow.setAlignment(Pos.CENTER_RIGHT);

    VBox body = new VBox(12, head, facts, lines, totalsRow);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  /** Keeps the column list's generic type in one place. */
  private static final class List2 {
    @SafeVarargs
    static <T> java.util.List<TableColumn<T, String>> of(TableColumn<T, String>... cols) {
      return java.util.List.of(cols);
    }
  }

  private static String text(LocalDate d) {
    return Dates.date(d);
  }

  private static TableColumn<InvoiceLine, String> column(
      Messages m, String key, double width, boolean right, Function<InvoiceLine, String> text) {
    TableColumn<InvoiceLine, String> c = new TableColumn<>(m.get(key));
    c.setCellValueFactory(cd -> new SimpleStringProperty(text.apply(cd.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    if (right) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  private static Label key(Messages m, String k) {
    Label l = new Label(m.get(k));
    l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    return l;
  }

  private static Label value(String id, String text) {
    Label l = new Label(text);
    l.setId(id);
    return l;
  }

  private static Label money(String id, String amount, String currency) {
    Label l = value(id, Amounts.money(amount) + " " + currency);
    l.setMinWidth(160);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }
}
