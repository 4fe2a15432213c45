package io.millstone.server.platform.error;

/** Someone else changed the record since the caller read it. Becomes ABORTED. */
public final class ConflictException extends MillstoneException {
  public ConflictException(String message) {
    super("version_conflict", message);
  }

  public ConflictException(String message, Throwable cause) {
    super("version_conflict", message, cause);
  }
}
