package io.millstone.client.production;

import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bill of materials: the product, its inputs per base quantity, and its outputs typed main,
 * co-product or by-product, each carrying a share of the run's cost. The shares' sum is shown as
 * they are typed and a BOM whose shares do not make 100 % is not sent.
 */
public final class BomViewModel extends AbstractViewModel {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  public static final List<OutputType> TYPES =
      List.of(
          OutputType.OUTPUT_TYPE_MAIN,
          OutputType.OUTPUT_TYPE_CO_PRODUCT,
          OutputType.OUTPUT_TYPE_BY_PRODUCT);
  public static final List<OutputFigure> FIGURES =
      List.of(
          OutputFigure.OUTPUT_FIGURE_SUGAR,
          OutputFigure.OUTPUT_FIGURE_MOLASSES,
          OutputFigure.OUTPUT_FIGURE_BAGASSE,
          OutputFigure.OUTPUT_FIGURE_PRESS_MUD,
          OutputFigure.OUTPUT_FIGURE_OTHER);

  /** One input line as typed. */
  public static final class InputRow {
    private final StringProperty item = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public StringProperty itemProperty() {
      return item;
    }

    public StringProperty quantityProperty() {
      return quantity;
    }

    public StringProperty nameProperty() {
      return name;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  /** One output line as typed. */
  public static final class OutputRow {
    private final StringProperty item = new SimpleStringProperty("");
    private final ObjectProperty<OutputType> type =
        new SimpleObjectProperty<>(OutputType.OUTPUT_TYPE_BY_PRODUCT);
    private final ObjectProperty<OutputFigure> figure =
        new SimpleObjectProperty<>(OutputFigure.OUTPUT_FIGURE_OTHER);
    private final StringProperty share = new SimpleStringProperty("");
    private final StringProperty expected = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public StringProperty itemProperty() {
      return item;
    }

    public ObjectProperty<OutputType> typeProperty() {
      return type;
    }

    public ObjectProperty<OutputFigure> figureProperty() {
      return figure;
    }

    public StringProperty shareProperty() {
      return share;
    }

    public StringProperty expectedProperty() {
      return expected;
    }

    public StringProperty nameProperty() {
      return name;
    }

    public StringProperty errorProperty() {
      return error;
    }
  }

  private final ProductionGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<Bom> boms = FXCollections.observableArrayList();
  private final StringProperty code = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty product = new SimpleStringProperty("");
  private final StringProperty baseQuantity = new SimpleStringProperty("100");
  private final StringProperty expectedLoss = new SimpleStringProperty("");
  private final BooleanProperty active = new SimpleBooleanProperty(true);
  private long version;
  private final ObservableList<InputRow> inputs = FXCollections.observableArrayList();
  private final ObservableList<OutputRow> outputs = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper shareTotal = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper sharesMakeHundred = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper codeFixed = new ReadOnlyBooleanWrapper(false);

  public BomViewModel(
      ProductionGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    newBom();
  }

  /** Loads the company's BOMs; the first opens. */
  public void refresh() {
    executor.submit(
        gateway::boms,
        list -> {
          boms.setAll(list);
          if (code.get().isBlank() && !list.isEmpty()) {
            load(list.get(0));
          }
        },
        this::failed);
  }

  /** An empty BOM with one input and one (main) output line to type into. */
  public void newBom() {
    code.set("");
    name.set("");
    product.set("");
    baseQuantity.set("100");
    expectedLoss.set("");
    active.set(true);
    version = 0;
    codeFixed.set(false);
    inputs.clear();
    outputs.clear();
    addInput();
    OutputRow main = addOutput();
    main.type.set(OutputType.OUTPUT_TYPE_MAIN);
    setMessage("");
  }

  /**
   * Opens a BOM picked in the list: shown at once, then as the server has it now (someone may have
   * saved a new version since the list was read).
   */
  public void open(Bom b) {
    load(b);
    String c = b.getCode();
    long v = b.getVersion();
    executor.submit(
        () -> gateway.bom(c),
        fresh -> {
          if (code.get().equals(c) && version == v && fresh.getVersion() != v) {
            load(fresh);
            boms.replaceAll(x -> x.getCode().equals(c) ? fresh : x);
          }
        },
        this::failed);
  }

  public void load(Bom b) {
    code.set(b.getCode());
    name.set(b.getName());
    product.set(b.getProductItemCode());
    baseQuantity.set(Amounts.quantity(b.getBaseQuantity().getValue()));
    expectedLoss.set(Amounts.quantity(b.getExpectedLossPercent().getValue()));
    active.set(b.getActive());
    version = b.getVersion();
    codeFixed.set(true);
    inputs.clear();
    for (BomInput i : b.getInputsList()) {
      InputRow r = addInput();
      r.item.set(i.getItemCode());
      r.quantity.set(Amounts.quantity(i.getQuantity().getValue()));
      r.name.set(i.getItemName() + (i.getUnitCode().isEmpty() ? "" : " (" + i.getUnitCode() + ")"));
    }
    outputs.clear();
    for (BomOutput o : b.getOutputsList()) {
      OutputRow r = addOutput();
      r.item.set(o.getItemCode());
      r.type.set(o.getType());
      r.figure.set(o.getFigure());
      r.share.set(Amounts.quantity(o.getCostSharePercent().getValue()));
      r.expected.set(Amounts.quantity(o.getExpectedQuantity().getValue()));
      r.name.set(o.getItemName() + (o.getUnitCode().isEmpty() ? "" : " (" + o.getUnitCode() + ")"));
    }
    recomputeShares();
    setMessage("");
  }

  public InputRow addInput() {
    InputRow r = new InputRow();
    r.quantity.addListener((o, a, b) -> r.error.set(""));
    inputs.add(r);
    return r;
  }

  public OutputRow addOutput() {
    OutputRow r = new OutputRow();
    r.share.addListener((o, a, b) -> recomputeShares());
    outputs.add(r);
    recomputeShares();
    return r;
  }

  public void removeInput(InputRow r) {
    inputs.remove(r);
  }

  public void removeOutput(OutputRow r) {
    outputs.remove(r);
    recomputeShares();
  }

  private void recomputeShares() {
    BigDecimal sum = BigDecimal.ZERO;
    boolean readable = true;
    for (OutputRow r : outputs) {
      if (r.share.get().isBlank()) {
        continue;
      }
      BigDecimal v = Amounts.parse(r.share.get());
      if (v == null) {
        readable = false;
      } else {
        sum = sum.add(v);
      }
    }
    shareTotal.set(
        readable
            ? messages.get("production.bom.shareTotal", Amounts.quantityShown(sum))
            : messages.get("production.bom.shareUnreadable"));
    sharesMakeHundred.set(readable && sum.compareTo(HUNDRED) == 0);
  }

  /** Saves the BOM when every line reads and the shares make 100 %; else says what to fix. */
  public void save() {
    if (isBusy()) {
      return;
    }
    ProductionGateway.BomDraft d = draft();
    if (d == null) {
      return;
    }
    setBusy(true);
    setMessage("");
    executor.submit(
        () -> gateway.saveBom(d),
        saved -> {
          setBusy(false);
          notifier.notify(
              messages.get("production.bom.saved"), saved.getCode() + " " + saved.getName());
          load(saved);
          boms.removeIf(b -> b.getCode().equals(saved.getCode()));
          boms.add(saved);
          boms.sort(java.util.Comparator.comparing(Bom::getCode));
        },
        this::failed);
  }

  /** The BOM as it would be sent, or null with the problems shown. */
  ProductionGateway.BomDraft draft() {
    boolean ok = true;
    if (code.get().isBlank() || name.get().isBlank() || product.get().isBlank()) {
      setMessage(messages.get("production.bom.headRequired"));
      return null;
    }
    BigDecimal base = Amounts.parse(baseQuantity.get());
    if (base == null || base.signum() <= 0) {
      setMessage(messages.get("production.bom.basePositive"));
      return null;
    }
    BigDecimal loss =
        expectedLoss.get().isBlank() ? BigDecimal.ZERO : Amounts.parse(expectedLoss.get());
    if (loss == null || loss.signum() < 0 || loss.compareTo(HUNDRED) >= 0) {
      setMessage(messages.get("production.bom.lossRange"));
      return null;
    }
    List<ProductionGateway.BomInputLine> in = new ArrayList<>();
    for (InputRow r : inputs) {
      if (r.item.get().isBlank() && r.quantity.get().isBlank()) {
        continue;
      }
      BigDecimal q = Amounts.parse(r.quantity.get());
      if (r.item.get().isBlank() || q == null || q.signum() <= 0) {
        r.error.set(messages.get("production.bom.lineIncomplete"));
        ok = false;
      } else {
        in.add(new ProductionGateway.BomInputLine(r.item.get().trim(), q));
      }
    }
    List<ProductionGateway.BomOutputLine> out = new ArrayList<>();
    for (OutputRow r : outputs) {
      if (r.item.get().isBlank() && r.share.get().isBlank() && r.expected.get().isBlank()) {
        continue;
      }
      BigDecimal s = Amounts.parse(r.share.get());
      BigDecimal e = r.expected.get().isBlank() ? BigDecimal.ZERO : Amounts.parse(r.expected.get());
      if (r.item.get().isBlank() || s == null || s.signum() < 0 || e == null || e.signum() < 0) {
        r.error.set(messages.get("production.bom.outputIncomplete"));
        ok = false;
      } else {
        r.error.set("");
        out.add(
            new ProductionGateway.BomOutputLine(
                r.item.get().trim(), r.type.get(), r.figure.get(), s, e));
      }
    }
    if (!ok) {
      setMessage(messages.get("form.fixFields"));
      return null;
    }
    if (in.isEmpty() || out.isEmpty()) {
      setMessage(messages.get("production.bom.needLines"));
      return null;
    }
    if (!sharesMakeHundred.get()) {
      setMessage(messages.get("production.bom.sharesNot100", shareTotal.get()));
      return null;
    }
    if (out.stream().filter(o -> o.type() == OutputType.OUTPUT_TYPE_MAIN).count() != 1) {
      setMessage(messages.get("production.bom.oneMain"));
      return null;
    }
    return new ProductionGateway.BomDraft(
        code.get().trim(),
        name.get().trim(),
        product.get().trim(),
        base,
        in,
        out,
        loss,
        active.get(),
        version);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public static String typeName(OutputType t, Messages m) {
    return switch (t) {
      case OUTPUT_TYPE_MAIN -> m.get("production.type.main");
      case OUTPUT_TYPE_CO_PRODUCT -> m.get("production.type.co");
      case OUTPUT_TYPE_BY_PRODUCT -> m.get("production.type.by");
      default -> "";
    };
  }

  public static String figureName(OutputFigure f, Messages m) {
    return switch (f) {
      case OUTPUT_FIGURE_SUGAR -> m.get("production.figure.sugar");
      case OUTPUT_FIGURE_MOLASSES -> m.get("production.figure.molasses");
      case OUTPUT_FIGURE_BAGASSE -> m.get("production.figure.bagasse");
      case OUTPUT_FIGURE_PRESS_MUD -> m.get("production.figure.pressMud");
      case OUTPUT_FIGURE_OTHER -> m.get("production.figure.other");
      default -> "";
    };
  }

  public ObservableList<Bom> boms() {
    return boms;
  }

  public StringProperty codeProperty() {
    return code;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty productProperty() {
    return product;
  }

  public StringProperty baseQuantityProperty() {
    return baseQuantity;
  }

  public StringProperty expectedLossProperty() {
    return expectedLoss;
  }

  public BooleanProperty activeProperty() {
    return active;
  }

  public ObservableList<InputRow> inputs() {
    return inputs;
  }

  public ObservableList<OutputRow> outputs() {
    return outputs;
  }

  public ReadOnlyStringProperty shareTotalProperty() {
    return shareTotal.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty sharesMakeHundredProperty() {
    return sharesMakeHundred.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty codeFixedProperty() {
    return codeFixed.getReadOnlyProperty();
  }
}
