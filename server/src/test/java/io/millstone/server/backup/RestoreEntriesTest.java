package io.millstone.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.server.MillstoneServer;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.cli.ServerCli;
import io.millstone.server.platform.Database;
import io.millstone.server.platform.DatabaseSettings;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.Platform;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A backup that would write anywhere but the files the format defines, as regular files inside the
 * data directory, is refused whole before anything is written, the database included.
 */
class RestoreEntriesTest {
  @TempDir static Path dir;
  static Path backup;
  static final byte[] EVIL = "ssh-ed25519 AAAA attacker\n".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void backUpADatabaseWithItsTlsFiles() throws Exception {
    DatabaseSettings own = RestoreRefusalTest.emptyDatabase();
    MillstoneConfig config =
        TestPlatform.config(dir.resolve("own"))
            .dbUrl(own.jdbcUrl())
            .dbOwnerPassword(own.ownerPassword())
            .dbPassword(own.runtimePassword())
            .redisUrl(TestPlatform.get().redisUrl())
            .build();
    try (Platform platform = Platform.start(config, MillstoneServer.entities(), null);
        TestServer t = new TestServer(platform)) {
      t.createCompany("Entries Mill " + t.unique("x"));
    }
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("tls"));
    Files.writeString(data.resolve("tls/server.crt"), "certificate");
    Files.writeString(data.resolve("tls/server.key"), "key");
    backup = dir.resolve("entries.zip");
    BackupWriter.write(own, data, backup);
  }

  /**
   * The backup with one more data-directory file named {@code name} in its manifest, with a
   * matching checksum, so that everything but the name is in order.
   */
  private static Path namingFile(String name) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(EVIL));
    return rewritten(
        (entry, bytes) ->
            entry.equals(Manifest.ENTRY)
                ? new String(bytes, StandardCharsets.UTF_8)
                    .replaceFirst("(?m)^files=(.*)$", "files=$1," + name)
                    .concat("file." + name + ".sha256=" + sha + "\n")
                    .getBytes(StandardCharsets.UTF_8)
                : bytes,
        Map.of(Manifest.fileEntry(name), EVIL));
  }

  private static Path rewritten(
      java.util.function.BiFunction<String, byte[], byte[]> change, Map<String, byte[]> extra)
      throws Exception {
    Path out = dir.resolve("crafted-" + UUID.randomUUID() + ".zip");
    try (ZipFile in = new ZipFile(backup.toFile());
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
      Enumeration<? extends ZipEntry> all = in.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(change.apply(e.getName(), bytes));
        zip.closeEntry();
      }
    }
    return out;
  }

  /** Marks the entry {@code name} in the central directory as a Unix symbolic link. */
  private static Path withSymlinkEntry(Path zip, String name) throws Exception {
    byte[] b = Files.readAllBytes(zip);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (int p = 0; p + 46 < b.length; p++) {
      if (buf.getInt(p) == 0x02014b50 && (buf.getShort(p + 28) & 0xffff) == wanted.length) {
        byte[] n = new byte[wanted.length];
        buf.get(p + 46, n);
        if (java.util.Arrays.equals(n, wanted)) {
          buf.putShort(p + 4, (short) ((3 << 8) | 20)); // made by Unix
          buf.putInt(p + 38, 0120777 << 16); // lrwxrwxrwx
          found = true;
        }
      }
    }
    assertThat(found).as("entry " + name + " in the central directory").isTrue();
    Files.write(zip, b);
    return zip;
  }

  private static void assertRefusedAndNothingWritten(Path crafted, Path... outside)
      throws Exception {
    DatabaseSettings empty = RestoreRefusalTest.emptyDatabase();
    Path data = dir.resolve("restore-" + UUID.randomUUID());
    assertThatThrownBy(() -> Restorer.restore(empty, data, crafted))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("othing was restored");
    assertThat(Database.migrationState(empty).applied())
        .as("the database was not touched")
        .isNull();
    assertThat(data).as("nothing written inside the data directory").doesNotExist();
    for (Path p : outside) {
      assertThat(p).as("nothing written outside").doesNotExist();
    }
  }

  @Test
  void aBackupNamingAnAbsolutePathIsRefusedAndWritesNothing() throws Exception {
    Path outside = dir.resolve("outside-" + UUID.randomUUID()).resolve("authorized_keys");
    assertRefusedAndNothingWritten(namingFile(outside.toString()), outside);
  }

  @Test
  void aBackupNamingAPathThatClimbsOutOfTheDataDirectoryIsRefusedAndWritesNothing()
      throws Exception {
    String name = "../escaped-" + UUID.randomUUID();
    assertRefusedAndNothingWritten(namingFile(name), dir.resolve(name.substring(3)));
  }

  @Test
  void aBackupNamingAFileTheFormatDoesNotDefineIsRefused() throws Exception {
    assertRefusedAndNothingWritten(namingFile("bin/run.sh"));
  }

  @Test
  void aBackupWithAnEntryTheFormatDoesNotDefineIsRefused() throws Exception {
    assertRefusedAndNothingWritten(
        rewritten((n, b) -> b, Map.of("files/../../evil.sh", EVIL)), dir.resolve("evil.sh"));
  }

  @Test
  void aBackupHoldingASymbolicLinkIsRefused() throws Exception {
    Path crafted = withSymlinkEntry(rewritten((n, b) -> b, Map.of()), "files/tls/server.key");
    assertRefusedAndNothingWritten(crafted);
  }

  @Test
  void aSymbolicLinkInTheDataDirectoryIsNotFollowed() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere-" + UUID.randomUUID()));
    Path data = Files.createDirectories(dir.resolve("linked-" + UUID.randomUUID()));
    Files.createSymbolicLink(data.resolve("tls"), elsewhere);
    DatabaseSettings empty = RestoreRefusalTest.emptyDatabase();

    assertThatThrownBy(() -> Restorer.restore(empty, data, backup))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("is a symbolic link");
    assertThat(Database.migrationState(empty).applied()).isNull();
    try (var files = Files.list(elsewhere)) {
      assertThat(files).as("nothing written through the link").isEmpty();
    }
  }

  @Test
  void theRestoreCommandRefusesACraftedBackupWithExitTwoAndWritesNothing() throws Exception {
    Path outside = dir.resolve("cli-outside-" + UUID.randomUUID()).resolve("evil");
    Path crafted = namingFile(outside.toString());
    Path data = dir.resolve("cli-data-" + UUID.randomUUID());
    Path config = dir.resolve("cli-" + UUID.randomUUID() + ".conf");
    Files.writeString(config, "data.dir=" + data + "\nmetrics.port=0\n");

    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new ServerCli())
              .execute("restore", "--config", config.toString(), "--from", crafted.toString());
    } finally {
      System.setErr(err);
    }
    assertThat(code).as(e.toString(StandardCharsets.UTF_8)).isEqualTo(2);
    assertThat(e.toString(StandardCharsets.UTF_8))
        .contains("restore refused")
        .contains("nothing was restored");
    assertThat(data).as("no stores started, nothing written inside").doesNotExist();
    assertThat(outside).doesNotExist();
  }
}
