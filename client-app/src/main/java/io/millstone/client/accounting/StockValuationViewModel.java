package io.millstone.client.accounting;

import io.millstone.api.inventory.v1.StockValuation;
import io.millstone.api.inventory.v1.ValuationLine;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Stock valued from the stock ledger (quantity × moving average cost per item) beside the inventory
 * accounts' balance in the books, and the difference between the two.
 */
public final class StockValuationViewModel extends AbstractViewModel {
  private final LedgerGateway gateway;
  private final Messages messages;
  private final ObservableList<ValuationLine> lines = FXCollections.observableArrayList();
  private final StringProperty stockTotal = new SimpleStringProperty("");
  private final StringProperty ledgerBalance = new SimpleStringProperty("");
  private final StringProperty difference = new SimpleStringProperty("");
  private final BooleanProperty agrees = new SimpleBooleanProperty(true);

  public StockValuationViewModel(
      LedgerGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
  }

  public void load() {
    setBusy(true);
    setMessage("");
    executor.submit(
        gateway::stockValuation,
        v -> {
          setBusy(false);
          show(v);
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
        });
  }

  private void show(StockValuation v) {
    lines.setAll(v.getLinesList());
    BigDecimal stock = Amounts.of(v.getTotal().getAmount());
    BigDecimal books = Amounts.of(v.getLedgerBalance().getAmount());
    String currency = v.getTotal().getCurrencyCode();
    stockTotal.set(messages.get("accounting.valuation.stock", Amounts.money(stock), currency));
    ledgerBalance.set(messages.get("accounting.valuation.books", Amounts.money(books), currency));
    BigDecimal diff = stock.subtract(books);
    agrees.set(diff.signum() == 0);
    difference.set(
        diff.signum() == 0
            ? messages.get("accounting.valuation.agree")
            : messages.get("accounting.valuation.difference", Amounts.money(diff), currency));
  }

  public ObservableList<ValuationLine> lines() {
    return lines;
  }

  public StringProperty stockTotalProperty() {
    return stockTotal;
  }

  public StringProperty ledgerBalanceProperty() {
    return ledgerBalance;
  }

  public StringProperty differenceProperty() {
    return difference;
  }

  public BooleanProperty agreesProperty() {
    return agrees;
  }
}
