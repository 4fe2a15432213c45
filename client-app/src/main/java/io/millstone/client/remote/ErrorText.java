package io.millstone.client.remote;

import io.millstone.client.core.Messages;

/** Turns a failure into one sentence for the person, in their language where we have one. */
public final class ErrorText {
  private ErrorText() {}

  public static String of(Throwable t, Messages m) {
    Throwable e = t;
    while (!(e instanceof RemoteException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (!(e instanceof RemoteException r)) {
      return m.get("error.unexpected", String.valueOf(t.getMessage()));
    }
    String server = r.getMessage() == null ? "" : r.getMessage();
    return switch (r.kind()) {
      case WRONG_CREDENTIALS -> m.get("error.wrongCredentials");
      case SESSION_ENDED -> m.get("error.sessionEnded");
      case ACCOUNT_LOCKED -> m.get("error.accountLocked", server);
      case RATE_LIMITED -> m.get("error.rateLimited", server);
      case UNAVAILABLE -> m.get("error.unavailable");
      case PERMISSION_DENIED -> m.get("error.permissionDenied");
      case INCOMPATIBLE_SERVER -> m.get("error.incompatible", server);
      case UNTRUSTED_CERTIFICATE -> m.get("error.untrusted");
      case CERTIFICATE_CHANGED -> m.get("error.certificateChanged", server);
      case DEADLINE -> m.get("error.deadline");
      case NOT_FOUND -> m.get("error.notFound", server);
      case INVALID_INPUT, CONFLICT, BUSINESS_RULE, OTHER -> server;
    };
  }
}
