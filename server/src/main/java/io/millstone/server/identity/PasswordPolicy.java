package io.millstone.server.identity;

import io.millstone.server.platform.Validator;

/** What a new password must be. Length matters most (NIST SP 800-63B); no composition rules. */
final class PasswordPolicy {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;

  private PasswordPolicy() {}

  static void check(Validator v, String field, String password, String username) {
    if (password == null || password.isEmpty()) {
      v.check(false, field, "is required");
      return;
    }
    v.check(
        password.codePointCount(0, password.length()) >= MIN_LENGTH,
        field,
        "must be at least " + MIN_LENGTH + " characters");
    v.check(
        password.length() <= MAX_LENGTH, field, "must be at most " + MAX_LENGTH + " characters");
    v.check(
        username == null || !password.equalsIgnoreCase(username),
        field,
        "must not be the same as the username");
  }
}
