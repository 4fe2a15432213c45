package io.millstone.client.remote;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Where the server is: {@code host:port}, port 50051 when left out. A {@code tls://} prefix asks
 * for TLS even on loopback (for servers started with {@code tls.on.loopback}).
 */
public record ServerAddress(String host, int port, boolean forceTls) {
  public static final int DEFAULT_PORT = 50051;

  public static ServerAddress parse(String text) {
    String s = text == null ? "" : text.trim();
    boolean tls = false;
    if (s.startsWith("tls://")) {
      tls = true;
      s = s.substring("tls://".length());
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty server address");
    }
    String host = s;
    int port = DEFAULT_PORT;
    int colon = s.lastIndexOf(':');
    if (s.startsWith("[")) {
      int end = s.indexOf(']');
      host = s.substring(1, end);
      if (end + 1 < s.length() && s.charAt(end + 1) == ':') {
        port = Integer.parseInt(s.substring(end + 2));
      }
    } else if (colon > 0 && s.indexOf(':') == colon) {
      host = s.substring(0, colon);
      port = Integer.parseInt(s.substring(colon + 1));
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return new ServerAddress(host, port, tls);
  }

  /** True when every address of the host is loopback, so plaintext never leaves this computer. */
  public boolean isLoopback() {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public boolean usesTls() {
    return forceTls || !isLoopback();
  }

  @Override
  public String toString() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return (forceTls ? "tls://" : "") + h + ":" + port;
  }
}
