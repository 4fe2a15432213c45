package io.millstone.server.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One number card of the home screen: its figure (null when not available yet), how many documents
 * a money figure adds up, a daily series for a small chart (oldest first, today last; empty when
 * the card has none) and the client screen it opens, with a filter.
 */
public record HomeCard(
    String id,
    Group group,
    Kind kind,
    BigDecimal value,
    long documents,
    List<BigDecimal> series,
    String screenId,
    String filter,
    boolean attention) {

  /** The row of the home screen the card sits in. */
  public enum Group {
    SALES,
    ACCOUNTS,
    STORES,
    PRODUCTION,
    APPROVALS
  }

  /** What the figure counts. */
  public enum Kind {
    COUNT,
    MONEY,
    TONNES,
    PERCENT
  }

  static HomeCard of(String id, Group group, Kind kind, BigDecimal value, String screenId) {
    return new HomeCard(id, group, kind, value, 0, List.of(), screenId, "", false);
  }

  HomeCard documents(long n) {
    return new HomeCard(id, group, kind, value, n, series, screenId, filter, attention);
  }

  HomeCard series(List<BigDecimal> s) {
    return new HomeCard(
        id, group, kind, value, documents, List.copyOf(s), screenId, filter, attention);
  }

  HomeCard filter(String f) {
    return new HomeCard(id, group, kind, value, documents, series, screenId, f, attention);
  }

  /** Flags the card when its figure is above zero (money overdue, items short, alarms open). */
  HomeCard attentionWhenAboveZero() {
    boolean on = value != null && value.signum() > 0;
    return new HomeCard(id, group, kind, value, documents, series, screenId, filter, on);
  }
}
