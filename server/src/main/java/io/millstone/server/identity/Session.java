package io.millstone.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in session as the gateway sees it: a person's, or an edge agent's. The token itself is
 * never kept, only its hash. A session signed in with a one-time password ({@code
 * mustChangePassword}) may call nothing but ChangePassword and Logout until the password is
 * changed.
 */
public record Session(
    Kind kind,
    String tokenHash,
    UUID userId,
    String username,
    String displayName,
    UUID companyId,
    String companyName,
    List<String> roles,
    Set<String> permissions,
    Instant createdAt,
    boolean mustChangePassword) {

  /** A session free to do what its permissions allow. */
  public Session(
      Kind kind,
      String tokenHash,
      UUID userId,
      String username,
      String displayName,
      UUID companyId,
      String companyName,
      List<String> roles,
      Set<String> permissions,
      Instant createdAt) {
    this(
        kind,
        tokenHash,
        userId,
        username,
        displayName,
        companyId,
        companyName,
        roles,
        permissions,
        createdAt,
        false);
  }

  /** Who holds the session. Agents may only stream readings; everything else needs a person. */
  public enum Kind {
    PERSON,
    DEVICE
  }
}
