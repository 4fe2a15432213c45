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

  // A parameter whose name holds "password" (password, sslpassword...), up to the next & or ;.
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&;][a-z_]*password=)[^&;]*");
  // user:password@ after the scheme's //.
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?&;]*):[^/@]*@");

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

  /**
   * The URL as it may be printed: a password in it ({@code password=...}, {@code sslpassword=...},
   * {@code user:password@}) replaced by {@code ***}.
   */
  public String maskedUrl() {
    return mask(jdbcUrl);
  }

  /** {@link #maskedUrl()} for any JDBC URL. */
  public static String mask(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String s = PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
    return USER_INFO.matcher(s).replaceAll("$1:***@");
  }

  @Override
  public String toString() {
    return "DatabaseSettings{"
        + maskedUrl()
        + ", owner="
        + ownerUser
        + ", runtime="
        + runtimeUser
        + "}";
  }
}
