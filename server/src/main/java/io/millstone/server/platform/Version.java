package io.millstone.server.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The server's version, from the Maven project version. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        Version.class.getResourceAsStream("/io/millstone/server/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
