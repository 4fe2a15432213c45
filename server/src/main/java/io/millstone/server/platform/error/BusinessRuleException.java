package io.millstone.server.platform.error;

/** The request is well-formed but the business state refuses it. Becomes FAILED_PRECONDITION. */
public class BusinessRuleException extends MillstoneException {
  public BusinessRuleException(String messageId, String message) {
    super(messageId, message);
  }
}
