package io.millstone.client.ui;

import static io.millstone.client.support.FactoryFloor.value;

import io.grpc.InsecureServerCredentials;
import io.millstone.client.support.FactoryFloor;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.platform.LoopbackPorts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor's live feed survives a server restart without the person doing anything. */
class MonitorReconnectUiTest extends UiTest {
  private static final int PORT = freePort();
  private LiveServer server = start();

  /** The server is started again on the same port. */
  private static int freePort() {
    return LoopbackPorts.free();
  }

  private static LiveServer start() {
    return new LiveServer(
        InsecureServerCredentials.create(), LiveServer.config().port(PORT).build());
  }

  @Override
  protected String initialServer() {
    return "127.0.0.1:" + PORT;
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void whenTheServerRestartsTheMonitorSaysSoThenShowsNewReadingsAgain() throws Exception {
    UUID company = server.createCompany("Restart Mill");
    String engineer = server.createUser(company, server.fresh("engineer"), "engineer");
    try (FactoryFloor floor = new FactoryFloor(server, company)) {
      floor.mill("MILL-1", "Mill 1", "Mill tandem 1", "8");
      floor.connectAgent();
      floor.send(value("mill-1.speed", Instant.now(), "6.1"));
    }
    signInAndWait(engineer);
    clickWhenReady("#nav-monitor");
    waitUntil(() -> text("#value-mill-1_speed").equals("6.1"));
    waitUntil(() -> text("#monitorStatus").equals("Live"));

    server.close();
    waitUntil(30, () -> text("#monitorStatus").equals("Not live \u2014 values may be old"));
    waitUntil(() -> text("#monitorMessage").contains("reconnecting"));

    server = start();
    waitUntil(30, () -> text("#monitorStatus").equals("Live"));
    try (FactoryFloor floor = new FactoryFloor(server, company)) {
      floor.connectAgent();
      floor.send(value("mill-1.speed", Instant.now(), "6.9"));
    }
    waitUntil(() -> text("#value-mill-1_speed").equals("6.9"));
    waitUntil(() -> text("#monitorMessage").isEmpty());
  }
}
