package io.millstone.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as seen from one company. {@code version} is the membership's, for updates. */
public record UserView(
    UUID id,
    String username,
    String displayName,
    boolean active,
    List<String> roles,
    Instant createdAt,
    long version,
    boolean mustChangePassword) {}
