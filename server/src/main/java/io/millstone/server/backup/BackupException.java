package io.millstone.server.backup;

/**
 * A backup or restore that cannot go ahead, with what to do about it (the command exits non-zero
 * and prints the message; nothing was changed).
 */
public final class BackupException extends RuntimeException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
