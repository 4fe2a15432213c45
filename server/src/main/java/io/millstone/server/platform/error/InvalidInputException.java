package io.millstone.server.platform.error;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input, with the fields to fix. Becomes INVALID_ARGUMENT with field violations. */
public final class InvalidInputException extends MillstoneException {
  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(
        "invalid_input",
        violations.stream()
            .map(v -> v.field() + ": " + v.description())
            .collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid input needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String description) {
    return new InvalidInputException(List.of(new FieldViolation(field, description)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
