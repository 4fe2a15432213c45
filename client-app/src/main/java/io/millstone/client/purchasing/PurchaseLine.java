package io.millstone.client.purchasing;

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
 * One line of the purchase order being entered: item code, quantity and the price agreed with the
 * supplier as typed, and the line's net and VAT (the client's estimate until the server has priced
 * the line).
 */
public final class PurchaseLine {
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
  private boolean itemError;

  PurchaseLine() {
    itemCode.addListener(
        (o, a, b) -> {
          itemError = false;
          edited();
        });
    quantity.addListener((o, a, b) -> edited());
    price.addListener((o, a, b) -> edited());
    rate.addListener((o, a, b) -> recompute());
  }

  private void edited() {
    serverNet = null;
    serverVat = null;
    if (!itemError) {
      error.set("");
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

  void setItem(Item i, BigDecimal vatRate) {
    item.set(i);
    itemName.set(i == null ? "" : i.getName());
    unit.set(i == null ? "" : i.getUnitCode());
    rate.set(vatRate);
  }

  void unknownItem(String text) {
    setItem(null, BigDecimal.ZERO);
    itemError = true;
    error.set(text);
  }

  boolean isUnknownItem() {
    return itemError;
  }

  /** Shows a line as the server priced it. */
  void loadFromServer(io.millstone.api.purchasing.v1.PurchaseOrderLine l) {
    itemCode.set(l.getItemCode());
    itemName.set(l.getItemName());
    unit.set(l.getUnitCode());
    quantity.set(Amounts.quantity(l.getQuantity().getValue()));
    price.set(Amounts.quantity(l.getUnitPrice().getAmount()));
    rate.set(Amounts.of(l.getVatRatePercent().getValue()));
    serverNet = Amounts.of(l.getNet().getAmount());
    serverVat = Amounts.of(l.getVat().getAmount());
    error.set("");
    recompute();
  }

  public boolean isBlank() {
    return itemCode.get().isBlank() && quantity.get().isBlank() && price.get().isBlank();
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
}
