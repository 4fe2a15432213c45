package io.millstone.server.platform;

import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request, so the person fixes them all in one go. */
public final class Validator {
  private final List<FieldViolation> violations = new ArrayList<>();

  public Validator check(boolean ok, String field, String description) {
    if (!ok) {
      violations.add(new FieldViolation(field, description));
    }
    return this;
  }

  /**
   * A check whose description has a sentence of its own in the message bundles ({@link
   * io.millstone.server.platform.error.ErrorMessages}), filled with {@code args} (pass amounts as
   * {@link Money}, so they are shown in the company's grouping).
   */
  public Validator check(
      boolean ok, String field, String messageId, String description, Object... args) {
    if (!ok) {
      violations.add(new FieldViolation(field, description, messageId, List.of(args)));
    }
    return this;
  }

  /** A required text field: present, not blank, at most {@code max} characters. */
  public Validator text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "is required", "required", List.of()));
    } else if (value.length() > max) {
      violations.add(
          new FieldViolation(
              field,
              "is too long: " + value.length() + " characters, at most " + max + " allowed",
              "too_long",
              List.of(value.length(), max)));
    }
    return this;
  }

  public boolean hasViolation(String field) {
    return violations.stream().anyMatch(v -> v.field().equals(field));
  }

  public void throwIfInvalid() {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
