package io.millstone.client.core;

/** Style classes used by the client; AtlantaFX's own are in {@code atlantafx.base.theme.Styles}. */
public final class Styles {
  public static final String FIELD_ERROR = "ms-field-error";
  public static final String ERROR_TEXT = "ms-error-text";
  public static final String STATUS_BAR = "ms-status-bar";
  public static final String NAV = "ms-nav";
  public static final String LOGIN_CARD = "ms-login-card";
  public static final String TITLE = "ms-title";
  public static final String PLACEHOLDER_ROW = "ms-placeholder-row";
  public static final String CONNECTED = "ms-connected";
  public static final String DISCONNECTED = "ms-disconnected";
  public static final String PALETTE = "ms-palette";
  public static final String TOOLBAR = "ms-toolbar";
  public static final String MACHINE_CARD = "ms-machine-card";
  public static final String TAG_VALUE = "ms-tag-value";
  public static final String TAG_CHIP = "ms-tag-chip";
  public static final String PAGED_TABLE = "ms-paged-table";
  public static final String REPORT_FLAG = "ms-report-flag";
  public static final String PARETO_LINE = "ms-pareto-line";

  private Styles() {}
}
