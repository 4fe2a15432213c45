package io.millstone.server.platform.error;

/** The request is well-formed but the business state refuses it. Becomes FAILED_PRECONDITION. */
public class BusinessRuleException extends MillstoneException {
  public BusinessRuleException(String messageId, String message) {
    super(messageId, message);
  }

  /**
   * With the arguments of the message id's sentence in the server's message bundles, so the refusal
   * can be answered in the caller's language ({@link ErrorMessages}).
   */
  public BusinessRuleException(String messageId, String message, Object... args) {
    super(messageId, message, null, args);
  }
}
