package io.millstone.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.ChangePasswordRequest;
import io.millstone.api.identity.v1.WhoAmIRequest;
import io.millstone.server.TestServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every log line the server writes while people sign in and change passwords, read back. */
class NoSecretsInLogsTest {

  @Test
  void passwordsAndSessionTokensNeverReachTheLog() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger access = (Logger) LoggerFactory.getLogger("millstone.access");
    Level accessLevel = access.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    access.addAppender(appender);
    access.setLevel(Level.DEBUG);
    String newPassword = "brand new secret passphrase";
    String token;
    try (TestServer t = new TestServer()) {
      var company = t.createCompany("Quiet Mill").id();
      String user = t.createUser(company, t.unique("quiet"), "sales");
      TestServer.codeOf(() -> t.login(user, "wrong secret password"));
      token = t.login(user, TestServer.PASSWORD).getSessionToken();
      var me = TestServer.withToken(token, AuthServiceGrpc.newBlockingStub(t.channel()));
      me.whoAmI(WhoAmIRequest.getDefaultInstance());
      me.changePassword(
          ChangePasswordRequest.newBuilder()
              .setCurrentPassword(TestServer.PASSWORD)
              .setNewPassword(newPassword)
              .build());
    } finally {
      root.detachAppender(appender);
      access.detachAppender(appender);
      access.setLevel(accessLevel);
    }
    assertThat(appender.list).as("the access log was captured").isNotEmpty();
    for (ILoggingEvent e : appender.list) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      assertThat(line)
          .doesNotContain(TestServer.PASSWORD)
          .doesNotContain("wrong secret password")
          .doesNotContain(newPassword)
          .doesNotContain(token);
    }
  }
}
