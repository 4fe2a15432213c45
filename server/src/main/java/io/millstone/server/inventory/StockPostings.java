package io.millstone.server.inventory;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Tx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What stock moved outside sales and purchasing posts to the books. */
final class StockPostings {
  private StockPostings() {}

  /**
   * Stock moved outside purchasing and sales still reaches the books, so the inventory accounts
   * always equal the stock's value: receipts (opening stock) against retained earnings, issues to
   * production as consumables used, count differences as stock adjustments. Transfers stay within
   * the same accounts and post nothing.
   */
  static void post(
      Books books,
      Clock clock,
      Tx t,
      UUID movementId,
      String kind,
      String ref,
      List<StockLine> lines,
      BigDecimal[] values) {
    AccountRole counter =
        switch (kind) {
          case "RECEIPT" -> AccountRole.RETAINED_EARNINGS;
          case "ISSUE" -> AccountRole.CONSUMABLES_USED;
          case "COUNT" -> AccountRole.STOCK_ADJUSTMENTS;
          default -> null;
        };
    if (counter == null) {
      return;
    }
    Map<String, BigDecimal> byAccount = new TreeMap<>();
    for (StockLine l : lines) {
      BigDecimal v = values[l.index()];
      if (v == null || v.signum() == 0) {
        continue;
      }
      // Into stock debits the inventory account; issues come back as positive values.
      BigDecimal signed = kind.equals("ISSUE") ? v.negate() : v;
      byAccount.merge(
          AccountRole.inventoryOf(l.item().kind().name()).code(), signed, BigDecimal::add);
    }
    List<Books.Line> posting = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (var e : byAccount.entrySet()) {
      BigDecimal v = e.getValue();
      if (v.signum() != 0) {
        posting.add(
            new Books.Line(
                e.getKey(), v.max(BigDecimal.ZERO), v.negate().max(BigDecimal.ZERO), ref));
        total = total.add(v);
      }
    }
    if (posting.isEmpty() || total.signum() == 0) {
      return;
    }
    posting.add(
        new Books.Line(
            counter.code(),
            total.negate().max(BigDecimal.ZERO),
            total.max(BigDecimal.ZERO),
            kind.toLowerCase(Locale.ROOT) + " " + ref));
    books.post(
        t,
        LocalDate.ofInstant(clock.instant(), ZoneId.of(CompanyAdmin.timeZoneOf(t))),
        "Stock " + kind.toLowerCase(Locale.ROOT) + (ref.isEmpty() ? "" : " " + ref),
        "STOCK_" + kind,
        movementId,
        posting);
  }
}
