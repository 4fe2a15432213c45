package io.millstone.server.telemetry;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.ListQuery;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.telemetry.model.Machine;
import io.millstone.server.telemetry.model.Tag;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Machines and their tags. */
public final class MachineAdmin {
  private static final Pattern TAG_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final ListQuery<Machine> LIST =
      ListQuery.over(Machine.class)
          .text("code", "e.code")
          .text("name", "e.name")
          .text("area", "e.area")
          .freeText("e.code", "e.name", "e.area")
          .sort("code", "e.code", ListQuery.SortType.TEXT)
          .sort("name", "e.name", ListQuery.SortType.TEXT);

  /** A machine with its tags. */
  public record MachineView(Machine machine, List<Tag> tags) {}

  /** A tag definition as a client sends it: numbers still text. */
  public record TagInput(
      String machineId,
      String key,
      String name,
      String unit,
      Tag.ValueType valueType,
      String expectedMin,
      String expectedMax,
      String alarmLow,
      String alarmHigh,
      String hysteresis,
      boolean runState) {}

  private final Transactions tx;
  private final Clock clock;
  private final TagDirectory tags;

  public MachineAdmin(Transactions tx, Clock clock, TagDirectory tags) {
    this.tx = tx;
    this.clock = clock;
    this.tags = tags;
  }

  public ListQuery.Page<MachineView> list(
      Actor actor, String filter, int pageSize, String pageToken) {
    return tx.inCompany(
        actor,
        t ->
            ListQuery.map(
                LIST.run(t, filter, "", pageSize, pageToken),
                m -> new MachineView(m, tagsOf(t, m.id()))));
  }

  public MachineView create(
      Actor actor, String idempotencyKey, String code, String name, String area) {
    String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    v.text(c, "code", 32);
    v.text(name == null ? null : name.trim(), "name", 200);
    v.check(area == null || area.length() <= 100, "area", "is too long (at most 100 characters)");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  idempotencyKey,
                  "telemetry.machine.create",
                  c + '\u001f' + name.trim() + '\u001f' + area,
                  id -> {
                    boolean taken =
                        !t.session()
                            .createSelectionQuery(
                                "from Machine where companyId = :c and code = :code", Machine.class)
                            .setParameter("c", actor.companyId())
                            .setParameter("code", c)
                            .getResultList()
                            .isEmpty();
                    if (taken) {
                      throw InvalidInputException.of("code", "is already used by another machine");
                    }
                    t.session()
                        .persist(
                            new Machine(
                                id,
                                actor.companyId(),
                                c,
                                name.trim(),
                                area == null ? "" : area.trim(),
                                actor.username(),
                                clock.instant()));
                    t.audit("telemetry.machine.create", "machine", id, "created machine " + c);
                    return id;
                  });
          Machine m = t.session().get(Machine.class, outcome.id());
          return new MachineView(m, tagsOf(t, m.id()));
        });
  }

  public Tag defineTag(Actor actor, TagInput in) {
    Validator v = new Validator();
    UUID machineId = Ids.parseOrNull(in.machineId());
    v.check(machineId != null, "machine_id", "is not a valid id");
    String key = in.key() == null ? "" : in.key().trim().toLowerCase(Locale.ROOT);
    v.check(
        TAG_KEY.matcher(key).matches(),
        "key",
        "must be lower-case letters, digits and . _ -, like mill1.speed");
    v.text(in.name() == null ? null : in.name().trim(), "name", 200);
    v.check(
        in.unit() == null || in.unit().length() <= 20,
        "unit",
        "is too long (at most 20 characters)");
    v.check(in.valueType() != null, "value_type", "is required: number, boolean or counter");
    BigDecimal min = optional(v, "expected_min", in.expectedMin());
    BigDecimal max = optional(v, "expected_max", in.expectedMax());
    BigDecimal low = optional(v, "alarm_low", in.alarmLow());
    BigDecimal high = optional(v, "alarm_high", in.alarmHigh());
    BigDecimal hyst = optional(v, "hysteresis", in.hysteresis());
    v.check(hyst == null || hyst.signum() >= 0, "hysteresis", "must not be negative");
    v.check(
        min == null || max == null || min.compareTo(max) < 0,
        "expected_max",
        "must be above expected_min");
    v.check(
        low == null || high == null || low.compareTo(high) < 0,
        "alarm_high",
        "must be above alarm_low");
    v.check(
        !in.runState() || in.valueType() == Tag.ValueType.BOOLEAN,
        "is_run_state",
        "needs a boolean tag");
    v.throwIfInvalid();
    Tag.Definition d =
        new Tag.Definition(
            in.name().trim(),
            in.unit() == null ? "" : in.unit().trim(),
            in.valueType(),
            min,
            max,
            low,
            high,
            hyst == null ? BigDecimal.ZERO : hyst,
            in.runState());
    Tag result =
        tx.inCompany(
            actor,
            t -> {
              Machine m = t.session().get(Machine.class, machineId);
              if (m == null) {
                throw new NotFoundException("Machine", in.machineId());
              }
              Tag existing =
                  t
                      .session()
                      .createSelectionQuery("from Tag where companyId = :c and key = :k", Tag.class)
                      .setParameter("c", actor.companyId())
                      .setParameter("k", key)
                      .getResultList()
                      .stream()
                      .findFirst()
                      .orElse(null);
              if (existing != null && !existing.machineId().equals(machineId)) {
                throw InvalidInputException.of("key", "is already a tag of another machine");
              }
              Tag tag = existing;
              if (tag == null) {
                tag = new Tag(Ids.newId(), actor.companyId(), machineId, key, d);
                t.session().persist(tag);
              } else {
                tag.define(d);
              }
              t.session().flush();
              endAlarmsWithoutLimit(t, tag.id(), d);
              t.audit("telemetry.tag.define", "tag", tag.id(), m.code() + " " + key + ": " + d);
              return tag;
            });
    tags.forget(actor.companyId());
    return result;
  }

  /**
   * A limit taken away ends the tag's open alarm of that kind now: the ingest looks only at tags
   * with limits, so no reading would ever end it.
   */
  private void endAlarmsWithoutLimit(Tx t, UUID tagId, Tag.Definition d) {
    if (d.alarmHigh() != null && d.alarmLow() != null) {
      return;
    }
    Instant now = clock.instant();
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE alarm SET ended_at = greatest(started_at, ?) WHERE tag_id = ?"
                      + " AND ended_at IS NULL AND ((kind = 'HIGH' AND ?) OR (kind = 'LOW' AND ?))")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, tagId);
            ps.setBoolean(3, d.alarmHigh() == null);
            ps.setBoolean(4, d.alarmLow() == null);
            return ps.executeUpdate();
          }
        });
  }

  private static BigDecimal optional(Validator v, String field, String text) {
    return text == null || text.isBlank() ? null : Decimals.parse(v, field, text, 6, false);
  }

  private static List<Tag> tagsOf(Tx t, UUID machineId) {
    return t.session()
        .createSelectionQuery("from Tag where machineId = :m order by key", Tag.class)
        .setParameter("m", machineId)
        .getResultList();
  }
}
