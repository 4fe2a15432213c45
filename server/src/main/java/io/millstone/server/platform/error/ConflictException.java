package io.millstone.server.platform.error;

/** Someone else changed the record since the caller read it. Becomes ABORTED. */
public final class ConflictException extends MillstoneException {
  public ConflictException(String message) {
    super("version_conflict", message);
  }

  public ConflictException(String message, Throwable cause) {
    super("version_conflict", message, cause);
  }

  /**
   * A conflict whose sentence the server's message bundles know by {@code messageId}, with its
   * arguments ({@link ErrorMessages}).
   */
  public static ConflictException of(String messageId, String message, Object... args) {
    return new ConflictException(messageId, message, args);
  }

  private ConflictException(String messageId, String message, Object[] args) {
    super(messageId, message, null, args);
  }
}
