package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.StatementLine;
import io.millstone.api.accounting.v1.TrialBalanceLine;
import io.millstone.client.core.Dates;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.accounting.Books;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import io.millstone.server.purchasing.PurchaseDesk;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accounts office against a real server: the accountant opens the fiscal year, posts a journal
 * voucher (an unknown account is refused beside its line) and reverses it, drills from the trial
 * balance into the bank's ledger and on into a voucher, reads the VAT summary, cannot close the
 * month while a draft purchase order sits in it (the refusal names it), closes and reopens another
 * month, compares stock with the books and reconciles the bank statement.
 */
class AccountsUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String accounts;
  static String draftOrder;
  static LocalDate today;

  @BeforeAll
  static void millWithReceipts() {
    server = LiveServer.shared();
    company = server.createCompany("Setabganj Sugar Mills Ltd");
    accounts = server.createUser(company, server.fresh("accounts"), "accounts");
    Actor actor = Actor.system(company, "test");
    today = Dates.today();
    Books books = server.server().books();
    books.openFiscalYear(actor, today);
    // A receipt into the bank and VAT collected in cash, posted before the accountant arrives.
    books.postManual(
        actor,
        null,
        today,
        "Molasses sold, Sonali Bank deposit",
        List.of(
            new Books.LineInput("1010", "25000", "0", ""),
            new Books.LineInput("4900", "0", "25000", "")));
    books.postManual(
        actor,
        null,
        today,
        "Scrap sold for cash with VAT",
        List.of(
            new Books.LineInput("1000", "11500", "0", ""),
            new Books.LineInput("4900", "0", "10000", ""),
            new Books.LineInput("2100", "0", "1500", "")));
    server
        .server()
        .itemAdmin()
        .create(
            actor,
            null,
            "LIME",
            new ItemAdmin.Input(
                "Quick lime", "t", Kind.RAW_MATERIAL, "0", "BDT", TaxCategory.STANDARD));
    server
        .server()
        .supplierAdmin()
        .create(
            actor,
            null,
            "S-JLW",
            new PartyAdmin.Input(
                "Joypurhat Lime Works", "Station Road", "+880 571 62000", "", "0", "BDT", 30));
    draftOrder =
        server
            .server()
            .purchaseDesk()
            .createOrder(
                actor,
                null,
                "S-JLW",
                today,
                List.of(new PurchaseDesk.LineInput("LIME", "2", "14200")),
                "")
            .number();
  }

  private void open(String screen) {
    clickWhenReady("#nav-" + screen);
  }

  @SuppressWarnings("unchecked")
  private <T> TableView<T> table(String query) {
    return lookup(query).queryAs(TableView.class);
  }

  /** Types into an editable account picker. */
  private void account(String query, String code) {
    clickOn(query);
    write(code);
  }

  @Test
  void theAccountsOfficeFromVoucherToBankReconciliation() {
    signInAndWait(accounts);

    // periods: the fiscal year is opened (it was already: the same twelve months answer)
    open("periods");
    clickWhenReady("#periodsOpenYear");
    TableView<Period> periods = table("#periodsTable");
    waitUntil(() -> periods.getItems().size() == 12);

    // a journal voucher: the balance follows the typing; an unknown account is refused beside it
    open("journal");
    waitUntil(() -> lookup("#jv-0-account").tryQuery().isPresent());
    account("#jv-0-account", "6000");
    clickOn("#jv-0-debit");
    write("500");
    account("#jv-1-account", "9999");
    clickOn("#jv-1-credit");
    write("450");
    waitUntil(() -> text("#jvBalance").equals("Difference 50.00"));
    fill("#jv-1-credit", "500");
    waitUntil(() -> text("#jvBalance").equals("Balanced"));
    clickOn("#jvMemo");
    write("Office tea, October");
    clickOn("#jvPost");
    confirmPosting();
    waitUntil(() -> !text("#jv-1-error").isEmpty());
    assertThat(text("#jv-1-error")).contains("9999");
    assertThat(text("#jv-0-error")).isEmpty();
    screenshot("journal.png");
    clickOn("#jv-1-account");
    interact(
        () ->
            ((javafx.scene.control.ComboBox<?>) lookup("#jv-1-account").query())
                .getEditor()
                .setText("1000"));
    waitUntil(() -> text("#jv-1-name").equals("Cash in hand"));
    clickOn("#jvPost");
    confirmPosting();
    waitUntil(() -> text("#jvPostedTitle").startsWith("JV-"));
    String voucher = text("#jvPostedTitle").split(" ")[0];
    assertThat(text("#jvPostedLines")).contains("6000").contains("500.00");
    // reversed, after a confirmation
    clickOn("#jvReverse");
    confirmPosting();
    waitUntil(() -> text("#jvPostedTitle").contains("Reversal of " + voucher));

    // the trial balance: Enter on the bank opens its ledger, Enter on a line its voucher
    open("trial-balance");
    TableView<TrialBalanceLine> tb = table("#tbTable");
    waitUntil(() -> tb.getItems().stream().anyMatch(l -> l.getAccountCode().equals("1010")));
    interact(
        () -> {
          tb.requestFocus();
          tb.getSelectionModel()
              .select(
                  tb.getItems().stream()
                      .filter(l -> l.getAccountCode().equals("1010"))
                      .findFirst()
                      .get());
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#ledgerOf1010 #glTitle").equals("1010 Bank"));
    waitUntil(() -> text("#ledgerOf1010 #glClosing").contains("25,000.00 Dr"));
    assertThat(text("#ledgerOf1010 #glOpening")).contains("0.00");
    screenshot("ledger.png");
    TableView<?> gl = table("#ledgerOf1010 #glTable");
    waitUntil(() -> gl.getItems().size() == 1);
    interact(
        () -> {
          gl.requestFocus();
          gl.getSelectionModel().selectFirst();
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#journalEntry #jvPostedTitle").contains("Molasses sold"));

    // the VAT summary of the year so far
    open("vat-summary");
    waitUntil(() -> text("#vatTotal").contains("output 1,500.00"));
    screenshot("vat-summary.png");

    // closing this month is refused while the draft order sits in it; another month closes
    open("periods");
    waitUntil(() -> periods.getItems().size() == 12);
    Period current =
        periods.getItems().stream()
            .filter(p -> p.getStartDate().getMonth() == today.getMonthValue())
            .findFirst()
            .orElseThrow();
    interact(() -> periods.getSelectionModel().select(current));
    clickOn("#periodsClose");
    confirmPosting();
    waitUntil(() -> !text("#periodsMessage").isEmpty());
    assertThat(text("#periodsMessage"))
        .contains("cannot be closed")
        .contains("draft purchase order " + draftOrder);
    screenshot("period-close.png");
    Period other =
        periods.getItems().stream()
            .filter(p -> p.getStartDate().getMonth() != today.getMonthValue())
            .findFirst()
            .orElseThrow();
    interact(() -> periods.getSelectionModel().select(other));
    clickOn("#periodsClose");
    confirmPosting();
    waitUntil(
        () ->
            periods.getItems().stream()
                .anyMatch(p -> p.getId().equals(other.getId()) && p.getClosed()));
    interact(
        () ->
            periods
                .getSelectionModel()
                .select(
                    periods.getItems().stream()
                        .filter(p -> p.getId().equals(other.getId()))
                        .findFirst()
                        .get()));
    clickOn("#periodsReopen");
    confirmPosting();
    waitUntil(
        () ->
            periods.getItems().stream()
                .anyMatch(p -> p.getId().equals(other.getId()) && !p.getClosed()));

    // stock valuation beside the inventory accounts
    open("stock-valuation");
    waitUntil(() -> !text("#valuationDifference").isEmpty());
    assertThat(text("#valuationBooks")).contains("0.00");

    // the bank statement: the deposit is suggested and matched by Enter, the charges stay open
    open("bank-reconciliation");
    waitUntil(() -> table("#bankBooks").getItems().size() == 1);
    clickOn("#bankStatementText");
    write(Dates.date(today) + "; DEP 4471; 25000\n" + Dates.date(today) + "; CHARGES; -115");
    clickOn("#bankAddStatement");
    TableView<StatementLine> statement = table("#bankStatement");
    waitUntil(() -> statement.getItems().size() == 2);
    assertThat(statement.getItems().get(0).getSuggestedJournalLineId()).isNotEmpty();
    interact(
        () -> {
          statement.requestFocus();
          statement.getSelectionModel().selectFirst();
        });
    type(KeyCode.ENTER);
    waitUntil(() -> !statement.getItems().get(0).getMatchedJournalLineId().isEmpty());
    waitUntil(
        () ->
            text("#bankUnreconciled")
                .startsWith("Unreconciled: statement -115.00 (1 line), books 0.00 (no lines)"));
    screenshot("bank-reconciliation.png");
  }
}
