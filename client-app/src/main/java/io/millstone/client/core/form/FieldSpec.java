package io.millstone.client.core.form;

import java.util.List;
import java.util.function.Function;

/**
 * One field of a form: the server's field name (so its violations land here), the message key of
 * its label, how it is edited, whether it is required, whether it can change after creation, and a
 * client-side check returning a message key (or null when the value is fine). A picker's choices
 * come from the server ({@code source}).
 */
public record FieldSpec(
    String name,
    String labelKey,
    Kind kind,
    List<String> choices,
    boolean required,
    boolean createOnly,
    Function<String, String> check,
    ChoiceSource source) {

  /** How the field is edited. */
  public enum Kind {
    TEXT,
    AREA,
    CHOICE,
    /** One of the company's records (a unit, …), picked from a list fetched from the server. */
    PICK
  }

  /** One pickable value and how a person recognises it ("kg — Kilogram"). */
  public record Choice(String value, String label) {}

  /** Fetches a picker's choices; blocks on the server and is called off the UI thread. */
  @FunctionalInterface
  public interface ChoiceSource {
    List<Choice> load() throws Exception;
  }

  public static FieldSpec text(String name, String labelKey, boolean required) {
    return new FieldSpec(name, labelKey, Kind.TEXT, List.of(), required, false, v -> null, null);
  }

  public FieldSpec fixedAfterCreate() {
    return new FieldSpec(name, labelKey, kind, choices, required, true, check, source);
  }

  public FieldSpec area() {
    return new FieldSpec(name, labelKey, Kind.AREA, choices, required, createOnly, check, source);
  }

  public FieldSpec choice(List<String> values) {
    return new FieldSpec(name, labelKey, Kind.CHOICE, values, required, createOnly, check, source);
  }

  /** A picker of the choices {@code from} fetches when the form opens. */
  public FieldSpec picked(ChoiceSource from) {
    return new FieldSpec(name, labelKey, Kind.PICK, choices, required, createOnly, check, from);
  }

  public FieldSpec checked(Function<String, String> c) {
    return new FieldSpec(name, labelKey, kind, choices, required, createOnly, c, source);
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
