package io.millstone.server.gateway;

import io.grpc.Context;
import io.millstone.server.identity.Session;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.error.AuthenticationException;

/** What the gateway learned about a call, for the service adapters to read. */
public final class GatewayContext {
  static final Context.Key<String> REQUEST_ID = Context.key("millstone.request-id");
  static final Context.Key<String> CLIENT_ADDRESS = Context.key("millstone.client-address");
  static final Context.Key<Session> SESSION = Context.key("millstone.session");

  private GatewayContext() {}

  public static String requestId() {
    String id = REQUEST_ID.get();
    return id == null ? "-" : id;
  }

  /** The caller's IP address (without port), for rate limits and the audit trail. */
  public static String clientAddress() {
    String a = CLIENT_ADDRESS.get();
    return a == null ? "unknown" : a;
  }

  /** The signed-in session; only absent for public methods. */
  public static Session session() {
    Session s = SESSION.get();
    if (s == null) {
      throw new AuthenticationException("not_signed_in", "Sign in first.");
    }
    return s;
  }

  /** The actor for domain services: the session's user in the session's company. */
  public static Actor actor() {
    Session s = session();
    return Actor.user(s.userId(), s.username(), s.companyId(), s.permissions(), requestId());
  }
}
