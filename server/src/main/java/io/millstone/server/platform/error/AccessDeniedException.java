package io.millstone.server.platform.error;

/** The caller is known but not allowed. Becomes PERMISSION_DENIED. */
public final class AccessDeniedException extends MillstoneException {
  public AccessDeniedException(String messageId, String message) {
    super(messageId, message);
  }

  /** With the arguments of the message id's sentence in the server's bundles (ErrorMessages). */
  public AccessDeniedException(String messageId, String message, Object... args) {
    super(messageId, message, null, args);
  }
}
