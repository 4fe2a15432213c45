package io.millstone.server.platform.error;

import java.util.List;

/**
 * One bad input value: the request field (proto name, dotted for nesting) and what is wrong. The
 * optional message id and arguments let {@link ErrorMessages} say it in the caller's language.
 */
public record FieldViolation(
    String field, String description, String messageId, List<Object> args) {
  public FieldViolation {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public FieldViolation(String field, String description) {
    this(field, description, null, List.of());
  }
}
