package io.millstone.agent.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One mapping from {@code agent.yaml} read with its place in the file, so that every mistake names
 * the key it is under ({@code source 'boiler': tags[2].address must be ...}).
 */
final class Settings {
  private final String where;
  private final Map<String, Object> values;

  Settings(String where, Map<String, Object> values) {
    this.where = where;
    this.values = values;
  }

  @SuppressWarnings("unchecked")
  static Settings of(String where, Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(where + " must be a mapping of keys to values");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
    return new Settings(where, out);
  }

  String where() {
    return where;
  }

  /** "{where}.{key}", or just the key at the top of a source. */
  String at(String key) {
    return where.isEmpty() ? key : where + "." + key;
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  Object raw(String key) {
    return values.get(key);
  }

  void onlyKnown(Set<String> keys, String prefix) {
    for (String k : values.keySet()) {
      if (!keys.contains(k)) {
        throw new IllegalArgumentException(
            prefix
                + "unknown setting '"
                + at(k)
                + "'; known: "
                + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }

  String text(String key, String prefix) {
    Object v = values.get(key);
    if (v == null || v.toString().isBlank()) {
      throw new IllegalArgumentException(prefix + "'" + at(key) + "' is missing");
    }
    return v.toString().trim();
  }

  String text(String key, String fallback, String prefix) {
    return has(key) ? text(key, prefix) : fallback;
  }

  long whole(String key, long fallback, long min, long max, String prefix) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    long n;
    try {
      n =
          v instanceof Number num && !(v instanceof Double) && !(v instanceof Float)
              ? num.longValue()
              : Long.parseLong(v.toString().replace("_", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          prefix + at(key) + " must be a whole number, not '" + v + "'");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          prefix + at(key) + " must be from " + min + " to " + max + ", not " + n);
    }
    return n;
  }

  long requiredWhole(String key, long min, long max, String prefix) {
    if (!has(key)) {
      throw new IllegalArgumentException(prefix + "'" + at(key) + "' is missing");
    }
    return whole(key, 0, min, max, prefix);
  }

  BigDecimal decimal(String key, BigDecimal fallback, String prefix) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    String text = v.toString().replace("_", "").trim();
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(prefix + at(key) + " must be a number, not '" + v + "'");
    }
    // Judged from precision and scale before any arithmetic: every reading is multiplied by a
    // scale, and one like '1E-300000000' (quoted, so YAML leaves it text) would cost each of
    // them seconds and gigabytes.
    if (text.length() > 60
        || (d.signum() != 0
            && ((long) d.precision() - d.scale() > MAX_INTEGER_DIGITS
                || d.scale() > MAX_DECIMALS))) {
      throw new IllegalArgumentException(
          prefix
              + at(key)
              + " must be a number with at most "
              + MAX_INTEGER_DIGITS
              + " digits before the point and "
              + MAX_DECIMALS
              + " after, not '"
              + (text.length() > 60 ? text.substring(0, 60) + "…" : text)
              + "'");
    }
    return d.signum() == 0 ? BigDecimal.ZERO : d;
  }

  private static final int MAX_INTEGER_DIGITS = 24;
  private static final int MAX_DECIMALS = 40;

  boolean flag(String key, boolean fallback, String prefix) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(
        prefix + at(key) + " must be true or false, not '" + v + "'");
  }

  Duration duration(String key, Duration fallback, String prefix) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    Duration d;
    try {
      d = AgentConfig.duration(v, at(key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + e.getMessage());
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(prefix + at(key) + " must be above zero, not '" + v + "'");
    }
    return d;
  }

  /** One of {@code choices}, compared without case; returns the choice as written there. */
  String choice(String key, String fallback, List<String> choices, String prefix) {
    String v = has(key) ? text(key, prefix) : fallback;
    for (String c : choices) {
      if (c.equalsIgnoreCase(v)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        prefix
            + at(key)
            + " must be one of "
            + String.join(", ", choices)
            + ", not '"
            + v.toLowerCase(Locale.ROOT)
            + "'");
  }

  List<Settings> list(String key, String prefix) {
    Object v = values.get(key);
    if (!(v instanceof List<?> l) || l.isEmpty()) {
      throw new IllegalArgumentException(
          prefix + "'" + at(key) + "' must be a list with at least one entry");
    }
    java.util.ArrayList<Settings> out = new java.util.ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      String w = at(key) + "[" + i + "]";
      try {
        out.add(of(w, l.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(prefix + e.getMessage());
      }
    }
    return out;
  }
}
