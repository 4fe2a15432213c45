package io.millstone.server.identity;

import io.millstone.server.gateway.Authenticator;
import java.util.Optional;

/** People: "authorization: Bearer <session token>". */
public final class BearerAuthenticator implements Authenticator {
  private final SessionStore sessions;

  public BearerAuthenticator(SessionStore sessions) {
    this.sessions = sessions;
  }

  @Override
  public String scheme() {
    return "Bearer";
  }

  @Override
  public Optional<Session> authenticate(String token) {
    return sessions.lookup(token);
  }
}
