package io.millstone.client.cane;

import io.millstone.api.cane.v1.CanePrice;
import io.millstone.api.cane.v1.PurchaseCentre;
import io.millstone.api.cane.v1.Season;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.ProtoValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Seasons and cane prices: the seasons with each centre's prices by date, a new season with up to
 * three centres and their opening prices, and a new price for a centre from a date.
 */
public final class SeasonsViewModel extends AbstractViewModel {
  public static final List<String> KINDS = List.of("MILL_GATE", "OUTSIDE");

  /** What a load above its permit's quota gets: marked on its ticket, or refused. */
  public static final List<String> OVER_QUOTA = List.of("MARK", "REFUSE");

  /** One price of one centre, for the table. */
  public record PriceRow(
      String centre, String centreName, String kind, String from, String price, String limit) {}

  /** One centre line of a new season. */
  public static final class CentreLine {
    private final StringProperty warehouse = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("OUTSIDE");
    private final StringProperty price = new SimpleStringProperty("");

    public StringProperty warehouseProperty() {
      return warehouse;
    }

    public StringProperty kindProperty() {
      return kind;
    }

    public StringProperty priceProperty() {
      return price;
    }
  }

  private final CaneGateway gateway;
  private final Messages messages;
  private final ObservableList<Season> seasons = FXCollections.observableArrayList();
  private final ObjectProperty<Season> selected = new SimpleObjectProperty<>();
  private final ObservableList<PriceRow> prices = FXCollections.observableArrayList();

  private final StringProperty code = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> end = new SimpleObjectProperty<>();
  private final StringProperty overQuota = new SimpleStringProperty("MARK");
  private final List<CentreLine> lines =
      List.of(new CentreLine(), new CentreLine(), new CentreLine());

  private final StringProperty priceCentre = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> priceFrom = new SimpleObjectProperty<>(Dates.today());
  private final StringProperty price = new SimpleStringProperty("");
  private final StringProperty limit = new SimpleStringProperty("");
  private final StringProperty done = new SimpleStringProperty("");
  private String key = UUID.randomUUID().toString();

  public SeasonsViewModel(CaneGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    lines.get(0).kind.set("MILL_GATE");
    selected.addListener((o, a, b) -> showPrices(b));
    priceCentre.addListener((o, a, b) -> showLimit());
  }

  /** The chosen centre's bridge limit in the limit field, to be changed there. */
  private void showLimit() {
    Season s = selected.get();
    BigDecimal kg =
        s == null
            ? null
            : s.getCentresList().stream()
                .filter(c -> c.getWarehouseCode().equals(priceCentre.get()))
                .map(c -> Weights.of(c.getMaxWeightKg()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    limit.set(kg == null ? "" : Amounts.quantity(kg));
  }

  /** The heaviest load the chosen centre's bridge weighs; heavier weigh-ins are refused. */
  public void setBridgeLimit() {
    Season s = selected.get();
    if (s == null || priceCentre.get().isBlank()) {
      setMessage(messages.get("cane.season.pickCentre"));
      return;
    }
    BigDecimal kg = Amounts.parse(limit.get());
    if (kg == null || kg.signum() <= 0) {
      setMessage(messages.get("cane.season.limitPositive", priceCentre.get()));
      return;
    }
    setBusy(true);
    String c = priceCentre.get();
    executor.submit(
        () -> gateway.setBridgeLimit(s.getCode(), c, kg),
        season -> {
          setBusy(false);
          setMessage("");
          done.set(messages.get("cane.season.limitSet", c, Weights.kg(kg), season.getCode()));
          int i = seasons.indexOf(s);
          if (i >= 0) {
            seasons.set(i, season);
          }
          selected.set(season);
          showLimit();
        },
        this::failed);
  }

  /**
   * Opens a season picked in the list: shown at once, then as the server has it now (another desk
   * may have changed its prices since the list was read).
   */
  public void open(Season s) {
    if (s == null) {
      return;
    }
    selected.set(s);
    String code = s.getCode();
    executor.submit(
        () -> gateway.season(code),
        fresh -> {
          Season shown = selected.get();
          if (shown == null || !shown.getCode().equals(code)) {
            return;
          }
          selected.set(fresh);
          int i = seasons.indexOf(shown);
          if (i >= 0) {
            seasons.set(i, fresh);
          }
        },
        this::failed);
  }

  public void refresh() {
    executor.submit(
        gateway::seasons,
        list -> {
          String keep = selected.get() == null ? null : selected.get().getCode();
          seasons.setAll(list);
          selected.set(
              list.stream()
                  .filter(s -> s.getCode().equals(keep))
                  .findFirst()
                  .orElse(list.isEmpty() ? null : list.get(0)));
        },
        this::failed);
  }

  private void showPrices(Season s) {
    List<PriceRow> rows = new ArrayList<>();
    if (s != null) {
      for (PurchaseCentre c : s.getCentresList()) {
        for (CanePrice p : c.getPricesList()) {
          rows.add(
              new PriceRow(
                  c.getWarehouseCode(),
                  c.getWarehouseName(),
                  messages.get("cane.centre.kind." + c.getKind().name()),
                  Dates.date(ProtoValues.date(p.getEffectiveFrom())),
                  Amounts.money(p.getPricePerQuintal().getAmount()),
                  Weights.kg(Weights.of(c.getMaxWeightKg()))));
        }
      }
      if (!s.getCentresList().isEmpty()
          && s.getCentresList().stream()
              .noneMatch(c -> c.getWarehouseCode().equals(priceCentre.get()))) {
        priceCentre.set(s.getCentres(0).getWarehouseCode());
      }
    }
    prices.setAll(rows);
  }

  /** The centres of the selected season, for the price form. */
  public List<String> centreCodes() {
    Season s = selected.get();
    return s == null
        ? List.of()
        : s.getCentresList().stream().map(PurchaseCentre::getWarehouseCode).toList();
  }

  public void create() {
    if (isBusy()) {
      return;
    }
    List<CaneGateway.CentreInput> centres = new ArrayList<>();
    for (CentreLine l : lines) {
      if (l.warehouse.get().isBlank()) {
        continue;
      }
      BigDecimal p = Amounts.parse(l.price.get());
      if (p == null || p.signum() <= 0) {
        setMessage(messages.get("cane.season.pricePositive", l.warehouse.get().trim()));
        return;
      }
      centres.add(new CaneGateway.CentreInput(l.warehouse.get().trim(), l.kind.get(), p));
    }
    if (code.get().isBlank() || start.get() == null || end.get() == null || centres.isEmpty()) {
      setMessage(messages.get("cane.season.required"));
      return;
    }
    setBusy(true);
    String c = code.get();
    String n = name.get();
    LocalDate s = start.get();
    LocalDate e = end.get();
    String q = overQuota.get() == null ? "MARK" : overQuota.get();
    String k = key;
    executor.submit(
        () -> gateway.createSeason(c, n, s, e, centres, q, k),
        season -> {
          setBusy(false);
          key = UUID.randomUUID().toString();
          setMessage("");
          done.set(messages.get("cane.season.created", season.getCode()));
          code.set("");
          name.set("");
          lines.forEach(l -> l.price.set(""));
          seasons.add(0, season);
          selected.set(season);
        },
        this::failed);
  }

  public void setPrice() {
    Season s = selected.get();
    BigDecimal p = Amounts.parse(price.get());
    if (s == null || priceCentre.get().isBlank() || priceFrom.get() == null) {
      setMessage(messages.get("cane.season.pickCentre"));
      return;
    }
    if (p == null || p.signum() <= 0) {
      setMessage(messages.get("cane.season.pricePositive", priceCentre.get()));
      return;
    }
    setBusy(true);
    String c = priceCentre.get();
    LocalDate from = priceFrom.get();
    executor.submit(
        () -> gateway.setPrice(s.getCode(), c, from, p),
        season -> {
          setBusy(false);
          setMessage("");
          done.set(
              messages.get(
                  "cane.season.priceSet", c, Amounts.money(p), Dates.date(from), season.getCode()));
          price.set("");
          int i = seasons.indexOf(s);
          if (i >= 0) {
            seasons.set(i, season);
          }
          selected.set(season);
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public ObservableList<Season> seasons() {
    return seasons;
  }

  public ObjectProperty<Season> selectedProperty() {
    return selected;
  }

  public ObservableList<PriceRow> prices() {
    return prices;
  }

  /** MARK or REFUSE: the new season's rule for loads above their permit's quota. */
  public StringProperty overQuotaProperty() {
    return overQuota;
  }

  public StringProperty codeProperty() {
    return code;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObjectProperty<LocalDate> startProperty() {
    return start;
  }

  public ObjectProperty<LocalDate> endProperty() {
    return end;
  }

  public List<CentreLine> lines() {
    return lines;
  }

  public StringProperty priceCentreProperty() {
    return priceCentre;
  }

  public ObjectProperty<LocalDate> priceFromProperty() {
    return priceFrom;
  }

  public StringProperty priceProperty() {
    return price;
  }

  public StringProperty limitProperty() {
    return limit;
  }

  public StringProperty doneProperty() {
    return done;
  }
}
