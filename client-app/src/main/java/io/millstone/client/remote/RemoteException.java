package io.millstone.client.remote;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed call to the server, translated from its gRPC status so that nothing outside {@code
 * remote} needs to know about gRPC. The server's message is written for a person; field violations
 * name request fields ({@code code}, {@code default_sale_price.amount}).
 */
public final class RemoteException extends Exception {

  /** What kind of failure this was, which decides how the client reacts. */
  public enum Kind {
    WRONG_CREDENTIALS,
    SESSION_ENDED,
    ACCOUNT_LOCKED,
    RATE_LIMITED,
    UNAVAILABLE,
    INVALID_INPUT,
    CONFLICT,
    PERMISSION_DENIED,
    NOT_FOUND,
    BUSINESS_RULE,
    INCOMPATIBLE_SERVER,
    UNTRUSTED_CERTIFICATE,
    CERTIFICATE_CHANGED,
    DEADLINE,
    OTHER
  }

  private final Kind kind;
  private final String reason;
  private final Map<String, String> fieldViolations;

  public RemoteException(
      Kind kind, String message, String reason, Map<String, String> fieldViolations) {
    super(message);
    this.kind = kind;
    this.reason = reason == null ? "" : reason;
    this.fieldViolations =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(fieldViolations == null ? Map.of() : fieldViolations));
  }

  public RemoteException(Kind kind, String message) {
    this(kind, message, "", Map.of());
  }

  public Kind kind() {
    return kind;
  }

  /** The machine-readable reason from the server's ErrorInfo ("ACCOUNT_LOCKED"), or empty. */
  public String reason() {
    return reason;
  }

  /** Field name → what is wrong with it, in the server's order. */
  public Map<String, String> fieldViolations() {
    return fieldViolations;
  }
}
