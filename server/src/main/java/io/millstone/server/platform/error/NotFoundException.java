package io.millstone.server.platform.error;

/** The record does not exist in the caller's company. Becomes NOT_FOUND. */
public final class NotFoundException extends MillstoneException {
  public NotFoundException(String what, String id) {
    super("not_found", what + " " + id + " was not found in this company.");
  }
}
