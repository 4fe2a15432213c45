package io.millstone.server.cli;

import io.millstone.server.backup.BackupException;
import io.millstone.server.backup.Restorer;
import io.millstone.server.platform.InstalledStores;
import io.millstone.server.platform.MillstoneConfig;
import io.millstone.server.platform.NodeHeartbeat;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redis.clients.jedis.RedisClient;

/** {@code millstone-server restore --from FILE}: a backup into an empty installation. */
@Command(
    name = "restore",
    description =
        "Restore a backup into an empty installation (stop the server first). Refused if the"
            + " database holds business data or the backup is newer than this server.")
final class RestoreCommand implements Callable<Integer> {
  @Mixin ServerCli.ConfigOption configOption;

  @Option(names = "--from", required = true, description = "The backup file.")
  Path from;

  @Override
  public Integer call() throws Exception {
    MillstoneConfig config = configOption.load();
    long started = System.nanoTime();
    Restorer.Result r;
    try {
      // Before the stores are attached or started: a refused backup writes nothing, anywhere.
      Restorer.check(from, config.dataDir());
      refuseWhileServing(config);
      try (InstalledStores stores = InstalledStores.attachOrStart(config, false)) {
        r = Restorer.restore(stores.database().orElseThrow(), config.dataDir(), from);
      }
    } catch (BackupException e) {
      System.err.println("millstone-server: restore refused: " + e.getMessage());
      return 2;
    }
    System.out.printf(
        "Restored %s (Millstone %s, taken %s): %d tables, %d rows; audit trail intact (%d rows);"
            + " schema now at version %s; in %.1f s.%n",
        from,
        r.manifest().serverVersion(),
        r.manifest().createdAt(),
        r.manifest().tables().size(),
        r.manifest().totalRows(),
        r.auditRows(),
        r.schemaVersionNow(),
        (System.nanoTime() - started) / 1e9);
    System.out.println("Users sign in again: sessions are not part of a backup.");
    return 0;
  }

  /** A running node caches what the restore replaces, so it must be stopped first. */
  private static void refuseWhileServing(MillstoneConfig config) throws Exception {
    try (InstalledStores stores = InstalledStores.attach(config)) {
      if (stores.embeddedServerPid().isPresent()) {
        throw new BackupException(
            "A server is running on this installation (" + stores.origin() + "); stop it first.");
      }
      if (stores.redisUrl().isPresent()) {
        List<NodeHeartbeat.Node> nodes;
        try (RedisClient redis = RedisClient.create(URI.create(stores.redisUrl().get()))) {
          nodes = NodeHeartbeat.live(redis);
        } catch (RuntimeException unreachable) {
          return; // no Redis, so no node can be serving
        }
        if (!nodes.isEmpty()) {
          throw new BackupException(
              nodes.size()
                  + " server node(s) are running on these stores ("
                  + String.join(", ", nodes.stream().map(NodeHeartbeat.Node::address).toList())
                  + "); stop them first.");
        }
      }
    }
  }
}
