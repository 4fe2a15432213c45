package io.millstone.server.platform;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset paging of documents newest first, by (date, id): the page token is the key of the last row
 * sent. One place for what every document list does (orders, invoices, bills).
 */
public final class DatedKeyset {
  /** A row's position in the list. */
  public record Key(LocalDate date, UUID id) {}

  /** The rows of one page and the token for the next one (empty on the last page). */
  public record Page<T>(List<T> rows, String nextPageToken) {}

  private static final String BAD_TOKEN =
      "is not a token this server gave out; start from the first page";

  private final Key after;
  private final int size;

  private DatedKeyset(Key after, int size) {
    this.after = after;
    this.size = size;
  }

  /** Reads a request's page size (0: 50, at most 500) and token, naming the bad field. */
  public static DatedKeyset of(int pageSize, String pageToken) {
    List<String> parts = PageToken.decode(pageToken, 2);
    Key after = null;
    if (parts != null && !parts.isEmpty()) {
      try {
        after = new Key(LocalDate.parse(parts.get(0)), UUID.fromString(parts.get(1)));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        parts = null;
      }
    }
    new Validator()
        .check(parts != null, "page.page_token", BAD_TOKEN)
        .check(pageSize >= 0, "page.page_size", "must not be negative")
        .throwIfInvalid();
    return new DatedKeyset(after, pageSize == 0 ? 50 : Math.min(pageSize, 500));
  }

  /**
   * What follows a query's filters: the position condition, the order and one row more than the
   * page (to know whether another page follows). Its four parameters are bound by {@link #bind}.
   */
  public String clause(String dateColumn, String idColumn) {
    return " AND (? OR ("
        + dateColumn
        + ", "
        + idColumn
        + ") < (?, ?)) ORDER BY "
        + dateColumn
        + " DESC, "
        + idColumn
        + " DESC LIMIT ?";
  }

  /** Binds the clause's parameters from position {@code first} on. */
  public void bind(PreparedStatement ps, int first) throws SQLException {
    ps.setBoolean(first, after == null);
    ps.setDate(first + 1, after == null ? null : Date.valueOf(after.date()));
    ps.setObject(first + 2, after == null ? null : after.id());
    ps.setInt(first + 3, size + 1);
  }

  /**
   * Runs a query whose first two columns are a row's date and id and returns this page of their
   * keys with the next page's token.
   */
  public Page<Key> keys(PreparedStatement ps) throws SQLException {
    List<Key> keys = new java.util.ArrayList<>();
    try (java.sql.ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys.add(new Key(rs.getDate(1).toLocalDate(), rs.getObject(2, UUID.class)));
      }
    }
    return page(keys, k -> k);
  }

  /** Reads one document of a list by its id. */
  @FunctionalInterface
  public interface Viewer<T> {
    T view(UUID id) throws SQLException;
  }

  /**
   * Runs a query as {@link #keys} does and reads each document of this page with {@code view}, in
   * the page's order.
   */
  public <T> Page<T> views(PreparedStatement ps, Viewer<T> view) throws SQLException {
    Page<Key> keys = keys(ps);
    List<T> out = new java.util.ArrayList<>();
    for (Key k : keys.rows()) {
      out.add(view.view(k.id()));
    }
    return new Page<>(out, keys.nextPageToken());
  }

  /** Cuts what the query returned to this page and makes the next page's token. */
  public <T> Page<T> page(List<T> rows, Function<T, Key> key) {
    if (rows.size() <= size) {
      return new Page<>(rows, "");
    }
    Key last = key.apply(rows.get(size - 1));
    return new Page<>(
        rows.subList(0, size), PageToken.encode(last.date().toString(), last.id().toString()));
  }
}
