package io.millstone.server.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server that must be told its port before it listens (the embedded
 * Redis and PostgreSQL, test servers started again on the same port). A port the system hands out
 * for "port 0" is free only until it is closed: any connection the machine opens next may get it as
 * its own end, and the server then cannot bind. This picks a port below the system's ephemeral
 * range, where the system never hands out ports by itself, so only a program asking for that very
 * number could take it.
 */
public final class LoopbackPorts {
  private static final int LOWEST = 10_000;

  private LoopbackPorts() {}

  public static int free() {
    int below = ephemeralLow();
    if (below - LOWEST < 1000) {
      return fromSystem(); // an unusual range: nothing better to do
    }
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = LOWEST + ThreadLocalRandom.current().nextInt(below - LOWEST);
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException taken) {
        // another program listens there: try another
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
  }

  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32768; // Linux's default
    }
  }

  private static int fromSystem() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
