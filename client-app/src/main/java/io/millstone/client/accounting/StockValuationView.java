package io.millstone.client.accounting;

import static io.millstone.client.accounting.GeneralLedgerView.column;

import io.millstone.api.inventory.v1.ValuationLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Stock value per item from the stock ledger; under it the books' inventory and the difference. */
public final class StockValuationView extends BorderPane {
  public StockValuationView(StockValuationViewModel vm, Messages messages) {
    setId("stockValuation");
    Button refresh =
        new Button(messages.get("accounting.gl.show"), new FontIcon(Material2MZ.REFRESH));
    refresh.setId("valuationRefresh");
    refresh.setMnemonicParsing(true);
    refresh.setOnAction(e -> vm.load());
    refresh.disableProperty().bind(vm.busyProperty());
    HBox bar = new HBox(8, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);
    TableView<ValuationLine> table = new TableView<>(vm.lines());
    table.setId("valuationTable");
    table
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
    table.setPlaceholder(new Label(messages.get("list.empty")));
    table
        .getColumns()
        .addAll(
            List.of(
                column(
                    messages.get("accounting.valuation.item"),
                    120,
                    false,
                    ValuationLine::getItemCode),
                column(
                    messages.get("accounting.valuation.name"),
                    260,
                    false,
                    ValuationLine::getItemName),
                column(
                    messages.get("accounting.valuation.quantity"),
                    150,
                    true,
                    l -> Amounts.quantityShown(l.getQuantity().getValue()) + " " + l.getUnitCode()),
                column(
                    messages.get("accounting.valuation.cost"),
                    150,
                    true,
                    l -> Amounts.money(l.getAverageCost().getAmount())),
                column(
                    messages.get("accounting.valuation.value"),
                    170,
                    true,
                    l -> Amounts.money(l.getValue().getAmount()))));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    setCenter(table);
    Label stock = new Label();
    stock.setId("valuationStock");
    stock.textProperty().bind(vm.stockTotalProperty());
    Label books = new Label();
    books.setId("valuationBooks");
    books.textProperty().bind(vm.ledgerBalanceProperty());
    Label diff = new Label();
    diff.setId("valuationDifference");
    diff.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    diff.textProperty().bind(vm.differenceProperty());
    vm.agreesProperty()
        .addListener(
            (o, a, ok) -> {
              diff.getStyleClass().removeAll(atlantafx.base.theme.Styles.DANGER);
              if (!ok) {
                diff.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
              }
            });
    Label message = JournalView.error("valuationMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox bottom = new VBox(4, stock, books, diff, message);
    bottom.setPadding(new Insets(6, 8, 6, 8));
    setBottom(bottom);
    vm.load();
  }
}
