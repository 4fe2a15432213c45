package io.millstone.client.identity;

import io.millstone.client.core.Messages;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The error line beside each field of an administration form, filled from the server's field
 * violations ({@code roles[2]} goes beside the roles); what has no field goes to the form's
 * message.
 */
final class Fields {
  private final Map<String, StringProperty> errors = new LinkedHashMap<>();

  Fields(String... names) {
    for (String n : names) {
      errors.put(n, new SimpleStringProperty(""));
    }
  }

  StringProperty error(String field) {
    return errors.get(field);
  }

  void clear() {
    errors.values().forEach(p -> p.set(""));
  }

  /** Puts the refusal beside its fields; returns the text for the form's message. */
  String show(Throwable t, Messages messages) {
    clear();
    if (!(t instanceof RemoteException r) || r.fieldViolations().isEmpty()) {
      return ErrorText.of(t, messages);
    }
    List<String> elsewhere = new ArrayList<>();
    r.fieldViolations()
        .forEach(
            (field, text) -> {
              String base = field.replaceAll("\\[\\d+]$", "");
              StringProperty p = errors.get(base);
              if (p == null) {
                elsewhere.add(text);
              } else {
                p.set(p.get().isEmpty() ? text : p.get() + " " + text);
              }
            });
    return elsewhere.isEmpty() ? messages.get("form.fixFields") : String.join(" ", elsewhere);
  }
}
