package io.millstone.server.accounting;

import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Money;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A payment's allocations to open documents as read from a request: each document once, each amount
 * above zero, all of them adding up to the payment. Bad fields are recorded on the validator under
 * {@code allocations[i].…}.
 */
public record Allocations(List<UUID> documents, List<BigDecimal> amounts) {

  /**
   * @param idField the id field's name ("invoice_id", "bill_id")
   * @param what what a document is called in messages ("invoice", "bill")
   * @param payment the payment's amount, or null if it was itself bad
   */
  public static <T> Allocations read(
      Validator v,
      List<T> in,
      Function<T, String> id,
      Function<T, String> amount,
      String idField,
      String what,
      BigDecimal payment) {
    v.check(!in.isEmpty(), "allocations", "needs at least one " + what + " to pay");
    List<UUID> docs = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    BigDecimal allocated = BigDecimal.ZERO;
    for (int i = 0; i < in.size(); i++) {
      String f = "allocations[" + i + "]";
      UUID doc = Ids.parseOrNull(id.apply(in.get(i)));
      v.check(doc != null, f + "." + idField, "is not " + article(what) + " id");
      v.check(
          doc == null || !docs.contains(doc),
          f + "." + idField,
          "appears twice; allocate to each " + what + " once");
      docs.add(doc);
      BigDecimal a = Decimals.parse(v, f + ".amount", amount.apply(in.get(i)), Amounts.SCALE, true);
      v.check(a == null || a.signum() > 0, f + ".amount", "must be more than zero");
      amounts.add(a);
      allocated = a == null ? allocated : allocated.add(a);
    }
    if (payment != null && !v.hasViolation("amount")) {
      v.check(
          allocated.compareTo(payment) == 0,
          "allocations",
          "allocations_differ_from_payment",
          "add up to " + Amounts.money(allocated) + " but the payment is " + Amounts.money(payment),
          new Money(allocated),
          new Money(payment));
    }
    return new Allocations(docs, amounts);
  }

  /** The positions in id order: documents are locked in this order so payments never deadlock. */
  public List<Integer> lockOrder() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> documents.get(a).compareTo(documents.get(b)));
    return order;
  }

  private static String article(String what) {
    return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
  }
}
