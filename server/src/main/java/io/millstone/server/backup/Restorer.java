package io.millstone.server.backup;

import io.millstone.server.audit.AuditVerifier;
import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.telemetry.ReadingPartitions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Brings a backup back into an empty installation: migrates the schema to the backup's version,
 * loads every table in one transaction (checking row counts, checksums and the audit chain before
 * it commits), then migrates on to this server's version and puts back the data-directory files.
 */
public final class Restorer {
  /** What was restored. */
  public record Result(Manifest manifest, long auditRows, String schemaVersionNow) {}

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Restorer() {}

  public static Result restore(DatabaseSettings db, Path dataDir, Path from) throws IOException {
    check(from, dataDir);
    try (ZipFile zip = open(from)) {
      Manifest m = manifest(zip);
      checkCompatible(db, m);
      Database.migrateTo(db, m.schemaVersion());
      long auditRows = load(db, zip, m);
      Database.migrate(db);
      putBackFiles(zip, m, dataDir);
      return new Result(m, auditRows, Database.migrationState(db).applied());
    }
  }

  /**
   * Refuses, before anything is written (the database included), a backup that holds anything but
   * the entries the format defines, each a regular file, or whose files would not land as regular
   * files inside {@code dataDir}: a restore often runs with an administrator's rights, and must not
   * write where a handed-over file says.
   */
  public static void check(Path from, Path dataDir) throws IOException {
    Manifest m;
    try (ZipFile zip = open(from)) {
      m = manifest(zip);
    }
    Set<String> expected = new HashSet<>();
    expected.add(Manifest.ENTRY);
    for (Manifest.Table t : m.tables()) {
      requireIdentifier(t.name(), "table");
      expected.add(t.entry());
    }
    for (String s : m.sequences().keySet()) {
      requireIdentifier(s, "sequence");
    }
    for (String partition : m.readingPartitions()) {
      requireIdentifier(partition, "reading partition");
      try {
        ReadingPartitions.dayOf(partition);
      } catch (RuntimeException e) {
        throw refused("names the reading partition '" + clip(partition) + "'");
      }
    }
    for (String f : m.files().keySet()) {
      target(dataDir, f);
      expected.add(Manifest.fileEntry(f));
    }
    Set<String> seen = new HashSet<>();
    for (ZipDirectory.Entry e : ZipDirectory.read(from)) {
      if (!expected.contains(e.name())) {
        throw refused("holds the entry '" + clip(e.name()) + "', which is not part of the format");
      }
      if (!seen.add(e.name())) {
        throw refused("holds the entry '" + clip(e.name()) + "' twice");
      }
      if (!e.regularFile()) {
        throw refused(
            "holds '"
                + clip(e.name())
                + "' as "
                + (e.unixType() == 0120000 ? "a symbolic link" : "something other than a file"));
      }
    }
    expected.removeAll(seen);
    if (!expected.isEmpty()) {
      throw refused("lacks " + String.join(", ", expected.stream().sorted().limit(3).toList()));
    }
  }

  /**
   * Where the data-directory file {@code relative} is put back: only a name the format defines,
   * inside the data directory, with no symbolic link below the data directory on the way and
   * nothing but a regular file (or nothing) in its place.
   */
  static Path target(Path dataDir, String relative) throws IOException {
    if (!BackupWriter.DATA_FILES.contains(relative)) {
      throw refused("names the file '" + clip(relative) + "', which is not one a backup holds");
    }
    Path base = dataDir.toAbsolutePath().normalize();
    Path p = base;
    Path rel = Path.of(relative);
    for (int i = 0; i < rel.getNameCount(); i++) {
      p = p.resolve(rel.getName(i));
      boolean last = i == rel.getNameCount() - 1;
      if (Files.isSymbolicLink(p)) {
        throw new BackupException(
            p
                + " is a symbolic link; a restore writes only real files inside the data directory."
                + " Remove the link, then restore. Nothing was restored.");
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
          && !(last
              ? Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
        throw new BackupException(
            p
                + " is not a "
                + (last ? "regular file" : "directory")
                + "; move it away, then restore. Nothing was restored.");
      }
    }
    if (!p.normalize().startsWith(base) || p.equals(base)) {
      throw refused("names the file '" + clip(relative) + "' outside the data directory");
    }
    return p;
  }

  private static void requireIdentifier(String name, String what) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw refused("names the " + what + " '" + clip(name) + "'");
    }
  }

  private static BackupException refused(String what) {
    return new BackupException(
        "The backup "
            + what
            + ": it was not written by Millstone or was altered; nothing was restored.");
  }

  private static String clip(String s) {
    String printable = s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
  }

  private static ZipFile open(Path from) throws IOException {
    try {
      return new ZipFile(from.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new BackupException("No backup file at " + from + ".");
    } catch (ZipException e) {
      throw new BackupException(from + " is not a Millstone backup (not a zip file).");
    }
  }

  private static Manifest manifest(ZipFile zip) throws IOException {
    ZipEntry e = zip.getEntry(Manifest.ENTRY);
    if (e == null) {
      throw new BackupException(
          zip.getName() + " has no manifest: it is not a Millstone backup, or it was cut short.");
    }
    Manifest m;
    try (InputStream in = zip.getInputStream(e)) {
      m = Manifest.read(in);
    }
    if (m.format() != Manifest.FORMAT) {
      throw new BackupException(
          "The backup has format "
              + m.format()
              + "; this server reads format "
              + Manifest.FORMAT
              + ". Restore it with the Millstone version that wrote it ("
              + m.serverVersion()
              + ") or newer.");
    }
    return m;
  }

  /** Refuses, before touching anything, what cannot be restored here. */
  private static void checkCompatible(DatabaseSettings db, Manifest m) {
    Database.MigrationState state;
    try {
      state = Database.migrationState(db);
    } catch (RuntimeException e) {
      throw new BackupException(
          "Cannot read the database at " + db.maskedUrl() + ": " + e.getMessage(), e);
    }
    MigrationVersion backup = MigrationVersion.fromVersion(m.schemaVersion());
    if (backup.compareTo(MigrationVersion.fromVersion(state.latestKnown())) > 0) {
      throw new BackupException(
          "The backup's schema (version "
              + m.schemaVersion()
              + ", written by Millstone "
              + m.serverVersion()
              + ") is newer than this server knows (version "
              + state.latestKnown()
              + "). Install Millstone "
              + m.serverVersion()
              + " or newer, then restore.");
    }
    if (state.applied() == null) {
      return;
    }
    long companies = count(db, "SELECT count(*) FROM company");
    if (companies > 0) {
      throw new BackupException(
          "The database at "
              + db.maskedUrl()
              + " already holds business data ("
              + companies
              + " compan"
              + (companies == 1 ? "y" : "ies")
              + "). A restore goes only into an empty installation: use a new data directory"
              + " or an empty database.");
    }
    if (MigrationVersion.fromVersion(state.applied()).compareTo(backup) > 0) {
      throw new BackupException(
          "The database is empty but its schema is already at version "
              + state.applied()
              + ", newer than the backup's "
              + m.schemaVersion()
              + ". Restore into a freshly created database (or a new data directory), which the"
              + " restore migrates to the backup's version itself.");
    }
  }

  private static long count(DatabaseSettings db, String sql) {
    try (Connection c = Database.ownerDataSource(db).getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new BackupException("Cannot read the database: " + e.getMessage(), e);
    }
  }

  /** All tables in one transaction: either everything is loaded and checked, or nothing. */
  private static long load(DatabaseSettings db, ZipFile zip, Manifest m) throws IOException {
    try (Connection c = Database.ownerDataSource(db).getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (Manifest.Table t : m.tables()) {
          List<String> here = Catalog.columns(c, t.name());
          if (!here.equals(t.columns())) {
            throw new BackupException(
                "Table "
                    + t.name()
                    + " has columns "
                    + here
                    + " here but "
                    + t.columns()
                    + " in the backup, at the same schema version "
                    + m.schemaVersion()
                    + ": the database was changed by hand; restore into an empty one.");
          }
        }
        for (String partition : m.readingPartitions()) {
          ReadingPartitions.create(st, ReadingPartitions.dayOf(partition), db.runtimeUser());
        }
        // The owner loads the rows as they were: its own row-level security and the tables'
        // triggers (the journal balance check) stand aside until the end of this transaction.
        List<String> forced = Catalog.forcedRowSecurity(c);
        List<String> triggered = Catalog.withUserTriggers(c);
        for (String t : forced) {
          st.execute("ALTER TABLE " + Catalog.quote(t) + " NO FORCE ROW LEVEL SECURITY");
        }
        for (String t : triggered) {
          st.execute("ALTER TABLE " + Catalog.quote(t) + " DISABLE TRIGGER USER");
        }
        // Migrations seed reference rows (roles, units...); the backup has them as they were.
        st.execute(
            "TRUNCATE "
                + String.join(
                    ", ", m.tables().stream().map(t -> Catalog.quote(t.name())).toList()));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (Manifest.Table t : m.tables()) {
          loadTable(copy, zip, t);
        }
        for (Map.Entry<String, Manifest.Sequence> s : m.sequences().entrySet()) {
          st.execute("CREATE SEQUENCE IF NOT EXISTS " + Catalog.quote(s.getKey()));
          try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            ps.setString(1, Catalog.quote(s.getKey()));
            ps.setLong(2, s.getValue().lastValue());
            ps.setBoolean(3, s.getValue().isCalled());
            ps.execute();
          }
        }
        for (String t : triggered) {
          st.execute("ALTER TABLE " + Catalog.quote(t) + " ENABLE TRIGGER USER");
        }
        for (String t : forced) {
          st.execute("ALTER TABLE " + Catalog.quote(t) + " FORCE ROW LEVEL SECURITY");
        }
        AuditVerifier.Report audit = AuditVerifier.verify(c);
        if (!audit.intact()) {
          throw new BackupException(
              "The backup's audit trail does not verify ("
                  + String.join("; ", audit.problems().stream().limit(3).toList())
                  + "); nothing was restored.");
        }
        c.commit();
        return audit.rows();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new BackupException("The restore failed and changed nothing: " + e.getMessage(), e);
    }
  }

  private static void loadTable(CopyManager copy, ZipFile zip, Manifest.Table t)
      throws SQLException, IOException {
    ZipEntry e = zip.getEntry(t.entry());
    if (e == null) {
      throw new BackupException("The backup lacks the data of table " + t.name() + ".");
    }
    MessageDigest sha = BackupWriter.sha256();
    long rows;
    try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha)) {
      rows =
          copy.copyIn(
              "COPY "
                  + Catalog.quote(t.name())
                  + " ("
                  + Catalog.columnList(t.columns())
                  + ") FROM STDIN",
              in);
    }
    String digest = BackupWriter.hex(sha);
    if (rows != t.rows() || !digest.equals(t.sha256())) {
      throw new BackupException(
          "Table "
              + t.name()
              + " in the backup is damaged: "
              + rows
              + " rows (manifest: "
              + t.rows()
              + "), checksum "
              + (digest.equals(t.sha256()) ? "matches" : "differs")
              + "; nothing was restored.");
    }
  }

  /** The TLS certificate and key agents pin: put back, owner-only, replacing generated ones. */
  private static void putBackFiles(ZipFile zip, Manifest m, Path dataDir) throws IOException {
    for (Map.Entry<String, String> f : m.files().entrySet()) {
      ZipEntry e = zip.getEntry(Manifest.fileEntry(f.getKey()));
      if (e == null) {
        throw new BackupException("The backup lacks the file " + f.getKey() + ".");
      }
      byte[] bytes;
      try (InputStream in = zip.getInputStream(e)) {
        bytes = in.readAllBytes();
      }
      MessageDigest sha = BackupWriter.sha256();
      sha.update(bytes);
      if (!BackupWriter.hex(sha).equals(f.getValue())) {
        throw new BackupException("The file " + f.getKey() + " in the backup is damaged.");
      }
      // Checked again just before writing: the directory may have changed since the check.
      Path target = target(dataDir, f.getKey());
      Files.createDirectories(target.getParent());
      target(dataDir, f.getKey());
      Path tmp = target.resolveSibling(target.getFileName() + ".restoring");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
