package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.support.LiveServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class HealthProbeTest {
  @Test
  void aRunningServerIsServing() {
    assertThat(HealthProbe.serving(ServerAddress.parse(LiveServer.shared().address()))).isTrue();
  }

  @Test
  void nothingListeningIsNotServing() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(HealthProbe.serving(ServerAddress.parse("127.0.0.1:" + port))).isFalse();
  }
}
