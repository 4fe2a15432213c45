package io.millstone.server.identity.model;

/**
 * What a company prints on its documents besides its name: its Business Identification Number and
 * postal address. A null field in an update keeps the current value.
 */
public record CompanyDetails(String bin, String address) {
  public static final int MAX_BIN = 32;
  public static final int MAX_ADDRESS = 500;

  /** Nothing to change. */
  public static final CompanyDetails KEEP = new CompanyDetails(null, null);
}
