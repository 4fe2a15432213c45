package io.millstone.server.telemetry;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.AuthenticationException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.telemetry.model.Device;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Edge agents: registration with a one-time token, enrolment, revocation, quarantine. */
public final class DeviceAdmin {
  static final Duration ENROLLMENT_VALIDITY = Duration.ofHours(24);

  /** A new device and the token to enrol it with (shown once). */
  public record Created(Device device, String enrollmentToken, Instant expiresAt) {}

  /** What an agent gets for its token. */
  public record Enrolled(UUID deviceId, String secret, UUID companyId, Instant serverTime) {}

  /** A refused reading and why. */
  public record Quarantined(
      UUID deviceId,
      long seq,
      String tagKey,
      Instant sourceTime,
      String value,
      String reason,
      Instant receivedAt) {}

  private final Transactions tx;
  private final Clock clock;

  public DeviceAdmin(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public Created create(Actor actor, String idempotencyKey, String name) {
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    v.text(name == null ? null : name.trim(), "name", 100);
    v.throwIfInvalid();
    // A replayed create cannot show the token again (only its hash is kept), so it gets a new one.
    String token = Secrets.newSecret();
    Instant expires = clock.instant().plus(ENROLLMENT_VALIDITY);
    Device d =
        tx.inCompany(
            actor,
            t -> {
              var outcome =
                  Idempotency.once(
                      t,
                      idempotencyKey,
                      "telemetry.device.create",
                      name.trim(),
                      id -> {
                        boolean taken =
                            !t.session()
                                .createSelectionQuery(
                                    "from Device where companyId = :c and name = :n", Device.class)
                                .setParameter("c", actor.companyId())
                                .setParameter("n", name.trim())
                                .getResultList()
                                .isEmpty();
                        if (taken) {
                          throw InvalidInputException.of(
                              "name", "is already the name of another device");
                        }
                        t.session()
                            .persist(
                                new Device(
                                    id,
                                    actor.companyId(),
                                    name.trim(),
                                    Secrets.hash(token),
                                    expires,
                                    clock.instant()));
                        t.audit(
                            "telemetry.device.create",
                            "device",
                            id,
                            "registered device " + name.trim());
                        return id;
                      });
              Device found = t.session().get(Device.class, outcome.id());
              if (outcome.replayed() && found.state() == Device.State.ENROLLMENT_PENDING) {
                found.reissue(Secrets.hash(token), expires);
              }
              return found;
            });
    return new Created(d, token, expires);
  }

  public List<Device> list(Actor actor) {
    return tx.inCompany(
        actor,
        t ->
            t.session()
                .createSelectionQuery("from Device order by name", Device.class)
                .getResultList());
  }

  public Device revoke(Actor actor, String id) {
    UUID deviceId = Ids.parseOrNull(id);
    new Validator().check(deviceId != null, "id", "is not a valid id").throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Device d = t.session().get(Device.class, deviceId);
          if (d == null) {
            throw new NotFoundException("Device", id);
          }
          d.revoke();
          t.session().flush();
          t.audit("telemetry.device.revoke", "device", d.id(), "revoked device " + d.name());
          return d;
        });
  }

  /**
   * Exchanges a one-time token for a device secret, in one conditional step: the token is spent
   * once, and never on a device revoked meanwhile.
   */
  public Enrolled enroll(String token, String agentVersion, String hostname, String requestId) {
    new Validator()
        .text(token, "enrollment_token", 100)
        .check(agentVersion == null || agentVersion.length() <= 50, "agent_version", "is too long")
        .check(hostname == null || hostname.length() <= 200, "hostname", "is too long")
        .throwIfInvalid();
    Object[] found =
        tx.asUser(
            null,
            t ->
                t
                    .session()
                    .createNativeQuery(
                        "SELECT id, company_id, enrollment_expires_at FROM find_device_by_enrollment(:h)",
                        Object[].class)
                    .setParameter("h", Secrets.hash(token))
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElse(null));
    if (found == null) {
      throw invalidToken();
    }
    UUID deviceId = (UUID) found[0];
    UUID companyId = (UUID) found[1];
    Instant expires = toInstant(found[2]);
    if (expires == null || expires.isBefore(clock.instant())) {
      throw new AuthenticationException(
          "enrollment_token_expired",
          "This enrolment token has expired; ask an administrator for a new one.");
    }
    String secret = Secrets.newSecret();
    Instant now = clock.instant();
    Actor system = Actor.system(companyId, "enrollment");
    tx.inCompany(
        new Actor(system.userId(), "device-enrollment", companyId, system.permissions(), requestId),
        t -> {
          // One conditional statement spends the token: of agents racing with one token only the
          // first gets a row back, and a revocation committed meanwhile leaves nothing to update.
          String name =
              Jdbc.work(
                  t,
                  c -> {
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "UPDATE device SET state = 'ACTIVE', enrollment_token_hash = NULL,"
                                + " enrollment_expires_at = NULL, secret_hash = ?,"
                                + " agent_version = ?, last_seen_at = ?"
                                + " WHERE id = ? AND enrollment_token_hash = ?"
                                + " AND state = 'ENROLLMENT_PENDING'"
                                + " AND enrollment_expires_at > ? RETURNING name")) {
                      ps.setBytes(1, Secrets.hash(secret));
                      ps.setString(2, agentVersion == null ? "" : agentVersion);
                      ps.setTimestamp(3, Timestamp.from(now));
                      ps.setObject(4, deviceId);
                      ps.setBytes(5, Secrets.hash(token));
                      ps.setTimestamp(6, Timestamp.from(now));
                      try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                      }
                    }
                  });
          if (name == null) {
            throw invalidToken();
          }
          t.audit(
              "telemetry.device.enroll",
              "device",
              deviceId,
              "enrolled " + name + " from host " + (hostname == null ? "?" : hostname));
          return null;
        });
    return new Enrolled(deviceId, secret, companyId, clock.instant());
  }

  private static AuthenticationException invalidToken() {
    return new AuthenticationException(
        "enrollment_token_invalid",
        "This enrolment token is not valid (mistyped, already used, or the device was revoked);"
            + " ask an administrator for a new one.");
  }

  public List<Quarantined> quarantine(Actor actor, String deviceId, int limit) {
    UUID device = deviceId == null || deviceId.isEmpty() ? null : Ids.parseOrNull(deviceId);
    new Validator()
        .check(
            deviceId == null || deviceId.isEmpty() || device != null,
            "device_id",
            "is not a valid id")
        .throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          List<Object[]> rows =
              t.session()
                  .createNativeQuery(
                      "SELECT device_id, seq, tag_key, source_time, value, reason, received_at"
                          + " FROM reading_quarantine WHERE (CAST(:d AS uuid) IS NULL OR device_id = :d)"
                          + " ORDER BY received_at DESC, seq DESC LIMIT :n",
                      Object[].class)
                  .setParameter("d", device)
                  .setParameter("n", Math.max(1, Math.min(limit, 1000)))
                  .getResultList();
          return rows.stream()
              .map(
                  r ->
                      new Quarantined(
                          (UUID) r[0],
                          ((Number) r[1]).longValue(),
                          (String) r[2],
                          toInstant(r[3]),
                          (String) r[4],
                          (String) r[5],
                          toInstant(r[6])))
              .toList();
        });
  }

  static Instant toInstant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    throw new IllegalStateException("not a time: " + o.getClass());
  }
}
