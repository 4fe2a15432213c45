package io.millstone.server.masterdata;

import io.millstone.server.platform.Validator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Record codes as people type them ("sug-l30") and as they are stored ("SUG-L30"). */
final class Codes {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._/-]*");

  private Codes() {}

  static String normalize(String code) {
    return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
  }

  static void check(Validator v, String code, int max) {
    v.text(code, "code", max);
    if (!v.hasViolation("code")) {
      v.check(
          CODE.matcher(code).matches(),
          "code",
          "may hold only letters, digits and . _ / - and must start with a letter or digit");
    }
  }
}
