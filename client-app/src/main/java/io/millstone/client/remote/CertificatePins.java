package io.millstone.client.remote;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Fingerprints of the server certificates the person chose to trust, one per {@code host:port}, in
 * {@code known-servers.properties} in the client's configuration directory.
 */
public final class CertificatePins {
  private final Path file;

  public CertificatePins(Path configDir) {
    this.file = configDir.resolve("known-servers.properties");
  }

  public synchronized Optional<String> pinned(ServerAddress server) {
    return Optional.ofNullable(load().getProperty(key(server)));
  }

  public synchronized void pin(ServerAddress server, String fingerprint) {
    Properties p = load();
    p.setProperty(key(server), fingerprint);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Server certificates trusted by this user (SHA-256 fingerprints)");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save " + file, e);
    }
  }

  private Properties load() {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return p;
  }

  private static String key(ServerAddress s) {
    return s.host().toLowerCase(java.util.Locale.ROOT) + ":" + s.port();
  }
}
