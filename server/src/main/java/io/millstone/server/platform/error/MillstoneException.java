package io.millstone.server.platform.error;

/**
 * A failure a person can act on. The message is written for the person who must act; the message id
 * is stable so clients can translate it. The gateway maps each subclass to one gRPC status.
 */
public abstract class MillstoneException extends RuntimeException {
  private final String messageId;

  protected MillstoneException(String messageId, String message) {
    super(message, null, false, false);
    this.messageId = messageId;
  }

  protected MillstoneException(String messageId, String message, Throwable cause) {
    super(message, cause, false, false);
    this.messageId = messageId;
  }

  public String messageId() {
    return messageId;
  }
}
