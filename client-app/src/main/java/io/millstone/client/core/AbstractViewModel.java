package io.millstone.client.core;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Common state of every view model: whether remote work is running, and the last message meant for
 * the person (an error to show in the view, empty when none).
 */
public abstract class AbstractViewModel {
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  protected final UiTaskExecutor executor;

  protected AbstractViewModel(UiTaskExecutor executor) {
    this.executor = executor;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public boolean isBusy() {
    return busy.get();
  }

  protected void setBusy(boolean value) {
    busy.set(value);
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public String getMessage() {
    return message.get();
  }

  protected void setMessage(String value) {
    message.set(value == null ? "" : value);
  }
}
