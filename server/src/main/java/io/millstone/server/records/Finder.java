package io.millstone.server.records;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds records by number, code or words, in PostgreSQL: one search function per kind the caller
 * may read (V31), each using its kind's indexes (a trigram index on numbers, a word index on names
 * and notes, the party's word index for documents found by their customer, supplier or grower).
 */
public final class Finder {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 50;
  private static final int MAX_TERMS = 8;

  private final Transactions tx;
  private volatile Boolean trigrams;

  public Finder(Transactions tx) {
    this.tx = tx;
  }

  /** A record found; {@code date}, {@code amount}, {@code state} and {@code title} may be null. */
  public record Hit(
      String kind,
      String id,
      String reference,
      String title,
      LocalDate date,
      BigDecimal amount,
      String state,
      double rank) {}

  public List<Hit> search(Actor actor, String query, int limit) {
    String q = query == null ? "" : query.strip();
    new Validator()
        .check(
            q.length() >= 2 && q.length() <= 100,
            "query",
            "search_query_length",
            "must be 2 to 100 characters")
        .check(limit >= 0, "limit", "must not be negative")
        .throwIfInvalid();
    int n = limit == 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    List<RecordKinds.Kind> kinds =
        RecordKinds.ALL.values().stream().filter(k -> actor.can(k.permission())).toList();
    if (kinds.isEmpty()) {
      return List.of();
    }
    String tsquery = tsquery(q);
    String num = q.toUpperCase(Locale.ROOT);
    String like = escapeLike(num);
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          boolean trgm = hasTrigrams(c);
          StringBuilder sql = new StringBuilder("SELECT * FROM (");
          List<Object> params = new ArrayList<>();
          for (RecordKinds.Kind k : kinds) {
            sql.append(params.isEmpty() ? "" : " UNION ALL ")
                .append("SELECT * FROM public.")
                .append(k.searchFunction())
                .append("(to_tsquery('simple'::regconfig, ?), ?, ?, ?, ?, ?)");
            params.add(tsquery);
            params.add(num);
            params.add(like + "%");
            params.add("%" + like + "%");
            // Without trigrams the number's prefix index serves "starts with" only.
            params.add(trgm ? "%" + like + "%" : like + "%");
            params.add(n);
          }
          sql.append(") hits ORDER BY rank DESC, reference LIMIT ?");
          params.add(n);
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
              ps.setObject(i + 1, params.get(i));
            }
            List<Hit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Hit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getDouble(8)));
              }
            }
            return out;
          }
        });
  }

  /**
   * The typed words as a prefix query ({@code sugar:* & mill:*}), each word reduced to letters,
   * marks and digits (Bangla vowel signs are marks), so nothing typed can break the query's syntax;
   * null when nothing is left.
   */
  static String tsquery(String q) {
    List<String> terms = new ArrayList<>();
    for (String w : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+")) {
      if (!w.isEmpty() && terms.size() < MAX_TERMS) {
        terms.add(w + ":*");
      }
    }
    return terms.isEmpty() ? null : String.join(" & ", terms);
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private boolean hasTrigrams(Connection c) throws SQLException {
    Boolean known = trigrams;
    if (known == null) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = ?)")) {
        ps.setString(1, "pg_trgm");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          known = rs.getBoolean(1);
        }
      }
      trigrams = known;
    }
    return known;
  }
}
