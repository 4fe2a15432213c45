package io.millstone.server.notify;

import io.millstone.api.notify.v1.Notification;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.error.InvalidInputException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A person's published notifications, what they have read, and the counts of their badges. A person
 * sees the notifications of their company addressed to them or to a permission their roles grant,
 * except those about their own acts.
 */
public final class Notifications {
  /** How many stored notifications a stream starting from nothing begins with. */
  static final int FIRST_WATCH = 50;

  /** The most one read of the catch-up returns; the stream reads again until it has all. */
  static final int CATCH_UP_PAGE = 500;

  private static final String VISIBLE =
      " seq IS NOT NULL AND (recipient_user_id = ? OR (recipient_user_id IS NULL AND permission ="
          + " ANY (?))) AND actor_user_id IS DISTINCT FROM ?";

  private static final String COLUMNS =
      "seq, company_id, kind, args, summary, document_type, document_id, permission,"
          + " recipient_user_id, actor_user_id, actor, occurred_at";

  private final Transactions tx;

  public Notifications(Transactions tx) {
    this.tx = tx;
  }

  /** What a person is told and what they may see: the person and their permissions. */
  record Reader(UUID company, UUID user, java.util.Set<String> permissions) {
    static Reader of(Actor actor) {
      return new Reader(
          actor.companyId(),
          actor.userId().orElseThrow(() -> new IllegalStateException("a person, not the server")),
          actor.permissions());
    }
  }

  /**
   * The published notifications after {@code afterId} (oldest first, at most {@link
   * #CATCH_UP_PAGE}); from nothing ({@code afterId} 0), the newest {@link #FIRST_WATCH}. Waits for
   * a relay round under way, so that what it publishes is either read here or arrives later.
   */
  List<Notification> after(Actor actor, long afterId) {
    Reader r = Reader.of(actor);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
            ps.setLong(1, NotificationRelay.LOCK);
            ps.execute();
          }
          long readUpTo = readUpTo(c, r);
          List<Notification> out = new ArrayList<>();
          boolean newest = afterId <= 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM notification WHERE seq > ? AND"
                      + VISIBLE
                      + (newest
                          ? " ORDER BY seq DESC LIMIT " + FIRST_WATCH
                          : " ORDER BY seq LIMIT " + CATCH_UP_PAGE))) {
            ps.setLong(1, Math.max(0, afterId));
            bindReader(c, ps, 2, r);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    row(rs, rs.getLong(1), 3).toBuilder()
                        .setRead(rs.getLong(1) <= readUpTo)
                        .build());
              }
            }
          }
          if (newest) {
            Collections.reverse(out);
          }
          return out;
        });
  }

  /** The newest {@code limit} notifications, newest first, with the unread count. */
  public record Page(List<Notification> notifications, int unread, long readUpTo) {}

  public Page list(Actor actor, int limit) {
    if (limit < 0 || limit > 200) {
      throw InvalidInputException.of("limit", "must be between 0 and 200");
    }
    int n = limit == 0 ? 30 : limit;
    Reader r = Reader.of(actor);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          long readUpTo = readUpTo(c, r);
          List<Notification> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM notification WHERE"
                      + VISIBLE
                      + " ORDER BY seq DESC LIMIT ?")) {
            bindReader(c, ps, 1, r);
            ps.setInt(4, n);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    row(rs, rs.getLong(1), 3).toBuilder()
                        .setRead(rs.getLong(1) <= readUpTo)
                        .build());
              }
            }
          }
          return new Page(out, unread(c, r, readUpTo), readUpTo);
        });
  }

  /** Marks everything up to {@code upToId} read (a marker never moves back); the unread left. */
  public int markRead(Actor actor, long upToId) {
    if (upToId < 0) {
      throw InvalidInputException.of("up_to_id", "must not be negative");
    }
    Reader r = Reader.of(actor);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO notification_read (company_id, user_id, read_up_to) VALUES (?, ?, ?)"
                      + " ON CONFLICT (company_id, user_id) DO UPDATE SET read_up_to ="
                      + " greatest(notification_read.read_up_to, excluded.read_up_to), updated_at = now()")) {
            ps.setObject(1, r.company());
            ps.setObject(2, r.user());
            ps.setLong(3, upToId);
            ps.executeUpdate();
          }
          return unread(c, r, readUpTo(c, r));
        });
  }

  /** The counts of the navigation's badges. */
  public record Badges(int approvalsWaiting, int unread) {}

  public Badges badges(Actor actor) {
    Reader r = Reader.of(actor);
    return tx.sqlInCompany(
        actor,
        (t, c) ->
            new Badges(
                actor.can(PurchasingApprovals.PERMISSION)
                    ? PurchasingApprovals.waitingFor(c, actor.username())
                    : 0,
                unread(c, r, readUpTo(c, r))));
  }

  private static long readUpTo(Connection c, Reader r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT read_up_to FROM notification_read WHERE user_id = ?")) {
      ps.setObject(1, r.user());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static int unread(Connection c, Reader r, long readUpTo) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM notification WHERE seq > ? AND" + VISIBLE)) {
      ps.setLong(1, readUpTo);
      bindReader(c, ps, 2, r);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void bindReader(Connection c, PreparedStatement ps, int from, Reader r)
      throws SQLException {
    ps.setObject(from, r.user());
    ps.setArray(from + 1, c.createArrayOf("text", r.permissions().toArray()));
    ps.setObject(from + 2, r.user());
  }

  /**
   * A notification from a row whose columns from {@code kind} on are: kind, args, summary,
   * document_type, document_id, permission, recipient_user_id, actor_user_id, actor, occurred_at.
   */
  static Notification row(ResultSet rs, long id, int kind) throws SQLException {
    Array args = rs.getArray(kind + 1);
    return Notification.newBuilder()
        .setId(id)
        .setKind(rs.getString(kind))
        .addAllArgs(args == null ? List.of() : Arrays.asList((String[]) args.getArray()))
        .setSummary(rs.getString(kind + 2))
        .setDocumentType(rs.getString(kind + 3))
        .setDocumentId(rs.getString(kind + 4))
        .setActor(rs.getString(kind + 8))
        .setOccurredAt(ProtoValues.timestamp(rs.getTimestamp(kind + 9).toInstant()))
        .build();
  }
}
