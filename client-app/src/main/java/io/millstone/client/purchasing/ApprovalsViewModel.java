package io.millstone.client.purchasing;

import io.millstone.api.purchasing.v1.PurchaseOrder;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The approver's queue: orders awaiting approval, oldest first, each approved or rejected (a
 * rejection needs a reason). The server refuses a decision on one's own order; that refusal is
 * shown beside the buttons.
 */
public final class ApprovalsViewModel extends AbstractViewModel {
  private static final int QUEUE = 200;

  private final PurchasingGateway gateway;
  private final Messages messages;
  private final Notifier notifier;
  private final ObservableList<PurchaseOrder> waiting = FXCollections.observableArrayList();
  private final ObjectProperty<PurchaseOrder> selected = new SimpleObjectProperty<>();
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty noteError = new SimpleStringProperty("");
  private final StringProperty done = new SimpleStringProperty("");

  public ApprovalsViewModel(
      PurchasingGateway gateway, UiTaskExecutor executor, Messages messages, Notifier notifier) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.notifier = notifier;
    note.addListener((o, a, b) -> noteError.set(""));
    selected.addListener(
        (o, a, b) -> {
          setMessage("");
          noteError.set("");
        });
  }

  /** Reads the orders awaiting approval, oldest first. */
  public void refresh() {
    setBusy(true);
    executor.submit(
        () -> gateway.orders("AWAITING_APPROVAL", "", "", QUEUE).rows(),
        rows -> {
          setBusy(false);
          String keep = selected.get() == null ? "" : selected.get().getId();
          waiting.setAll(rows.reversed());
          selected.set(
              waiting.stream()
                  .filter(o -> o.getId().equals(keep))
                  .findFirst()
                  .orElse(waiting.isEmpty() ? null : waiting.get(0)));
        },
        this::failed);
  }

  public void approve() {
    PurchaseOrder o = selected.get();
    if (o == null || isBusy()) {
      return;
    }
    String n = note.get();
    decide(() -> gateway.approve(o, n), "purchasing.approvals.approved");
  }

  /** Rejects the chosen order; the reason is required and reaches the submitter. */
  public void reject() {
    PurchaseOrder o = selected.get();
    if (o == null || isBusy()) {
      return;
    }
    if (note.get().isBlank()) {
      noteError.set(messages.get("purchasing.approvals.reasonRequired"));
      return;
    }
    String n = note.get();
    decide(() -> gateway.reject(o, n), "purchasing.approvals.rejected");
  }

  private void decide(Callable<PurchaseOrder> work, String doneKey) {
    setBusy(true);
    setMessage("");
    executor.submit(
        work,
        o -> {
          setBusy(false);
          String text =
              messages.get(
                  doneKey,
                  o.getNumber(),
                  o.getSupplierName(),
                  Amounts.money(o.getGrossTotal().getAmount()));
          done.set(text);
          notifier.notify(PurchaseOrderViewModel.stateName(o.getState(), messages), text);
          note.set("");
          refresh();
        },
        this::failed);
  }

  private void failed(Throwable t) {
    setBusy(false);
    setMessage(ErrorText.of(t, messages));
  }

  public ObservableList<PurchaseOrder> waiting() {
    return waiting;
  }

  public ObjectProperty<PurchaseOrder> selectedProperty() {
    return selected;
  }

  /** The approver's note; required (as the reason) for a rejection. */
  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty noteErrorProperty() {
    return noteError;
  }

  /** What the last decision was, for the person to see it took. */
  public StringProperty doneProperty() {
    return done;
  }
}
