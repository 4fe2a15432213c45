package io.millstone.server.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A signed-in session as the gateway sees it. The token itself is never kept, only its hash. */
public record Session(
    String tokenHash,
    UUID userId,
    String username,
    String displayName,
    UUID companyId,
    String companyName,
    List<String> roles,
    Set<String> permissions,
    Instant createdAt) {}
