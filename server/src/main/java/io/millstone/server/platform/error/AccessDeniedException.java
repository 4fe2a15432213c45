package io.millstone.server.platform.error;

/** The caller is known but not allowed. Becomes PERMISSION_DENIED. */
public final class AccessDeniedException extends MillstoneException {
  public AccessDeniedException(String messageId, String message) {
    super(messageId, message);
  }
}
