package io.millstone.server.platform;

import io.millstone.server.platform.error.FieldViolation;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.query.SelectionQuery;

/**
 * One list screen's query: the quick filter a person types ({@code name: sugar}, {@code code:
 * SUG*}, {@code active: no}, free words), an allow-listed sort, and keyset paging. Built once per
 * entity and reused; every value reaches the database as a parameter.
 */
public final class ListQuery<T> {
  public static final int DEFAULT_PAGE = 50;
  public static final int MAX_PAGE = 500;

  /** How a filter field matches. */
  public enum Match {
    /** Contains, case-insensitive; {@code *} makes it a pattern ({@code SUG*} starts with). */
    TEXT,
    /** One of a fixed set of values, given by name or unambiguous prefix. */
    CHOICE
  }

  /** How a sort field's values are compared and carried in the page token. */
  public enum SortType {
    TEXT,
    DECIMAL,
    INTEGER
  }

  private record FilterField(String expression, Match match, Map<String, Object> choices) {}

  private record SortField(String expression, SortType type) {}

  /** One page of rows, the token for the next page (empty at the end) and the total count. */
  public record Page<T>(List<T> rows, String nextPageToken, long totalSize) {}

  private final Class<T> entity;
  private final Map<String, FilterField> fields = new LinkedHashMap<>();
  private final Map<String, SortField> sorts = new LinkedHashMap<>();
  private final List<String> freeTextExpressions = new ArrayList<>();
  private String defaultSort;
  private String extraCondition;

  private ListQuery(Class<T> entity) {
    this.entity = entity;
  }

  /** A query over {@code entity}, which must have {@code id}, {@code companyId}, {@code active}. */
  public static <T> ListQuery<T> over(Class<T> entity) {
    return new ListQuery<>(entity);
  }

  public ListQuery<T> text(String name, String expression) {
    fields.put(name, new FilterField(expression, Match.TEXT, Map.of()));
    return this;
  }

  public ListQuery<T> choice(String name, String expression, Map<String, Object> choices) {
    fields.put(name, new FilterField(expression, Match.CHOICE, Map.copyOf(choices)));
    return this;
  }

  /** Free words (not {@code field: value}) must each appear in one of these. */
  public ListQuery<T> freeText(String... expressions) {
    freeTextExpressions.addAll(List.of(expressions));
    return this;
  }

  public ListQuery<T> sort(String name, String expression, SortType type) {
    sorts.put(name, new SortField(expression, type));
    if (defaultSort == null) {
      defaultSort = name;
    }
    return this;
  }

  /** A fixed condition every list of this kind adds (e.g. {@code e.customer = true}). */
  public ListQuery<T> where(String condition) {
    this.extraCondition = condition;
    return this;
  }

  public Page<T> run(Tx tx, String filter, String orderBy, int pageSize, String pageToken) {
    tx.customPlans();
    List<FieldViolation> problems = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where e.companyId = :company");
    Map<String, Object> params = new HashMap<>();
    params.put("company", tx.actor().orElseThrow().companyId());
    if (extraCondition != null) {
      where.append(" and ").append(extraCondition);
    }
    Boolean active = Boolean.TRUE;
    int n = 0;
    for (String[] term : tokenize(filter == null ? "" : filter, problems)) {
      String key = term[0];
      String value = term[1];
      if (key == null) {
        List<String> ors = new ArrayList<>();
        for (String expr : freeTextExpressions) {
          ors.add("lower(" + expr + ") like :p" + n + " escape '\\'");
        }
        where.append(" and (").append(String.join(" or ", ors)).append(")");
        params.put("p" + n++, likePattern(value));
      } else if (key.equals("active")) {
        switch (value.toLowerCase(Locale.ROOT)) {
          case "yes", "true", "y" -> active = Boolean.TRUE;
          case "no", "false", "n" -> active = Boolean.FALSE;
          case "any", "all", "*" -> active = null;
          default ->
              problems.add(
                  new FieldViolation(
                      "filter", "active: takes yes, no or any, not '" + value + "'"));
        }
      } else if (fields.containsKey(key)) {
        FilterField f = fields.get(key);
        if (f.match() == Match.TEXT) {
          where
              .append(" and lower(")
              .append(f.expression())
              .append(") like :p")
              .append(n)
              .append(" escape '\\'");
          params.put("p" + n++, likePattern(value));
        } else {
          Object choice = choose(f, value);
          if (choice == null) {
            problems.add(
                new FieldViolation(
                    "filter",
                    key
                        + ": takes one of "
                        + String.join(", ", f.choices().keySet())
                        + ", not '"
                        + value
                        + "'"));
          } else {
            where.append(" and ").append(f.expression()).append(" = :p").append(n);
            params.put("p" + n++, choice);
          }
        }
      } else {
        List<String> known = new ArrayList<>(fields.keySet());
        known.add("active");
        problems.add(
            new FieldViolation(
                "filter",
                "'" + key + "' is not a field you can filter on; use " + String.join(", ", known)));
      }
    }
    if (active != null) {
      where.append(" and e.active = :active");
      params.put("active", active);
    }

    String sortName = orderBy == null || orderBy.isBlank() ? defaultSort : orderBy.trim();
    boolean desc = sortName.startsWith("-");
    if (desc) {
      sortName = sortName.substring(1);
    }
    SortField sort = sorts.get(sortName);
    if (sort == null) {
      problems.add(
          new FieldViolation(
              "order_by",
              "cannot sort by '" + sortName + "'; sort by " + String.join(", ", sorts.keySet())));
    }
    int size = pageSize <= 0 ? DEFAULT_PAGE : Math.min(pageSize, MAX_PAGE);
    if (pageSize < 0) {
      problems.add(new FieldViolation("page.page_size", "must not be negative"));
    }
    List<String> after = PageToken.decode(pageToken, 3);
    Object afterValue = null;
    UUID afterId = null;
    if (after == null) {
      problems.add(
          new FieldViolation(
              "page.page_token", "is not a token this server gave out; start from the first page"));
    } else if (!after.isEmpty() && sort != null) {
      afterId = Ids.parseOrNull(after.get(2));
      afterValue = parseSortValue(sort.type(), after.get(1));
      if (!after.get(0).equals((desc ? "-" : "") + sortName)
          || afterId == null
          || afterValue == null) {
        problems.add(
            new FieldViolation(
                "page.page_token",
                "belongs to another sort or is damaged; start from the first page"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }

    String from = " from " + entity.getSimpleName() + " e";
    var count = tx.session().createSelectionQuery("select count(e)" + from + where, Long.class);
    params.forEach(count::setParameter);
    long total = count.getSingleResult();

    StringBuilder pageWhere = new StringBuilder(where);
    if (afterId != null) {
      String op = desc ? "<" : ">";
      pageWhere
          .append(" and (")
          .append(sort.expression())
          .append(' ')
          .append(op)
          .append(" :afterValue or (")
          .append(sort.expression())
          .append(" = :afterValue and e.id ")
          .append(op)
          .append(" :afterId))");
    }
    String dir = desc ? " desc" : " asc";
    SelectionQuery<Object[]> q =
        tx.session()
            .createSelectionQuery(
                "select e, "
                    + sort.expression()
                    + from
                    + pageWhere
                    + " order by "
                    + sort.expression()
                    + dir
                    + ", e.id"
                    + dir,
                Object[].class)
            .setMaxResults(size + 1);
    params.forEach(q::setParameter);
    if (afterId != null) {
      q.setParameter("afterValue", afterValue);
      q.setParameter("afterId", afterId);
    }
    List<Object[]> found = q.getResultList();
    List<T> rows = new ArrayList<>(Math.min(found.size(), size));
    for (int i = 0; i < found.size() && i < size; i++) {
      rows.add(entity.cast(found.get(i)[0]));
    }
    String next = "";
    if (found.size() > size) {
      Object[] last = found.get(size - 1);
      Object v = last[1];
      next =
          PageToken.encode(
              (desc ? "-" : "") + sortName,
              v instanceof BigDecimal bd ? bd.toPlainString() : String.valueOf(v),
              String.valueOf(tx.session().getIdentifier(last[0])));
    }
    return new Page<>(List.copyOf(rows), next, total);
  }

  /** Maps a page of entities, keeping the paging information. */
  public static <T, R> Page<R> map(Page<T> page, Function<T, R> f) {
    return new Page<>(page.rows().stream().map(f).toList(), page.nextPageToken(), page.totalSize());
  }

  /** Widest decimal a sortable column holds (money NUMERIC(19,4), factors NUMERIC(30,12)). */
  private static final int SORT_SCALE = 12;

  private static final int SORT_INTEGER_DIGITS = 24;

  private static Object parseSortValue(SortType type, String s) {
    try {
      return switch (type) {
        case TEXT -> s;
        case DECIMAL -> {
          // A token is sent back by the client: a value this server never wrote (an exponent
          // such as E-300000000) would cost minutes to bind, so it reads as a damaged token.
          BigDecimal d = s.length() > Decimals.MAX_TEXT ? null : new BigDecimal(s);
          yield d != null && Decimals.check(d, SORT_SCALE, SORT_INTEGER_DIGITS) == Decimals.Fit.OK
              ? d
              : null;
        }
        case INTEGER -> Integer.valueOf(s);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object choose(FilterField f, String value) {
    String v = value.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    if (f.choices().containsKey(v)) {
      return f.choices().get(v);
    }
    Object found = null;
    for (Map.Entry<String, Object> e : f.choices().entrySet()) {
      if (e.getKey().startsWith(v)) {
        if (found != null) {
          return null;
        }
        found = e.getValue();
      }
    }
    return found;
  }

  /** {@code SUG*} → {@code sug%}; a value without * matches anywhere. % and _ are literal. */
  static String likePattern(String value) {
    String escaped =
        value
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return value.contains("*") ? escaped.replace('*', '%') : "%" + escaped + "%";
  }

  /**
   * Splits a quick filter into terms: {@code [field, value]} for {@code field: value} (the value
   * may be "quoted with spaces"), {@code [null, word]} for a free word.
   */
  static List<String[]> tokenize(String text, List<FieldViolation> problems) {
    List<String[]> out = new ArrayList<>();
    if (text.length() > 500) {
      problems.add(new FieldViolation("filter", "is too long (at most 500 characters)"));
      return out;
    }
    int i = 0;
    int len = text.length();
    while (i < len) {
      while (i < len && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= len) {
        break;
      }
      String word = readValue(text, i);
      int end = i + rawLength(text, i);
      if (!word.startsWith("\"") && word.endsWith(":") && word.length() > 1) {
        String key = word.substring(0, word.length() - 1).toLowerCase(Locale.ROOT);
        int j = end;
        while (j < len && Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        if (j >= len) {
          problems.add(new FieldViolation("filter", key + ": needs a value"));
          break;
        }
        out.add(new String[] {key, unquote(readValue(text, j))});
        i = j + rawLength(text, j);
      } else if (!word.startsWith("\"") && word.indexOf(':') > 0) {
        int colon = word.indexOf(':');
        out.add(
            new String[] {
              word.substring(0, colon).toLowerCase(Locale.ROOT),
              unquote(text.substring(i + colon + 1, end))
            });
        i = end;
      } else {
        out.add(new String[] {null, unquote(word)});
        i = end;
      }
    }
    return out;
  }

  private static int rawLength(String text, int start) {
    int i = start;
    boolean quoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && Character.isWhitespace(c)) {
        break;
      }
      i++;
    }
    return i - start;
  }

  private static String readValue(String text, int start) {
    return text.substring(start, start + rawLength(text, start));
  }

  private static String unquote(String s) {
    return s.replace("\"", "");
  }
}
