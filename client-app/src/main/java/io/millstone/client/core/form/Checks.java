package io.millstone.client.core.form;

import java.math.BigDecimal;
import java.util.function.Function;

/** Client-side checks shared by forms; the server checks again and has the last word. */
public final class Checks {
  private Checks() {}

  public static final Function<String, String> DECIMAL_NOT_NEGATIVE =
      v -> {
        try {
          return new BigDecimal(v).signum() < 0 ? "form.check.notNegative" : null;
        } catch (NumberFormatException e) {
          return "form.check.decimal";
        }
      };

  public static final Function<String, String> POSITIVE_DECIMAL =
      v -> {
        try {
          return new BigDecimal(v).signum() <= 0 ? "form.check.positive" : null;
        } catch (NumberFormatException e) {
          return "form.check.decimal";
        }
      };

  public static final Function<String, String> WHOLE_DAYS =
      v -> v.matches("[0-9]{1,4}") ? null : "form.check.days";

  /** A Bangladesh BIN has 13 digits since 2019. */
  public static final Function<String, String> BIN =
      v -> v.matches("[0-9]{13}") ? null : "form.check.bin";

  public static final Function<String, String> CODE =
      v -> v.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,31}") ? null : "form.check.code";
}
