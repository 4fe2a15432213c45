package io.millstone.client.remote;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The client's version, and whether a server's version is one this client can talk to. */
public final class ClientVersion {
  private static final String VERSION = load();

  private ClientVersion() {}

  public static String get() {
    return VERSION;
  }

  /** Same major and minor version: the contract only grows compatibly within a minor version. */
  public static boolean compatible(String clientVersion, String serverVersion) {
    String[] c = clientVersion.split("[.-]");
    String[] s = serverVersion.split("[.-]");
    if (c.length < 2 || s.length < 2) {
      return false;
    }
    return c[0].equals(s[0]) && c[1].equals(s[1]);
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in =
        ClientVersion.class.getResourceAsStream("/io/millstone/client/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "0.0.0";
    }
    return p.getProperty("version", "0.0.0");
  }
}
