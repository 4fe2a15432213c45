package io.millstone.client.core.list;

import java.util.function.Function;

/**
 * One column of a list: its id (for remembered widths), the message key of its title, how to read
 * its text from a row, the server's sort field (null when the server cannot sort by it), and its
 * default width.
 */
public record ColumnSpec<T>(
    String id, String titleKey, Function<T, String> text, String sortField, double width) {}
