package io.millstone.server.platform;

/**
 * How a company groups the digits of amounts: {@code INDIAN} in lakh and crore (1,23,45,678.00),
 * {@code WESTERN} in thousands (12,345,678.00). The names are those of {@code
 * company.number_grouping}.
 */
public enum NumberGrouping {
  INDIAN,
  WESTERN;

  /** The grouping a company row names; null for none or a name this server does not know. */
  public static NumberGrouping of(String name) {
    if (name != null) {
      for (NumberGrouping g : values()) {
        if (g.name().equals(name)) {
          return g;
        }
      }
    }
    return null;
  }
}
