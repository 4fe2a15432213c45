package io.millstone.client.core.form;

import io.millstone.client.core.Amounts;
import java.math.BigDecimal;
import java.util.function.Function;

/** Client-side checks shared by forms; the server checks again and has the last word. */
public final class Checks {
  private Checks() {}

  /** A number as people type it ("10,00,000", "1000000", Bangla digits), zero or more. */
  public static final Function<String, String> DECIMAL_NOT_NEGATIVE =
      v -> {
        BigDecimal d = Amounts.parse(v);
        return d == null ? "form.check.decimal" : d.signum() < 0 ? "form.check.notNegative" : null;
      };

  /** A number as people type it, more than zero. */
  public static final Function<String, String> POSITIVE_DECIMAL =
      v -> {
        BigDecimal d = Amounts.parse(v);
        return d == null ? "form.check.decimal" : d.signum() <= 0 ? "form.check.positive" : null;
      };

  public static final Function<String, String> WHOLE_DAYS =
      v -> v.matches("[0-9]{1,4}") ? null : "form.check.days";

  /** A Bangladesh BIN has 13 digits since 2019. */
  public static final Function<String, String> BIN =
      v -> v.matches("[0-9]{13}") ? null : "form.check.bin";

  public static final Function<String, String> CODE =
      v -> v.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,31}") ? null : "form.check.code";
}
