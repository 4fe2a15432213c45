package io.millstone.server.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Business events for the people who should know, written into the notification outbox on the
 * connection of the change they announce: they are published only if that change commits. The relay
 * in {@code notify} publishes them; domains only write them here.
 */
public final class Notices {
  private Notices() {}

  /**
   * One event. {@code kind} names it (the client's message key, e.g. {@code
   * purchasing.order.approval_requested}), {@code args} fill that message in, {@code summary} says
   * it in English. The audience is everyone whose roles grant {@code permission}, or only {@code
   * recipient} when one is given.
   */
  public record Notice(
      String kind,
      List<String> args,
      String summary,
      String documentType,
      Object documentId,
      String permission,
      UUID recipient) {

    /** For everyone in the company who may read what it is about. */
    public static Notice toPermission(
        String permission,
        String kind,
        String summary,
        String documentType,
        Object documentId,
        String... args) {
      return new Notice(kind, List.of(args), summary, documentType, documentId, permission, null);
    }

    /** For one person. */
    public static Notice toUser(
        UUID recipient,
        String kind,
        String summary,
        String documentType,
        Object documentId,
        String... args) {
      return new Notice(kind, List.of(args), summary, documentType, documentId, null, recipient);
    }
  }

  /** Writes {@code notice} in the transaction of {@code c}, as caused by {@code actor}. */
  public static void add(Connection c, Actor actor, Notice notice) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO notification (company_id, kind, args, summary, document_type,"
                + " document_id, permission, recipient_user_id, actor_user_id, actor)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, actor.companyId());
      ps.setString(2, notice.kind());
      ps.setArray(3, c.createArrayOf("text", notice.args().toArray()));
      ps.setString(4, notice.summary());
      ps.setString(5, notice.documentType() == null ? "" : notice.documentType());
      ps.setString(6, notice.documentId() == null ? "" : notice.documentId().toString());
      ps.setString(7, notice.permission());
      ps.setObject(8, notice.recipient());
      ps.setObject(9, actor.userId().orElse(null));
      ps.setString(10, actor.username());
      ps.executeUpdate();
    }
  }

  /** {@link #add} through a transaction's connection. */
  public static void add(Tx tx, Notice notice) {
    Actor actor = tx.actor().orElseThrow(() -> new IllegalStateException("notices need a company"));
    Jdbc.work(
        tx,
        c -> {
          add(c, actor, notice);
          return null;
        });
  }
}
