package io.millstone.client.remote;

import io.millstone.api.identity.v1.AuthServiceGrpc;
import io.millstone.api.identity.v1.ChangePasswordRequest;

/** AuthService.ChangePassword for a session: from "My account", or before the shell opens. */
public final class PasswordChange {
  private PasswordChange() {}

  /** Changes the session's password; returns how many other sessions were signed out. */
  public static int change(Session session, String current, String next) throws RemoteException {
    int revoked =
        Calls.call(
            () ->
                session
                    .stub(AuthServiceGrpc.newBlockingStub(session.connection().channel()))
                    .changePassword(
                        ChangePasswordRequest.newBuilder()
                            .setCurrentPassword(current)
                            .setNewPassword(next)
                            .build())
                    .getRevokedSessions());
    if (session.mustChangePassword()) {
      session.passwordChanged();
      // Read what the restricted session could not read at sign-in.
      SignIn.readDisplaySettings(session);
    }
    return revoked;
  }
}
