package io.millstone.server.backup;

import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.Version;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup of a running or stopped installation into one zip file: every table of the schema
 * as PostgreSQL COPY text, all read in one repeatable-read snapshot as the owner role, plus the
 * sequence values, the reading partitions, the schema version, and the files of the data directory
 * that must survive (the generated TLS certificate and key that agents pin).
 */
public final class BackupWriter {
  /** Files of the data directory a restore puts back, relative to it. */
  static final List<String> DATA_FILES = List.of("tls/server.crt", "tls/server.key");

  private BackupWriter() {}

  /**
   * Writes the backup to {@code target}, which must not exist yet; the file appears only complete
   * (written beside it, then renamed) and readable by its owner only.
   */
  public static Manifest write(DatabaseSettings db, Path dataDir, Path target) throws IOException {
    if (Files.exists(target)) {
      throw new BackupException(
          target + " already exists; choose a new file name (a backup never overwrites one).");
    }
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path part = dir.resolve(target.getFileName() + ".part");
    Files.deleteIfExists(part);
    Files.createFile(
        part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Manifest m;
      try (OutputStream file = Files.newOutputStream(part);
          ZipOutputStream zip = new ZipOutputStream(file)) {
        m = writeTo(db, dataDir, zip);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return m;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
  }

  private static Manifest writeTo(DatabaseSettings db, Path dataDir, ZipOutputStream zip)
      throws IOException {
    Instant createdAt = Instant.now();
    try (Connection c = Database.ownerDataSource(db).getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        // One snapshot for every table: the backup is what the database held at one instant.
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      String schemaVersion = schemaVersion(c);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      List<Manifest.Table> tables = new ArrayList<>();
      for (String table : Catalog.tablesInLoadOrder(c)) {
        List<String> columns = Catalog.columns(c, table);
        Manifest.Table probe = new Manifest.Table(table, columns, 0, "");
        zip.putNextEntry(new ZipEntry(probe.entry()));
        MessageDigest sha = sha256();
        long rows =
            copy.copyOut(
                "COPY (SELECT "
                    + Catalog.columnList(columns)
                    + " FROM "
                    + Catalog.quote(table)
                    + ") TO STDOUT",
                new DigestOutputStream(new KeepOpen(zip), sha));
        zip.closeEntry();
        tables.add(new Manifest.Table(table, columns, rows, hex(sha)));
      }
      List<String> partitions = Catalog.readingPartitions(c);
      // Sequences are not transactional: their values may run a little ahead of the snapshot,
      // which only leaves a gap in the numbers they hand out next.
      Map<String, Manifest.Sequence> sequences = Catalog.sequenceValues(c);
      c.commit();
      Map<String, String> files = new LinkedHashMap<>();
      for (String f : DATA_FILES) {
        Path p = dataDir.resolve(f);
        if (Files.isRegularFile(p)) {
          byte[] bytes = Files.readAllBytes(p);
          zip.putNextEntry(new ZipEntry(Manifest.fileEntry(f)));
          zip.write(bytes);
          zip.closeEntry();
          MessageDigest sha = sha256();
          sha.update(bytes);
          files.put(f, hex(sha));
        }
      }
      Manifest m =
          new Manifest(
              Manifest.FORMAT,
              Version.get(),
              createdAt,
              schemaVersion,
              tables,
              partitions,
              sequences,
              files);
      zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
      m.write(zip);
      zip.closeEntry();
      return m;
    } catch (SQLException e) {
      throw new BackupException(
          "Could not read the database at " + db.maskedUrl() + ": " + e.getMessage(), e);
    }
  }

  static String schemaVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version FROM "
                    + Catalog.HISTORY_TABLE
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      if (!rs.next()) {
        throw new BackupException("The database has no Millstone schema yet: nothing to back up.");
      }
      return rs.getString(1);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  /** Lets COPY write into the current zip entry without closing the zip. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
