package io.millstone.server.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who does the work and in which company. Built by the gateway from the session, never from client
 * input; domain services take it as their first argument.
 */
public record Actor(
    Optional<UUID> userId,
    String username,
    UUID companyId,
    Set<String> permissions,
    String requestId) {

  public static Actor user(
      UUID userId, String username, UUID companyId, Set<String> permissions, String requestId) {
    return new Actor(Optional.of(userId), username, companyId, Set.copyOf(permissions), requestId);
  }

  /** Work done by the server itself or an admin command, not by a signed-in person. */
  public static Actor system(UUID companyId, String what) {
    return new Actor(Optional.empty(), "system:" + what, companyId, Set.of(), what);
  }

  public boolean can(String permission) {
    return permissions.contains(permission);
  }
}
