package io.millstone.client.core.list;

import java.util.function.Function;

/**
 * One column of a list: its id (for remembered widths), the message key of its title, how to read
 * its text from a row, the server's sort field (null when the server cannot sort by it), its
 * default width, and whether it holds numbers (amounts and quantities stand right-aligned, so their
 * digits line up).
 */
public record ColumnSpec<T>(
    String id,
    String titleKey,
    Function<T, String> text,
    String sortField,
    double width,
    boolean numeric) {

  public ColumnSpec(
      String id, String titleKey, Function<T, String> text, String sortField, double width) {
    this(id, titleKey, text, sortField, width, false);
  }

  /** A column of numbers. */
  public static <T> ColumnSpec<T> numeric(
      String id, String titleKey, Function<T, String> text, String sortField, double width) {
    return new ColumnSpec<>(id, titleKey, text, sortField, width, true);
  }
}
