package io.millstone.server.platform;

import java.util.regex.Pattern;

/** Where the database is and the two roles Millstone uses on it. */
public record DatabaseSettings(
    String jdbcUrl,
    String ownerUser,
    String ownerPassword,
    String runtimeUser,
    String runtimePassword,
    int poolSize) {

  private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public DatabaseSettings {
    if (!ROLE_NAME.matcher(runtimeUser).matches() || !ROLE_NAME.matcher(ownerUser).matches()) {
      throw new IllegalArgumentException(
          "Database role names must be lower-case letters, digits and underscores");
    }
    if (runtimeUser.equals(ownerUser)) {
      throw new IllegalArgumentException(
          "The runtime role must not be the owner role: row-level security would not hold");
    }
  }

  @Override
  public String toString() {
    return "DatabaseSettings{"
        + jdbcUrl
        + ", owner="
        + ownerUser
        + ", runtime="
        + runtimeUser
        + "}";
  }
}
