package io.millstone.client.cane;

import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Growers: the list (by number, name or village), a grower's plots and loans, a new grower (an
 * existing supplier with a grower number, village and a plot), and a loan or advance paid to one.
 */
public final class GrowersViewModel extends AbstractViewModel {
  public static final List<String> LOAN_KINDS = List.of("ADVANCE", "SEED", "FERTILISER", "CASH");
  public static final List<String> PAID_FROM = List.of("BANK", "CASH");

  private final CaneGateway gateway;
  private final Messages messages;
  private final StringProperty search = new SimpleStringProperty("");
  private final ObservableList<Grower> growers = FXCollections.observableArrayList();
  private final ObjectProperty<Grower> selected = new SimpleObjectProperty<>();
  private final ObservableList<GrowerLoan> loans = FXCollections.observableArrayList();

  private final StringProperty supplier = new SimpleStringProperty("");
  private final StringProperty number = new SimpleStringProperty("");
  private final StringProperty village = new SimpleStringProperty("");
  private final StringProperty plot = new SimpleStringProperty("");
  private final StringProperty acres = new SimpleStringProperty("");
  private final StringProperty variety = new SimpleStringProperty("");
  private final StringProperty tonnes = new SimpleStringProperty("");

  private final StringProperty loanKind = new SimpleStringProperty("ADVANCE");
  private final StringProperty loanAmount = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> loanDate = new SimpleObjectProperty<>(Dates.today());
  private final StringProperty paidFrom = new SimpleStringProperty("BANK");
  private final StringProperty loanNote = new SimpleStringProperty("");
  private final StringProperty done = new SimpleStringProperty("");
  private String growerKey = UUID.randomUUID().toString();
  private String loanKey = UUID.randomUUID().toString();

  public GrowersViewModel(CaneGateway gateway, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    selected.addListener((o, a, b) -> loadLoans());
  }

  public void refresh() {
    String s = search.get();
    executor.submit(
        () -> gateway.growers(s, ""),
        list -> {
          growers.setAll(list);
          if (selected.get() != null) {
            String keep = selected.get().getGrowerNumber();
            selected.set(
                list.stream()
                    .filter(g -> g.getGrowerNumber().equals(keep))
                    .findFirst()
                    .orElse(null));
          }
        },
        this::failed);
  }

  /** The chosen grower read again from the server (plots as they are now), and their loans. */
  private void loadLoans() {
    Grower g = selected.get();
    if (g == null) {
      loans.clear();
      return;
    }
    if (freshening) {
      return;
    }
    String number = g.getGrowerNumber();
    executor.submit(
        () -> new Chosen(gateway.grower(number), gateway.loans(number)),
        chosen -> {
          loans.setAll(chosen.loans());
          Grower now = selected.get();
          if (now != null && now.getGrowerNumber().equals(number) && !now.equals(chosen.grower())) {
            freshening = true;
            try {
              selected.set(chosen.grower());
            } finally {
              freshening = false;
            }
          }
        },
        this::failed);
  }

  private record Chosen(Grower grower, List<GrowerLoan> loans) {}

  private boolean freshening;

  public void create() {
    if (isBusy()) {
      return;
    }
    if (supplier.get().isBlank() || number.get().isBlank() || village.get().isBlank()) {
      setMessage(messages.get("cane.grower.required"));
      return;
    }
    List<CaneGateway.PlotInput> plots = List.of();
    if (!plot.get().isBlank()) {
      BigDecimal a = Amounts.parse(acres.get());
      BigDecimal t = Amounts.parse(tonnes.get());
      if ((!acres.get().isBlank() && a == null) || (!tonnes.get().isBlank() && t == null)) {
        setMessage(messages.get("cane.grower.plotNumbers"));
        return;
      }
      plots = List.of(new CaneGateway.PlotInput(plot.get(), a, variety.get(), t));
    }
    setBusy(true);
    List<CaneGateway.PlotInput> in = plots;
    String s = supplier.get();
    String n = number.get();
    String v = village.get();
    String k = growerKey;
    executor.submit(
        () -> gateway.createGrower(s, n, v, in, k),
        g -> {
          setBusy(false);
          growerKey = UUID.randomUUID().toString();
          setMessage("");
          done.set(messages.get("cane.grower.created", g.getGrowerNumber(), g.getName()));
          for (StringProperty p : List.of(supplier, number, plot, acres, variety, tonnes)) {
            p.set("");
          }
          growers.add(g);
          selected.set(g);
        },
        this::failed);
  }

  public void recordLoan() {
    Grower g = selected.get();
    BigDecimal a = Amounts.parse(loanAmount.get());
    if (g == null) {
      setMessage(messages.get("cane.loan.pickGrower"));
      return;
    }
    if (a == null || a.signum() <= 0) {
      setMessage(messages.get("sales.payment.amountPositive"));
      return;
    }
    setBusy(true);
    String kind = loanKind.get();
    LocalDate d = loanDate.get();
    String from = paidFrom.get();
    String note = loanNote.get();
    String k = loanKey;
    executor.submit(
        () -> gateway.recordLoan(g.getGrowerNumber(), kind, a, d, from, note, k),
        loan -> {
          setBusy(false);
          loanKey = UUID.randomUUID().toString();
          setMessage("");
          done.set(
              messages.get(
                  "cane.loan.recorded",
                  loan.getNumber(),
                  Amounts.money(loan.getAmount().getAmount()),
                  g.getGrowerNumber(),
                  loan.getJournalEntryNumber()));
          loanAmount.set("");
          loanNote.set("");
          loadLoans();
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObservableList<Grower> growers() {
    return growers;
  }

  public ObjectProperty<Grower> selectedProperty() {
    return selected;
  }

  public ObservableList<GrowerLoan> loans() {
    return loans;
  }

  public StringProperty supplierProperty() {
    return supplier;
  }

  public StringProperty numberProperty() {
    return number;
  }

  public StringProperty villageProperty() {
    return village;
  }

  public StringProperty plotProperty() {
    return plot;
  }

  public StringProperty acresProperty() {
    return acres;
  }

  public StringProperty varietyProperty() {
    return variety;
  }

  public StringProperty tonnesProperty() {
    return tonnes;
  }

  public StringProperty loanKindProperty() {
    return loanKind;
  }

  public StringProperty loanAmountProperty() {
    return loanAmount;
  }

  public ObjectProperty<LocalDate> loanDateProperty() {
    return loanDate;
  }

  public StringProperty paidFromProperty() {
    return paidFrom;
  }

  public StringProperty loanNoteProperty() {
    return loanNote;
  }

  public StringProperty doneProperty() {
    return done;
  }
}
