package io.millstone.client.cane;

import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Cancelling the permit picked in the permit list, with the reason kept on it. Only a permit not
 * used can be cancelled (issued, or expired unused); what the server refuses (a truck used it in
 * the meantime) is the message shown above the list, which is then read again.
 */
public final class PermitCancelViewModel extends AbstractViewModel {
  private final CaneGateway gateway;
  private final Messages messages;
  private final Runnable reload;
  private final ObjectProperty<Permit> selected = new SimpleObjectProperty<>();
  private final StringProperty done = new SimpleStringProperty("");
  private final BooleanBinding cancellable;

  public PermitCancelViewModel(
      CaneGateway gateway, UiTaskExecutor executor, Messages messages, Runnable reload) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.reload = reload;
    cancellable =
        Bindings.createBooleanBinding(
            () -> {
              Permit p = selected.get();
              return p != null
                  && (p.getState() == PermitState.PERMIT_STATE_ISSUED
                      || p.getState() == PermitState.PERMIT_STATE_EXPIRED);
            },
            selected);
    selected.addListener(
        (o, a, b) -> {
          if (b != null && (a == null || !a.getNumber().equals(b.getNumber()))) {
            setMessage("");
            done.set("");
          }
        });
  }

  /** The dialog's question for the picked permit, or null when it cannot be cancelled. */
  public String question() {
    Permit p = selected.get();
    return cancellable.get()
        ? messages.get(
            "cane.permit.cancelAsk", p.getNumber(), p.getGrowerNumber(), p.getGrowerName())
        : null;
  }

  /** Cancels the picked permit for the reason given; says why not when there is none. */
  public void cancel(String reason) {
    Permit p = selected.get();
    if (isBusy() || p == null) {
      return;
    }
    done.set("");
    if (reason == null || reason.isBlank()) {
      setMessage(messages.get("cane.permit.cancelReasonRequired"));
      return;
    }
    setMessage("");
    setBusy(true);
    String number = p.getNumber();
    executor.submit(
        () -> gateway.cancelPermit(number, reason.trim()),
        c -> {
          setBusy(false);
          done.set(messages.get("cane.permit.cancelled", c.getNumber(), c.getCancelReason()));
          reload.run();
        },
        t -> {
          setBusy(false);
          setMessage(ErrorText.of(t, messages));
          reload.run();
        });
  }

  public ObjectProperty<Permit> selectedProperty() {
    return selected;
  }

  public BooleanBinding cancellableBinding() {
    return cancellable;
  }

  /** What was cancelled last ("Permit P-… cancelled: …"), empty otherwise. */
  public StringProperty doneProperty() {
    return done;
  }
}
