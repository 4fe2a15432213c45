package io.millstone.server.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.platform.Money;
import io.millstone.server.platform.NumberGrouping;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money among a refusal's arguments is shown in the company's grouping, in every language. */
class ErrorMessagesMoneyTest {
  private static Money money(String v) {
    return new Money(new BigDecimal(v));
  }

  private static BusinessRuleException creditRefusal() {
    return new BusinessRuleException(
        "credit_limit_exceeded",
        "Dhaka Traders (C-1) has a credit limit of 300000.00; unpaid invoices (0.00) and open orders"
            + " (218500.00) leave 81500.00, and this order is 218500.00. Take a payment first, or"
            + " ask for a higher limit.",
        "Dhaka Traders",
        "C-1",
        money("300000"),
        money("0"),
        money("218500"),
        money("81500"),
        money("218500"));
  }

  @Test
  void lakhAndCroreInEnglishAndBangla() {
    BusinessRuleException e = creditRefusal();
    e.showMoneyIn(NumberGrouping.INDIAN);

    assertThat(ErrorMessages.message(e, ErrorMessages.ENGLISH))
        .isEqualTo(
            "Dhaka Traders (C-1) has a credit limit of 3,00,000.00; unpaid invoices (0.00) and"
                + " open orders (2,18,500.00) leave 81,500.00, and this order is 2,18,500.00. Take"
                + " a payment first, or ask for a higher limit.");
    assertThat(ErrorMessages.message(e, ErrorMessages.BANGLA))
        .startsWith("Dhaka Traders (C-1)-এর ক্রেডিট সীমা 3,00,000.00;")
        .contains("এই অর্ডার 2,18,500.00");
  }

  @Test
  void westernInEnglishAndBangla() {
    BusinessRuleException e = creditRefusal();
    e.showMoneyIn(NumberGrouping.WESTERN);

    assertThat(ErrorMessages.message(e, ErrorMessages.ENGLISH))
        .contains("credit limit of 300,000.00;")
        .contains("leave 81,500.00,");
    assertThat(ErrorMessages.message(e, ErrorMessages.BANGLA)).contains("ক্রেডিট সীমা 300,000.00;");
  }

  @Test
  void theGroupingIsSetOnceByTheTransactionTheRefusalLeaves() {
    BusinessRuleException e = creditRefusal();
    e.showMoneyIn(NumberGrouping.WESTERN);
    e.showMoneyIn(NumberGrouping.INDIAN);

    assertThat(e.grouping()).isEqualTo(NumberGrouping.WESTERN);
  }

  @Test
  void withoutACompanyTheAmountsStayPlainAsTheExceptionWroteThem() {
    BusinessRuleException e = creditRefusal();

    assertThat(ErrorMessages.message(e, ErrorMessages.ENGLISH)).isEqualTo(e.getMessage());
    assertThat(ErrorMessages.message(e, ErrorMessages.BANGLA)).contains("ক্রেডিট সীমা 300000.00;");
  }

  @Test
  void moneyInsideAPhraseIsGroupedAndPlainNumbersAreNot() {
    Phrase mismatches =
        Phrase.join(
            "; ",
            List.of(
                "line 1 (BAG): billed 12 bag in all, but 10 bag received",
                Phrase.of(
                    "line 2 (SUG): price ",
                    money("1234567.5"),
                    " is 23.5 % above the order's ",
                    money("1000000"),
                    " (tolerance ",
                    new BigDecimal("1000000"),
                    " %)")));
    BusinessRuleException e =
        new BusinessRuleException(
            "three_way_mismatch",
            "The bill does not match PO-2026-00001 and its receipts: " + mismatches + ".",
            "PO-2026-00001",
            mismatches);
    e.showMoneyIn(NumberGrouping.INDIAN);

    assertThat(e.getMessage())
        .contains("price 1234567.50 is 23.5 % above the order's 1000000.00 (tolerance 1000000 %)");
    assertThat(ErrorMessages.message(e, ErrorMessages.ENGLISH))
        .isEqualTo(
            "The bill does not match PO-2026-00001 and its receipts: line 1 (BAG): billed 12 bag"
                + " in all, but 10 bag received; line 2 (SUG): price 12,34,567.50 is 23.5 % above"
                + " the order's 10,00,000.00 (tolerance 1000000 %). Correct the bill, receive the"
                + " goods first, or ask the supplier for a corrected invoice.");
    assertThat(ErrorMessages.message(e, ErrorMessages.BANGLA))
        .contains("price 12,34,567.50 is 23.5 % above the order's 10,00,000.00");
  }

  @Test
  void aFieldViolationShowsMoneyAsItsRefusalDoes() {
    FieldViolation v =
        new FieldViolation(
            "allocations[0].amount",
            "INV-2026-00001 has only 500000.00 open",
            "allocation_exceeds_open",
            List.of("INV-2026-00001", money("-500000.5")));
    InvalidInputException e = new InvalidInputException(List.of(v));
    e.showMoneyIn(NumberGrouping.INDIAN);

    assertThat(ErrorMessages.description(v, e, ErrorMessages.ENGLISH))
        .isEqualTo("INV-2026-00001 has only -5,00,000.50 open");
    assertThat(ErrorMessages.description(v, e, ErrorMessages.BANGLA))
        .isEqualTo("INV-2026-00001-এ মাত্র -5,00,000.50 বাকি আছে");
  }

  @Test
  void aCreditNoteAboveWhatIsOpenNamesBothAmountsGrouped() {
    BusinessRuleException e =
        new BusinessRuleException(
            "credit_exceeds_open",
            "INV-1 has 1000.00 BDT still open and this credit note is 1150000.00; credit at most"
                + " what is unpaid (refunds of paid invoices are not supported yet).",
            "INV-1",
            money("1000"),
            "BDT",
            money("1150000"));
    e.showMoneyIn(NumberGrouping.INDIAN);

    assertThat(ErrorMessages.message(e, ErrorMessages.ENGLISH))
        .startsWith("INV-1 has 1,000.00 BDT still open and this credit note is 11,50,000.00;");
    assertThat(ErrorMessages.message(e, ErrorMessages.BANGLA))
        .startsWith("INV-1-এ এখনও 1,000.00 BDT অপরিশোধিত, আর এই ক্রেডিট নোট 11,50,000.00;");
  }
}
