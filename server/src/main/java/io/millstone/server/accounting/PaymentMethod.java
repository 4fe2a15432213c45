package io.millstone.server.accounting;

import io.millstone.server.platform.Validator;
import java.util.Locale;

/** How money moved: through the bank (the default) or in cash. Stored by name. */
public enum PaymentMethod {
  BANK(AccountRole.BANK),
  CASH(AccountRole.CASH);

  private final AccountRole account;

  PaymentMethod(AccountRole account) {
    this.account = account;
  }

  /** The account the money leaves or enters. */
  public AccountRole account() {
    return account;
  }

  /** Reads a method as sent; blank means BANK; anything else is recorded on {@code v}. */
  public static PaymentMethod read(Validator v, String field, String text) {
    if (text == null || text.isBlank()) {
      return BANK;
    }
    String m = text.trim().toUpperCase(Locale.ROOT);
    for (PaymentMethod p : values()) {
      if (p.name().equals(m)) {
        return p;
      }
    }
    v.check(false, field, "must be BANK or CASH");
    return BANK;
  }
}
