package io.millstone.client.sales;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.client.core.Amounts;
import java.math.BigDecimal;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the order being entered: what was typed (item code, quantity, price) and what follows
 * from it (item name, VAT rate, line net and VAT). Net and VAT are the client's estimate until the
 * server has priced the line; then they are the server's figures until the line is edited again.
 */
public final class OrderLine {
  private final StringProperty itemCode = new SimpleStringProperty("");
  private final StringProperty quantity = new SimpleStringProperty("");
  private final StringProperty price = new SimpleStringProperty("");
  private final StringProperty itemName = new SimpleStringProperty("");
  private final StringProperty unit = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final ObjectProperty<Item> item = new SimpleObjectProperty<>();
  private final ObjectProperty<BigDecimal> rate = new SimpleObjectProperty<>(BigDecimal.ZERO);
  private final ReadOnlyObjectWrapper<BigDecimal> net = new ReadOnlyObjectWrapper<>(null);
  private final ReadOnlyObjectWrapper<BigDecimal> vat = new ReadOnlyObjectWrapper<>(null);
  private BigDecimal serverNet;
  private BigDecimal serverVat;
  private boolean priceFromItem = true;
  private boolean filling;
  private boolean itemError;
  private int lineNo;

  OrderLine() {
    itemCode.addListener(
        (o, a, b) -> {
          itemError = false;
          edited();
        });
    quantity.addListener((o, a, b) -> edited());
    price.addListener(
        (o, a, b) -> {
          if (!filling) {
            // A price typed by hand stays when the item changes.
            priceFromItem = b == null || b.isBlank();
          }
          edited();
        });
    rate.addListener((o, a, b) -> recompute());
  }

  private void edited() {
    if (!filling) {
      serverNet = null;
      serverVat = null;
      if (!itemError) {
        // An unknown item code stays marked until the code itself is changed.
        error.set("");
      }
    }
    recompute();
  }

  private void recompute() {
    if (serverNet != null) {
      net.set(serverNet);
      vat.set(serverVat);
      return;
    }
    BigDecimal q = Amounts.parse(quantity.get());
    BigDecimal p = Amounts.parse(price.get());
    if (q == null || p == null) {
      net.set(null);
      vat.set(null);
      return;
    }
    BigDecimal n = Amounts.round(q.multiply(p));
    net.set(n);
    vat.set(Amounts.round(n.multiply(rate.get()).movePointLeft(2)));
  }

  /** The item the code names, with its VAT rate; fills the price unless one was typed. */
  void setItem(Item i, BigDecimal vatRate) {
    item.set(i);
    filling = true;
    try {
      itemName.set(i == null ? "" : i.getName());
      unit.set(i == null ? "" : i.getUnitCode());
      if (i != null && priceFromItem) {
        price.set(Amounts.quantity(i.getDefaultSalePrice().getAmount()));
      }
    } finally {
      filling = false;
    }
    rate.set(vatRate);
  }

  /** Marks the item code as unknown. */
  void unknownItem(String text) {
    setItem(null, BigDecimal.ZERO);
    itemError = true;
    error.set(text);
  }

  boolean isUnknownItem() {
    return itemError;
  }

  /** Shows a line as the server priced it. */
  void loadFromServer(io.millstone.api.sales.v1.OrderLine l) {
    filling = true;
    try {
      lineNo = l.getLineNo();
      itemCode.set(l.getItemCode());
      itemName.set(l.getItemName());
      unit.set(l.getUnitCode());
      quantity.set(Amounts.quantity(l.getQuantity().getValue()));
      price.set(Amounts.quantity(l.getUnitPrice().getAmount()));
      priceFromItem = false;
      serverNet = Amounts.of(l.getNet().getAmount());
      serverVat = Amounts.of(l.getVat().getAmount());
      error.set("");
    } finally {
      filling = false;
    }
    rate.set(Amounts.of(l.getVatRatePercent().getValue()));
    recompute();
  }

  /** True when nothing was typed on the line; such lines are not sent. */
  public boolean isBlank() {
    return itemCode.get().isBlank() && quantity.get().isBlank() && price.get().isBlank();
  }

  /** "SUG-1 40 × 95000", for the conflict dialog. */
  String summary() {
    return itemCode.get().trim() + " " + quantity.get().trim() + " × " + price.get().trim();
  }

  public StringProperty itemCodeProperty() {
    return itemCode;
  }

  public StringProperty quantityProperty() {
    return quantity;
  }

  public StringProperty priceProperty() {
    return price;
  }

  public StringProperty itemNameProperty() {
    return itemName;
  }

  public StringProperty unitProperty() {
    return unit;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public ReadOnlyObjectProperty<Item> itemProperty() {
    return item;
  }

  public ObjectProperty<BigDecimal> rateProperty() {
    return rate;
  }

  public ReadOnlyObjectProperty<BigDecimal> netProperty() {
    return net.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<BigDecimal> vatProperty() {
    return vat.getReadOnlyProperty();
  }

  public boolean isPriceFromItem() {
    return priceFromItem;
  }

  /** The server's line number once saved; 0 before. */
  public int lineNo() {
    return lineNo;
  }
}
