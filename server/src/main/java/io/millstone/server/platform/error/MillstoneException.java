package io.millstone.server.platform.error;

import io.millstone.server.platform.NumberGrouping;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A failure a person can act on. The message is written for the person who must act; the message id
 * is stable so clients can translate it. The gateway maps each subclass to one gRPC status.
 *
 * <p>The optional arguments fill the {@code {0}}-style places of the message id's sentence in the
 * server's message bundles ({@link ErrorMessages}), so the same refusal can be answered in the
 * language the caller asked for; without a bundle entry the exception's own sentence stands.
 */
public abstract class MillstoneException extends RuntimeException {
  private final String messageId;
  private final List<Object> args;
  private volatile ZoneId zone;
  private volatile NumberGrouping grouping;

  protected MillstoneException(String messageId, String message) {
    this(messageId, message, null, new Object[0]);
  }

  protected MillstoneException(String messageId, String message, Throwable cause) {
    this(messageId, message, cause, new Object[0]);
  }

  /** With the arguments of the message id's sentence, in the order the bundles number them. */
  protected MillstoneException(String messageId, String message, Throwable cause, Object... args) {
    super(message, cause, false, false);
    this.messageId = messageId;
    this.args =
        args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.clone()));
  }

  public String messageId() {
    return messageId;
  }

  /** The arguments of the translated sentence; empty when it has none. */
  public List<Object> args() {
    return args;
  }

  /** The company's time zone, for times among the arguments; null when not known. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Sets the zone the arguments' times are shown in (the company's), once, by the transaction the
   * refusal left; a refusal thrown outside one shows times in UTC.
   */
  public void showTimesIn(ZoneId zone) {
    if (this.zone == null) {
      this.zone = zone;
    }
  }

  /**
   * How the company groups the digits of amounts, for money among the arguments; null if not known.
   */
  public NumberGrouping grouping() {
    return grouping;
  }

  /**
   * Sets the grouping the arguments' money is shown in (the company's), once, by the transaction
   * the refusal left; a refusal thrown outside one shows its amounts plain.
   */
  public void showMoneyIn(NumberGrouping grouping) {
    if (this.grouping == null) {
      this.grouping = grouping;
    }
  }
}
