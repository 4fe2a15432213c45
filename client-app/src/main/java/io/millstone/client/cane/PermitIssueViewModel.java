package io.millstone.client.cane;

import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.Season;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.FieldErrors;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Permits for one centre's day, many growers at once: the growers (of a village, or all) in a grid,
 * a quota typed for those who may bring cane; all are issued or none.
 */
public final class PermitIssueViewModel extends AbstractViewModel {

  /** One grower of the grid and the quota typed for them (empty: no permit). */
  public static final class Row {
    private final Grower grower;
    private final StringProperty quota = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty permit = new SimpleStringProperty("");

    Row(Grower grower) {
      this.grower = grower;
    }

    public Grower grower() {
      return grower;
    }

    public StringProperty quotaProperty() {
      return quota;
    }

    public StringProperty errorProperty() {
      return error;
    }

    /** The permit number issued to this grower by the last issue, else empty. */
    public StringProperty permitProperty() {
      return permit;
    }
  }

  private final CaneGateway gateway;
  private final Messages messages;
  private final ObservableList<Season> seasons = FXCollections.observableArrayList();
  private final ObservableList<String> centres = FXCollections.observableArrayList();
  private final StringProperty season = new SimpleStringProperty("");
  private final StringProperty centre = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> date =
      new SimpleObjectProperty<>(Dates.today().plusDays(1));
  private final StringProperty village = new SimpleStringProperty("");
  private final StringProperty defaultQuota = new SimpleStringProperty("");
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty issued = new SimpleStringProperty("");
  private Runnable onIssued = () -> {};
  private String key = UUID.randomUUID().toString();

  public PermitIssueViewModel(CaneGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    season.addListener((o, a, b) -> centresOf(b));
  }

  public void setOnIssued(Runnable r) {
    onIssued = r;
  }

  public void start() {
    executor.submit(
        gateway::seasons,
        list -> {
          seasons.setAll(list);
          if (!list.isEmpty()) {
            season.set(list.get(0).getCode());
            centresOf(list.get(0).getCode());
          }
          loadGrowers();
        },
        this::failed);
  }

  private void centresOf(String code) {
    List<String> codes = new ArrayList<>();
    seasons.stream()
        .filter(s -> s.getCode().equals(code))
        .findFirst()
        .ifPresent(s -> s.getCentresList().forEach(c -> codes.add(c.getWarehouseCode())));
    centres.setAll(codes);
    if (!codes.contains(centre.get())) {
      centre.set(codes.isEmpty() ? "" : codes.get(0));
    }
  }

  /** The growers of the village (all when empty) as rows without quota. */
  public void loadGrowers() {
    String v = village.get();
    executor.submit(
        () -> gateway.growers("", v),
        list -> {
          rows.setAll(list.stream().map(Row::new).toList());
          setMessage(list.isEmpty() ? messages.get("cane.permit.noGrowers") : "");
        },
        this::failed);
  }

  /** Puts the default quota on every row without one. */
  public void fillQuota() {
    BigDecimal q = Amounts.parse(defaultQuota.get());
    if (q == null || q.signum() <= 0) {
      setMessage(messages.get("cane.permit.quotaPositive"));
      return;
    }
    for (Row r : rows) {
      if (r.quota.get().isBlank()) {
        r.quota.set(Amounts.quantity(q));
      }
    }
    setMessage("");
  }

  private List<Row> chosen() {
    return rows.stream().filter(r -> !r.quota.get().isBlank()).toList();
  }

  public boolean validate() {
    rows.forEach(r -> r.error.set(""));
    if (season.get().isBlank() || centre.get().isBlank() || date.get() == null) {
      setMessage(messages.get("cane.permit.pickDay"));
      return false;
    }
    List<Row> chosen = chosen();
    if (chosen.isEmpty()) {
      setMessage(messages.get("cane.permit.nothing"));
      return false;
    }
    boolean ok = true;
    for (Row r : chosen) {
      BigDecimal q = Amounts.parse(r.quota.get());
      if (q == null || q.signum() <= 0) {
        r.error.set(messages.get("cane.permit.quotaPositive"));
        ok = false;
      }
    }
    setMessage(ok ? "" : messages.get("form.fixFields"));
    return ok;
  }

  /** Issues one permit per grower with a quota; all or none. */
  public void issue() {
    if (isBusy() || !validate()) {
      return;
    }
    List<Row> chosen = chosen();
    List<CaneGateway.PermitInput> in = new ArrayList<>();
    for (Row r : chosen) {
      in.add(new CaneGateway.PermitInput(r.grower.getGrowerNumber(), Amounts.parse(r.quota.get())));
    }
    setBusy(true);
    String s = season.get();
    String c = centre.get();
    LocalDate d = date.get();
    String k = key;
    executor.submit(
        () -> gateway.issuePermits(s, c, d, in, k),
        permits -> {
          setBusy(false);
          key = UUID.randomUUID().toString();
          rows.forEach(r -> r.permit.set(""));
          for (Permit p : permits) {
            rows.stream()
                .filter(r -> r.grower.getGrowerNumber().equals(p.getGrowerNumber()))
                .forEach(r -> r.permit.set(p.getNumber()));
          }
          chosen.forEach(r -> r.quota.set(""));
          issued.set(
              messages.get(
                  "cane.permit.issued",
                  permits.size(),
                  c,
                  Dates.date(d),
                  permits.isEmpty() ? "" : permits.get(0).getNumber(),
                  permits.isEmpty() ? "" : permits.get(permits.size() - 1).getNumber()));
          onIssued.run();
        },
        t -> refused(t, chosen));
  }

  private void refused(Throwable t, List<Row> sent) {
    setBusy(false);
    Throwable e = t;
    while (!(e instanceof RemoteException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RemoteException r && !r.fieldViolations().isEmpty()) {
      List<String> elsewhere =
          FieldErrors.route(r, "permits", sent.size(), i -> sent.get(i).error::set, Map.of());
      setMessage(FieldErrors.message(r, elsewhere, messages.get("form.fixFields")));
      return;
    }
    setMessage(ErrorText.of(t, messages));
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public ObservableList<Season> seasons() {
    return seasons;
  }

  public ObservableList<String> centres() {
    return centres;
  }

  public StringProperty seasonProperty() {
    return season;
  }

  public StringProperty centreProperty() {
    return centre;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public StringProperty villageProperty() {
    return village;
  }

  public StringProperty defaultQuotaProperty() {
    return defaultQuota;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public StringProperty issuedProperty() {
    return issued;
  }
}
