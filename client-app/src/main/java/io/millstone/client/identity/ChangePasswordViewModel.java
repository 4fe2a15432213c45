package io.millstone.client.identity;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import java.util.function.IntConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Changing one's own password: the current one, the new one twice. The server judges the new one
 * (length, not the username, not the current one); the client only checks the two copies match.
 */
public final class ChangePasswordViewModel extends AbstractViewModel {
  /** Sends the change; returns how many other sessions were signed out. */
  @FunctionalInterface
  public interface Changer {
    int change(String current, String next) throws Exception;
  }

  private final Changer changer;
  private final Messages messages;
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty current = new SimpleStringProperty("");
  private final StringProperty next = new SimpleStringProperty("");
  private final StringProperty repeat = new SimpleStringProperty("");
  private final Fields fields = new Fields("current_password", "new_password", "repeat");
  private IntConsumer onChanged = n -> {};

  public ChangePasswordViewModel(Changer changer, UiTaskExecutor executor, Messages messages) {
    super(executor);
    this.changer = changer;
    this.messages = messages;
  }

  public StringProperty currentProperty() {
    return current;
  }

  public StringProperty nextProperty() {
    return next;
  }

  public StringProperty repeatProperty() {
    return repeat;
  }

  /** The error beside {@code current_password}, {@code new_password} or {@code repeat}. */
  /** What the last action achieved (errors go to the message). */
  public StringProperty noticeProperty() {
    return notice;
  }

  public StringProperty error(String field) {
    return fields.error(field);
  }

  /** Called with how many other sessions ended, once the password is changed. */
  public void setOnChanged(IntConsumer onChanged) {
    this.onChanged = onChanged;
  }

  public void change() {
    if (isBusy()) {
      return;
    }
    fields.clear();
    notice.set("");
    if (!next.get().equals(repeat.get())) {
      fields.error("repeat").set(messages.get("password.mismatch"));
      setMessage(messages.get("form.fixFields"));
      return;
    }
    String c = current.get();
    String n = next.get();
    setBusy(true);
    setMessage("");
    notice.set("");
    executor.submit(
        () -> changer.change(c, n),
        revoked -> {
          setBusy(false);
          current.set("");
          next.set("");
          repeat.set("");
          notice.set(messages.get("password.changed", revoked));
          onChanged.accept(revoked);
        },
        e -> {
          setBusy(false);
          setMessage(fields.show(e, messages));
        });
  }
}
