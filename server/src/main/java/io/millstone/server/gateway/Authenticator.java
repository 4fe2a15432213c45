package io.millstone.server.gateway;

import io.millstone.server.identity.Session;
import java.util.Optional;

/**
 * Turns the credentials of one {@code authorization} scheme ("Bearer" for people, "Device" for edge
 * agents) into the session a call runs as. Empty means: not valid (unknown, expired, revoked).
 */
public interface Authenticator {
  /** The scheme word, compared case-insensitively: "Bearer", "Device". */
  String scheme();

  Optional<Session> authenticate(String credentials);
}
