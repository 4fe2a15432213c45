package io.millstone.server.cli;

import io.millstone.server.backup.BackupException;
import io.millstone.server.backup.BackupWriter;
import io.millstone.server.backup.Manifest;
import io.millstone.server.platform.InstalledStores;
import io.millstone.server.platform.MillstoneConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code millstone-server backup --to FILE}: a consistent backup, the server running or not. */
@Command(
    name = "backup",
    description =
        "Write a consistent backup of the database and the server's TLS certificate to one file"
            + " (the server may keep running).")
final class BackupCommand implements Callable<Integer> {
  @Mixin ServerCli.ConfigOption configOption;

  @Option(names = "--to", required = true, description = "The new backup file (.zip).")
  Path to;

  @Override
  public Integer call() throws Exception {
    MillstoneConfig config = configOption.load();
    long started = System.nanoTime();
    Manifest m;
    try (InstalledStores stores = InstalledStores.attachOrStart(config, false)) {
      m = BackupWriter.write(stores.database().orElseThrow(), config.dataDir(), to);
    } catch (BackupException e) {
      System.err.println("millstone-server: backup refused: " + e.getMessage());
      return 2;
    }
    System.out.printf(
        "Backup written to %s: schema version %s, %d tables, %d rows, %d reading partitions,"
            + " %d sequences, %d files, %,d bytes, in %.1f s.%n",
        to,
        m.schemaVersion(),
        m.tables().size(),
        m.totalRows(),
        m.readingPartitions().size(),
        m.sequences().size(),
        m.files().size(),
        Files.size(to),
        (System.nanoTime() - started) / 1e9);
    System.out.println("It holds password hashes: keep it as private as the database.");
    return 0;
  }
}
