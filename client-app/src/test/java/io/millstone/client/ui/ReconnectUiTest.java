package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.InsecureServerCredentials;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.platform.LoopbackPorts;
import java.util.UUID;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectUiTest extends UiTest {
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
  void whenTheServerRestartsTheClientReconnectsByItselfAndKeepsWorking() {
    UUID company = server.createCompany("Restart Mill");
    String admin = server.createUser(company, server.fresh("admin"), "admin");
    signInAndWait(admin);

    server.close();
    waitUntil(30, () -> text("#statusConnection").equals("Connection lost — reconnecting…"));

    server = start();
    waitUntil(30, () -> text("#statusConnection").equals("Connected"));
    clickWhenReady("#nav-users");
    waitUntil(() -> text("#rowCount").equals("1 row"));
    @SuppressWarnings("unchecked")
    TableView<Object> table = lookup("#table").queryAs(TableView.class);
    waitUntil(() -> table.getItems().get(0) != null);
    assertThat(table.getItems().get(0).toString()).contains(admin);
  }
}
