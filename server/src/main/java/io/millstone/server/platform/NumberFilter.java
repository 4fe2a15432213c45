package io.millstone.server.platform;

import java.util.Locale;

/**
 * A list's quick filter read as the start of a document number (SO-2026-0004 finds SO-2026-00042):
 * a LIKE pattern on {@code upper(number)}, with LIKE's own characters taken literally.
 */
public final class NumberFilter {
  private NumberFilter() {}

  public static String prefix(String typed) {
    String t = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    return t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
