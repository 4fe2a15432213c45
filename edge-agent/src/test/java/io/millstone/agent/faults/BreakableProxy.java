package io.millstone.agent.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on loopback that a test can break the way a factory network breaks: {@link
 * #resetAll()} cuts every connection with a TCP reset (a switch rebooted), {@link #blackhole()}
 * stops moving bytes in both directions while the connections stay open (a cable pulled, packets
 * lost and retransmitted until someone gives up), {@link #delay} adds latency to every chunk, and
 * {@link #heal()} lets everything flow again. Bytes held during a blackhole are delivered in order
 * afterwards, as TCP retransmission would, to connections that are still open.
 */
final class BreakableProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private volatile boolean blackholed;
  private volatile boolean broken;
  private volatile long delayMillis;
  private volatile boolean closed;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong resets = new AtomicLong();

  BreakableProxy(int targetPort) throws IOException {
    this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("proxy-accept").start(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Connections the proxy accepted so far: each agent reconnect is one. */
  long connectionsAccepted() {
    return accepted.get();
  }

  /** Sockets (either side of a connection) cut by a reset. */
  long connectionsReset() {
    return resets.get();
  }

  /** Cuts every open connection with a TCP reset; new ones are accepted as before. */
  void resetAll() {
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0); // close() then sends RST instead of FIN
      } catch (SocketException e) {
        // already closed
      }
      if (closeQuietly(s)) {
        resets.incrementAndGet();
      }
    }
  }

  /** Resets every connection and resets each new one at once, until {@link #heal()}. */
  void breakLink() {
    broken = true;
    resetAll();
  }

  /** Stops forwarding in both directions; connections stay open and nothing is answered. */
  void blackhole() {
    blackholed = true;
  }

  /** Adds {@code millis} of latency to every chunk forwarded from now on (0 for none). */
  void delay(long millis) {
    delayMillis = millis;
  }

  /** Ends a blackhole and any delay. */
  void heal() {
    broken = false;
    delayMillis = 0;
    synchronized (gate) {
      blackholed = false;
      gate.notifyAll();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      Thread.ofPlatform().daemon().name("proxy-connect").start(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    open.add(client);
    if (broken) {
      resetAll();
      return;
    }
    Socket upstream = new Socket();
    try {
      awaitFlowing();
      upstream.connect(target, 5_000);
    } catch (IOException | InterruptedException e) {
      // The server is down: the agent sees its connection reset, as it would on a real network.
      closeQuietly(client);
      open.remove(client);
      return;
    }
    open.add(upstream);
    Thread.ofPlatform().daemon().name("proxy-up").start(() -> pump(client, upstream));
    Thread.ofPlatform().daemon().name("proxy-down").start(() -> pump(upstream, client));
  }

  private void pump(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        awaitFlowing();
        long d = delayMillis;
        if (d > 0) {
          Thread.sleep(d);
        }
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // one side went away: take the other down too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private void awaitFlowing() throws InterruptedException {
    if (!blackholed) {
      return;
    }
    synchronized (gate) {
      while (blackholed && !closed) {
        gate.wait(500);
      }
    }
  }

  private static boolean closeQuietly(Socket s) {
    if (s.isClosed()) {
      return false;
    }
    try {
      s.close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    heal();
    listener.close();
    for (Socket s : open) {
      closeQuietly(s);
    }
  }
}
