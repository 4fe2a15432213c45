package io.millstone.server.platform.error;

/** The caller is not signed in, or the credentials are wrong. Becomes UNAUTHENTICATED. */
public final class AuthenticationException extends MillstoneException {
  public AuthenticationException(String messageId, String message) {
    super(messageId, message);
  }
}
