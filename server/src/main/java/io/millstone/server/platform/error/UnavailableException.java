package io.millstone.server.platform.error;

/** A store the server needs cannot be reached; retrying later may work. Becomes UNAVAILABLE. */
public final class UnavailableException extends MillstoneException {
  public UnavailableException(String message, Throwable cause) {
    super("unavailable", message, cause);
  }
}
