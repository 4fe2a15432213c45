package io.millstone.server.telemetry;

import io.millstone.server.platform.Tx;
import io.millstone.server.telemetry.model.Tag;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The tags of each company by key, kept in memory for the ingest path (thousands of readings a
 * second must not each look their tag up). Reloaded when a tag is defined on this node, and at most
 * every {@value #MAX_AGE_MILLIS} ms, so a tag defined on another node is known soon.
 */
public final class TagDirectory {
  static final long MAX_AGE_MILLIS = 10_000;

  /** What ingest needs of a tag: how to read its values and when they raise an alarm. */
  public record TagInfo(
      UUID id,
      String key,
      UUID machineId,
      Tag.ValueType type,
      java.math.BigDecimal alarmLow,
      java.math.BigDecimal alarmHigh,
      java.math.BigDecimal hysteresis,
      boolean runState) {
    static TagInfo of(Tag t) {
      var d = t.definition();
      return new TagInfo(
          t.id(),
          t.key(),
          t.machineId(),
          d.valueType(),
          d.alarmLow(),
          d.alarmHigh(),
          d.hysteresis(),
          d.runState());
    }
  }

  private record Entry(Map<String, TagInfo> byKey, long loadedAt) {}

  private final Map<UUID, Entry> companies = new ConcurrentHashMap<>();

  /**
   * The company's tags, loaded in the caller's transaction when missing, stale or lacking a key.
   */
  Map<String, TagInfo> tags(Tx t, UUID companyId, Iterable<String> wanted) {
    Entry e = companies.get(companyId);
    boolean fresh = e != null && System.currentTimeMillis() - e.loadedAt < MAX_AGE_MILLIS;
    // A key we do not know triggers a reload, but at most once a second: an agent that keeps
    // sending an unknown tag must not turn every batch into a tag query.
    if (fresh && System.currentTimeMillis() - e.loadedAt > 1000) {
      for (String k : wanted) {
        if (!e.byKey.containsKey(k)) {
          fresh = false;
          break;
        }
      }
    }
    if (!fresh) {
      Map<String, TagInfo> loaded =
          t
              .session()
              .createSelectionQuery("from Tag where companyId = :c", Tag.class)
              .setParameter("c", companyId)
              .getResultList()
              .stream()
              .collect(Collectors.toMap(Tag::key, TagInfo::of));
      e = new Entry(Map.copyOf(loaded), System.currentTimeMillis());
      companies.put(companyId, e);
    }
    return e.byKey;
  }

  void forget(UUID companyId) {
    companies.remove(companyId);
  }
}
