package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.LiveServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class HealthProbeTest {
  @Test
  void aRunningServerIsServing() {
    assertThat(HealthProbe.serving(ServerAddress.parse(LiveServer.shared().address()))).isTrue();
  }

  @Test
  void nothingListeningIsNotServing() throws IOException {
    // A port held bound but never listened on: connections are refused, and no other program can
    // start listening there while the test runs.
    try (Socket held = new Socket()) {
      held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertThat(HealthProbe.serving(ServerAddress.parse("127.0.0.1:" + held.getLocalPort())))
          .isFalse();
    }
  }
}
