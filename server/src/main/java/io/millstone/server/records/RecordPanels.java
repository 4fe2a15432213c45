package io.millstone.server.records;

import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.AccessDeniedException;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every record's side panel: its notes, its attachments (kept in the database, so the backup has
 * them) and its history from the audit trail. Each call needs, beside its own permission, the read
 * permission of the record's kind, and finds only records of the caller's company.
 */
public final class RecordPanels {
  static final int HISTORY_LIMIT = 200;
  static final int NOTE_MAX = 2000;
  static final int FILE_NAME_MAX = 200;

  private final Transactions tx;
  private final Clock clock;
  private final int maxBytes;

  public RecordPanels(Transactions tx, Clock clock, int maxBytes) {
    this.tx = tx;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  public record Note(UUID id, String body, String author, Instant createdAt) {}

  public record Attachment(
      UUID id,
      String fileName,
      String contentType,
      long sizeBytes,
      String author,
      Instant createdAt) {}

  public record HistoryEntry(Instant occurredAt, String actor, String action, String summary) {}

  public record Panel(
      String kind,
      UUID id,
      List<Note> notes,
      List<Attachment> attachments,
      List<HistoryEntry> history) {}

  public record File(Attachment attachment, byte[] content) {}

  /** The kind named, if the caller may read it: unknown kinds are bad input, others refused. */
  static RecordKinds.Kind readable(Actor actor, String kind, String field) {
    RecordKinds.Kind k =
        RecordKinds.of(kind)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        List.of(
                            new io.millstone.server.platform.error.FieldViolation(
                                field,
                                "is not a kind of record: " + kind,
                                "record_kind_unknown",
                                List.of(String.valueOf(kind))))));
    if (!actor.can(k.permission())) {
      throw new AccessDeniedException(
          "record_kind_denied",
          "Your roles do not let you read records of the kind " + kind + ".",
          kind);
    }
    return k;
  }

  static UUID parseId(String id, String field) {
    try {
      return UUID.fromString(id == null ? "" : id.trim());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(field, "is not a record id");
    }
  }

  /** Refuses a record that is not in the caller's company (row-level security hides it). */
  private static void requireExists(Connection c, RecordKinds.Kind k, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM "
                + k.table()
                + " x WHERE x.id = ?"
                + (k.filter() == null ? "" : " AND " + k.filter()))) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Record " + k.name(), id.toString());
        }
      }
    }
  }

  public Panel panel(Actor actor, String kind, String id) {
    RecordKinds.Kind k = readable(actor, kind, "record.kind");
    UUID recordId = parseId(id, "record.id");
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          requireExists(c, k, recordId);
          return new Panel(
              k.name(),
              recordId,
              notes(c, k, recordId),
              attachments(c, k, recordId),
              history(c, k, recordId));
        });
  }

  public Note addNote(Actor actor, String kind, String id, String body) {
    RecordKinds.Kind k = readable(actor, kind, "record.kind");
    UUID recordId = parseId(id, "record.id");
    String text = body == null ? null : body.strip();
    new Validator().text(text, "body", NOTE_MAX).throwIfInvalid();
    Instant now = clock.instant();
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          requireExists(c, k, recordId);
          UUID noteId = Ids.newId();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO record_note (id, company_id, record_kind, record_id, body,"
                      + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, noteId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, k.name());
            ps.setObject(4, recordId);
            ps.setString(5, text);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, actor.username());
            ps.executeUpdate();
          }
          t.audit("records.note.add", k.auditType(), recordId, abbreviate(text, 200));
          return new Note(noteId, text, actor.username(), now);
        });
  }

  /**
   * Checks a file before anything is stored: its name, that it is not empty and not above the
   * limit, and that its bytes are of an accepted type. Each refusal is a sentence naming the file.
   */
  public String check(String fileName, byte[] content) {
    if (content.length == 0) {
      throw new BusinessRuleException(
          "attachment_empty",
          "The file " + fileName + " is empty; choose a file with something in it.",
          fileName);
    }
    tooLarge(fileName, content.length);
    return ContentSniffer.sniff(content)
        .orElseThrow(
            () ->
                new BusinessRuleException(
                    "attachment_type_refused",
                    "The file "
                        + fileName
                        + " is not a PDF, a PNG or JPEG picture, plain text or an Excel or Word"
                        + " file; it was not attached.",
                    fileName));
  }

  /** Refuses a file once it has grown above the limit, before the rest of it arrives. */
  public void tooLarge(String fileName, long size) {
    if (size > maxBytes) {
      throw new BusinessRuleException(
          "attachment_too_large",
          "The file "
              + fileName
              + " is larger than "
              + megabytes(maxBytes)
              + ", the most an attachment may be; it was not attached.",
          fileName,
          megabytes(maxBytes));
    }
  }

  /** The file's name as stored: its last path segment, checked for length. */
  public static String fileName(String given) {
    String name = given == null ? "" : given.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    new Validator().text(name, "file_name", FILE_NAME_MAX).throwIfInvalid();
    return name;
  }

  /** Checks the record and the caller before an upload's bytes are read. */
  public void startUpload(Actor actor, String kind, String id) {
    RecordKinds.Kind k = readable(actor, kind, "record.kind");
    UUID recordId = parseId(id, "record.id");
    tx.reportInCompany(
        actor,
        (t, c) -> {
          requireExists(c, k, recordId);
          return null;
        });
  }

  public Attachment attach(Actor actor, String kind, String id, String givenName, byte[] content) {
    RecordKinds.Kind k = readable(actor, kind, "record.kind");
    UUID recordId = parseId(id, "record.id");
    String name = fileName(givenName);
    String type = check(name, content);
    Instant now = clock.instant();
    byte[] sha = sha256(content);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          requireExists(c, k, recordId);
          UUID attachmentId = Ids.newId();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO record_attachment (id, company_id, record_kind, record_id,"
                      + " file_name, content_type, size_bytes, sha256, content, created_at,"
                      + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, attachmentId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, k.name());
            ps.setObject(4, recordId);
            ps.setString(5, name);
            ps.setString(6, type);
            ps.setLong(7, content.length);
            ps.setBytes(8, sha);
            ps.setBytes(9, content);
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setString(11, actor.username());
            ps.executeUpdate();
          }
          t.audit(
              "records.attachment.add",
              k.auditType(),
              recordId,
              name + " (" + type + ", " + content.length + " bytes)");
          return new Attachment(attachmentId, name, type, content.length, actor.username(), now);
        });
  }

  public File download(Actor actor, String kind, String id, String attachmentId) {
    RecordKinds.Kind k = readable(actor, kind, "record.kind");
    UUID recordId = parseId(id, "record.id");
    UUID fileId = parseId(attachmentId, "attachment_id");
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          requireExists(c, k, recordId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, file_name, content_type, size_bytes, created_by, created_at, content"
                      + " FROM record_attachment WHERE id = ? AND record_kind = ? AND record_id = ?")) {
            ps.setObject(1, fileId);
            ps.setString(2, k.name());
            ps.setObject(3, recordId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Attachment", fileId.toString());
              }
              return new File(attachment(rs), rs.getBytes(7));
            }
          }
        });
  }

  private static List<Note> notes(Connection c, RecordKinds.Kind k, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, body, created_by, created_at FROM record_note"
                + " WHERE company_id = current_company_id() AND record_kind = ? AND record_id = ?"
                + " ORDER BY created_at DESC, id DESC")) {
      ps.setString(1, k.name());
      ps.setObject(2, id);
      List<Note> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Note(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return out;
    }
  }

  private static List<Attachment> attachments(Connection c, RecordKinds.Kind k, UUID id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, file_name, content_type, size_bytes, created_by, created_at"
                + " FROM record_attachment"
                + " WHERE company_id = current_company_id() AND record_kind = ? AND record_id = ?"
                + " ORDER BY created_at DESC, id DESC")) {
      ps.setString(1, k.name());
      ps.setObject(2, id);
      List<Attachment> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(attachment(rs));
        }
      }
      return out;
    }
  }

  private static Attachment attachment(ResultSet rs) throws SQLException {
    return new Attachment(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant());
  }

  private static List<HistoryEntry> history(Connection c, RecordKinds.Kind k, UUID id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT occurred_at, actor, action, summary FROM record_history(?, ?, ?)")) {
      ps.setString(1, k.auditType());
      ps.setString(2, id.toString());
      ps.setInt(3, HISTORY_LIMIT);
      List<HistoryEntry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new HistoryEntry(
                  rs.getTimestamp(1).toInstant(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4)));
        }
      }
      return out;
    }
  }

  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb)
        ? String.format(Locale.ROOT, "%d MB", (long) mb)
        : String.format(Locale.ROOT, "%.1f MB", mb);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
