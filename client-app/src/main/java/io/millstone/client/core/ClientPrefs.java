package io.millstone.client.core;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The person's local settings, in {@code client.properties} in the client's configuration
 * directory: last server and username, theme, language, column widths. Never a password.
 */
public final class ClientPrefs {
  private final Path file;
  private final Properties props = new Properties();

  public ClientPrefs(Path configDir) {
    this.file = configDir.resolve("client.properties");
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        // A damaged settings file must not stop the client; it starts with defaults.
        props.clear();
      }
    }
  }

  /** {@code $MILLSTONE_CLIENT_CONFIG_DIR}, or {@code $XDG_CONFIG_HOME/millstone}, or ~/.config. */
  public static Path defaultDir() {
    String own = System.getenv("MILLSTONE_CLIENT_CONFIG_DIR");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("millstone");
  }

  public Path dir() {
    return file.getParent();
  }

  public synchronized String get(String key, String fallback) {
    return props.getProperty(key, fallback);
  }

  public synchronized void put(String key, String value) {
    if (value == null) {
      props.remove(key);
    } else {
      props.setProperty(key, value);
    }
  }

  /** Writes the settings atomically, so a crash never leaves half a file. */
  public synchronized void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        props.store(w, "Millstone client settings");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save settings to " + file, e);
    }
  }
}
