package io.millstone.server.platform.error;

import java.time.Duration;

/** A rate limit or lockout. Becomes RESOURCE_EXHAUSTED with a retry delay. */
public final class TooManyRequestsException extends MillstoneException {
  private final Duration retryAfter;

  public TooManyRequestsException(String messageId, String message, Duration retryAfter) {
    super(messageId, message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
