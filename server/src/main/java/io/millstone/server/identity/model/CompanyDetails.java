package io.millstone.server.identity.model;

/**
 * What a company prints on its documents besides its name: its Business Identification Number and
 * postal address; and its credit-limit policy ({@code REFUSE} or {@code OFF}). A null field in an
 * update keeps the current value.
 */
public record CompanyDetails(String bin, String address, String creditPolicy) {
  public static final java.util.List<String> CREDIT_POLICIES = java.util.List.of("REFUSE", "OFF");

  public static final int MAX_BIN = 32;
  public static final int MAX_ADDRESS = 500;

  /** Nothing to change. */
  public static final CompanyDetails KEEP = new CompanyDetails(null, null, null);
}
