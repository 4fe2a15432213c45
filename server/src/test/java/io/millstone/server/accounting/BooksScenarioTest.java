package io.millstone.server.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.accounting.v1.ClosePeriodRequest;
import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.JournalLine;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.ListAccountsRequest;
import io.millstone.api.accounting.v1.ListPeriodsRequest;
import io.millstone.api.accounting.v1.OpenFiscalYearRequest;
import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.PostJournalEntryRequest;
import io.millstone.api.accounting.v1.ReverseJournalEntryRequest;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.identity.BadRequests;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The accountant posts vouchers, corrects them by reversal and closes a month. */
class BooksScenarioTest {
  static TestServer t;
  static UUID mill;
  static LedgerServiceGrpc.LedgerServiceBlockingStub books;

  @BeforeAll
  static void start() {
    t = new TestServer();
    mill = t.createCompany("Books Mill").id();
    books =
        t.as(
            t.createUser(mill, t.unique("acc.clerk"), "accounts"),
            LedgerServiceGrpc.newBlockingStub(t.channel()));
    // Entries by hand go only into an open fiscal year: the story's entries are in FY 2026-27.
    books.openFiscalYear(OpenFiscalYearRequest.newBuilder().setDate(day(2026, 7, 1)).build());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static Date day(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  static JournalLine dr(String account, String amount) {
    return JournalLine.newBuilder()
        .setAccountCode(account)
        .setDebit(Decimal.newBuilder().setValue(amount))
        .build();
  }

  static JournalLine cr(String account, String amount) {
    return JournalLine.newBuilder()
        .setAccountCode(account)
        .setCredit(Decimal.newBuilder().setValue(amount))
        .build();
  }

  static JournalEntry post(Date date, JournalLine... lines) {
    var b = PostJournalEntryRequest.newBuilder().setEntryDate(date).setMemo("test");
    for (JournalLine l : lines) {
      b.addLines(l);
    }
    return books.postJournalEntry(b.build());
  }

  static TrialBalance trial(Date asOf) {
    return books.getTrialBalance(GetTrialBalanceRequest.newBuilder().setAsOf(asOf).build());
  }

  @Test
  void aNewCompanyHasTheManufacturingChartOfAccounts() {
    assertThat(books.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList())
        .extracting(a -> a.getCode() + " " + a.getType())
        .contains(
            "1010 ASSET",
            "1210 ASSET",
            "2100 LIABILITY",
            "3000 EQUITY",
            "4000 INCOME",
            "5000 EXPENSE");
  }

  @Test
  void entriesAreNumberedPerFiscalYearAndTheTrialBalanceBalances() {
    JournalEntry capital = post(day(2026, 8, 1), dr("1010", "1000000"), cr("3000", "1000000"));
    JournalEntry wages = post(day(2026, 8, 31), dr("5300", "125000.50"), cr("1010", "125000.50"));

    assertThat(capital.getNumber()).matches("JV-2026-\\d{5}");
    assertThat(Integer.parseInt(wages.getNumber().substring(8)))
        .isGreaterThan(Integer.parseInt(capital.getNumber().substring(8)));
    TrialBalance tb = trial(day(2026, 8, 31));
    assertThat(tb.getTotalDebit()).isEqualTo(tb.getTotalCredit());
    assertThat(tb.getCurrencyCode()).isEqualTo("BDT");
    assertThat(tb.getLinesList())
        .filteredOn(l -> l.getAccountCode().equals("5300"))
        .singleElement()
        .satisfies(l -> assertThat(l.getDebit().getValue()).isEqualTo("125000.5"));
  }

  @Test
  void anEntryThatDoesNotBalanceIsRefusedAndNothingIsPosted() {
    String before = trial(day(2027, 6, 30)).getTotalDebit().getValue();
    var e = TestServer.failure(() -> post(day(2026, 9, 1), dr("1010", "100"), cr("4900", "90")));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(BadRequests.violations(e))
        .singleElement()
        .satisfies(v -> assertThat(v.getDescription()).contains("differ by 10"));
    var unknown =
        TestServer.failure(() -> post(day(2026, 9, 1), dr("1010", "100"), cr("9999", "100")));
    assertThat(BadRequests.fields(unknown)).containsExactly("lines[1].account_code");
    assertThat(trial(day(2027, 6, 30)).getTotalDebit().getValue()).isEqualTo(before);
  }

  @Test
  void aPostedEntryIsCorrectedByReversalOnce() {
    JournalEntry wrong = post(day(2026, 10, 5), dr("6000", "5000"), cr("1000", "5000"));
    JournalEntry reversal =
        books.reverseJournalEntry(
            ReverseJournalEntryRequest.newBuilder()
                .setId(wrong.getId())
                .setEntryDate(day(2026, 10, 6))
                .build());

    assertThat(reversal.getReversalOf()).isEqualTo(wrong.getId());
    assertThat(reversal.getLinesList())
        .extracting(
            l ->
                l.getAccountCode() + " " + l.getDebit().getValue() + "/" + l.getCredit().getValue())
        .containsExactly("6000 0/5000", "1000 5000/0");
    var again =
        TestServer.failure(
            () ->
                books.reverseJournalEntry(
                    ReverseJournalEntryRequest.newBuilder()
                        .setId(wrong.getId())
                        .setEntryDate(day(2026, 10, 7))
                        .build()));
    assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void nothingCanBePostedIntoAClosedPeriod() {
    post(day(2026, 12, 10), dr("1000", "10"), cr("4900", "10"));
    Period december =
        books.listPeriods(ListPeriodsRequest.getDefaultInstance()).getPeriodsList().stream()
            .filter(p -> p.getStartDate().getMonth() == 12 && p.getStartDate().getYear() == 2026)
            .findFirst()
            .orElseThrow();
    assertThat(december.getFiscalYear()).isEqualTo("FY 2026-27");
    assertThat(december.getNumber()).isEqualTo(6);

    Period closed =
        books.closePeriod(ClosePeriodRequest.newBuilder().setId(december.getId()).build());
    assertThat(closed.getClosed()).isTrue();

    var refused =
        TestServer.failure(() -> post(day(2026, 12, 31), dr("1000", "10"), cr("4900", "10")));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription())
        .contains("December 2026 (FY 2026-27) is closed");
    assertThat(post(day(2027, 1, 2), dr("1000", "10"), cr("4900", "10")).getNumber())
        .startsWith("JV-2026-");
  }

  @Test
  void aManualEntryDatedWhereNoFiscalYearIsOpenIsRefusedAndSaysWhichYearToCreate() {
    var refused =
        TestServer.failure(() -> post(day(2031, 3, 5), dr("1000", "10"), cr("4900", "10")));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription())
        .contains("5 March 2031")
        .contains("create fiscal year FY 2030-31 first");
    assertThat(books.listPeriods(ListPeriodsRequest.getDefaultInstance()).getPeriodsList())
        .as("the refusal created no fiscal year")
        .noneMatch(p -> p.getFiscalYear().equals("FY 2030-31"));
  }

  @Test
  void onceItsFiscalYearIsOpenAManualEntryOnThatDateIsPosted() {
    var year =
        books.openFiscalYear(OpenFiscalYearRequest.newBuilder().setDate(day(2032, 2, 9)).build());
    assertThat(year.getPeriodsList())
        .hasSize(12)
        .allSatisfy(p -> assertThat(p.getFiscalYear()).isEqualTo("FY 2031-32"));
    assertThat(post(day(2032, 2, 9), dr("1000", "10"), cr("4900", "10")).getNumber())
        .startsWith("JV-2031-");
  }

  @Test
  void theDatabaseItselfRefusesUnbalancedOrEditedEntries() throws SQLException {
    JournalEntry e = post(day(2026, 11, 1), dr("1000", "1"), cr("4900", "1"));
    try (Connection c = TestPlatform.get().database().runtimeDataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SELECT set_config('millstone.company_id', '" + mill + "', true)");
      try {
        st.executeUpdate(
            "UPDATE journal_line SET debit = 2 WHERE entry_id = '" + e.getId() + "' AND debit > 0");
        throw new AssertionError("a posted line was edited");
      } catch (SQLException refused) {
        assertThat(refused.getSQLState()).isEqualTo("42501");
      }
      c.rollback();
    }
    try (Connection c = TestPlatform.get().database().runtimeDataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("SELECT set_config('millstone.company_id', '" + mill + "', true)");
      UUID entry = UUID.randomUUID();
      st.executeUpdate(
          "INSERT INTO journal_entry (id, company_id, number, entry_date, period_id, posted_at, posted_by)"
              + " SELECT '"
              + entry
              + "', company_id, 'JV-FORGED', entry_date, period_id, now(), 'x'"
              + " FROM journal_entry WHERE id = '"
              + e.getId()
              + "'");
      st.executeUpdate(
          "INSERT INTO journal_line (id, company_id, entry_id, line_no, account_id, debit)"
              + " SELECT gen_random_uuid(), company_id, '"
              + entry
              + "', 1, account_id, 100"
              + " FROM journal_line WHERE entry_id = '"
              + e.getId()
              + "' AND line_no = 1");
      try {
        c.commit();
        throw new AssertionError("an unbalanced entry was committed");
      } catch (SQLException refused) {
        assertThat(refused.getSQLState()).isEqualTo("23514");
        assertThat(refused.getMessage()).contains("does not balance");
      }
    }
  }
}
