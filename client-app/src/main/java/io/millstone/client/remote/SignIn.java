package io.millstone.client.remote;

import io.grpc.StatusRuntimeException;
import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.CompanyRef;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.DisplaySettings;
import io.millstone.api.identity.v1.GetDisplaySettingsRequest;
import io.millstone.api.identity.v1.LoginRequest;
import io.millstone.api.identity.v1.LoginResponse;
import io.millstone.api.identity.v1.NumberGrouping;
import io.millstone.client.core.Notation;
import io.millstone.client.remote.RemoteException.Kind;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;

/** Signs in to a server: connects, logs in, and checks that the server's version fits. */
public final class SignIn implements SignInService {
  private final ChannelFactory channels;

  public SignIn(ChannelFactory channels) {
    this.channels = channels;
  }

  @Override
  public Session signIn(ServerAddress address, String username, char[] password)
      throws RemoteException {
    Connection connection = channels.open(address);
    try {
      LoginResponse r =
          Calls.signIn(
              () ->
                  AuthServiceGrpc.newBlockingStub(connection.channel())
                      .withDeadlineAfter(20, TimeUnit.SECONDS)
                      .login(
                          LoginRequest.newBuilder()
                              .setUsername(username)
                              .setPassword(new String(password))
                              .setClientName("millstone-client/" + ClientVersion.get())
                              .build()));
      String company =
          r.getCompaniesList().stream()
              .filter(c -> c.getId().equals(r.getCompanyId()))
              .map(CompanyRef::getName)
              .findFirst()
              .orElse("");
      Session session =
          new Session(
              connection,
              r.getSessionToken(),
              r.getUser().getUsername(),
              r.getUser().getDisplayName(),
              company,
              new HashSet<>(r.getPermissionsList()),
              r.getServerVersion());
      if (!ClientVersion.compatible(ClientVersion.get(), r.getServerVersion())) {
        session.close();
        throw new RemoteException(
            Kind.INCOMPATIBLE_SERVER,
            "The server runs Millstone "
                + r.getServerVersion()
                + "; this client is "
                + ClientVersion.get()
                + ".");
      }
      session.setMustChangePassword(r.getMustChangePassword());
      if (!session.mustChangePassword()) {
        readDisplaySettings(session);
      }
      return session;
    } catch (RemoteException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Reads how the company writes amounts, dates and times into the session: at sign-in, and again
   * when an administrator changed them.
   */
  static void readDisplaySettings(Session session) {
    try {
      DisplaySettings d =
          session
              .stub(CompanyServiceGrpc.newBlockingStub(session.connection().channel()))
              .getDisplaySettings(GetDisplaySettingsRequest.getDefaultInstance());
      session.setCurrencyCode(d.getCurrencyCode());
      session.setNotation(
          Notation.of(
              d.getNumberGrouping() == NumberGrouping.NUMBER_GROUPING_WESTERN
                  ? "WESTERN"
                  : "INDIAN",
              d.getDateFormat(),
              d.getTimeZone()));
    } catch (StatusRuntimeException e) {
      // An older server: the Bangladesh defaults stand; forms still work.
    }
  }
}
