package io.millstone.client.core.form;

import java.util.List;
import java.util.function.Function;

/**
 * One field of a form: the server's field name (so its violations land here), the message key of
 * its label, how it is edited, whether it is required, whether it can change after creation, and a
 * client-side check returning a message key (or null when the value is fine).
 */
public record FieldSpec(
    String name,
    String labelKey,
    Kind kind,
    List<String> choices,
    boolean required,
    boolean createOnly,
    Function<String, String> check) {

  /** How the field is edited. */
  public enum Kind {
    TEXT,
    AREA,
    CHOICE
  }

  public static FieldSpec text(String name, String labelKey, boolean required) {
    return new FieldSpec(name, labelKey, Kind.TEXT, List.of(), required, false, v -> null);
  }

  public FieldSpec fixedAfterCreate() {
    return new FieldSpec(name, labelKey, kind, choices, required, true, check);
  }

  public FieldSpec area() {
    return new FieldSpec(name, labelKey, Kind.AREA, choices, required, createOnly, check);
  }

  public FieldSpec choice(List<String> values) {
    return new FieldSpec(name, labelKey, Kind.CHOICE, values, required, createOnly, check);
  }

  public FieldSpec checked(Function<String, String> c) {
    return new FieldSpec(name, labelKey, kind, choices, required, createOnly, c);
  }

  /** The message key of what is wrong with {@code value}, or null. */
  public String problem(String value) {
    String v = value == null ? "" : value.trim();
    if (required && v.isEmpty()) {
      return "form.required";
    }
    return v.isEmpty() ? null : check.apply(v);
  }
}
