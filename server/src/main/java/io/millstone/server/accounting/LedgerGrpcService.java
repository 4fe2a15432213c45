package io.millstone.server.accounting;

import io.grpc.stub.StreamObserver;
import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.ClosePeriodRequest;
import io.millstone.api.accounting.v1.GetNextDocumentNumberRequest;
import io.millstone.api.accounting.v1.GetTrialBalanceRequest;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.JournalLine;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import io.millstone.api.accounting.v1.ListAccountsRequest;
import io.millstone.api.accounting.v1.ListAccountsResponse;
import io.millstone.api.accounting.v1.ListPeriodsRequest;
import io.millstone.api.accounting.v1.ListPeriodsResponse;
import io.millstone.api.accounting.v1.NextDocumentNumber;
import io.millstone.api.accounting.v1.OpenFiscalYearRequest;
import io.millstone.api.accounting.v1.Period;
import io.millstone.api.accounting.v1.PostJournalEntryRequest;
import io.millstone.api.accounting.v1.ReverseJournalEntryRequest;
import io.millstone.api.accounting.v1.TrialBalance;
import io.millstone.api.accounting.v1.TrialBalanceLine;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.gateway.ProtoValues;
import java.math.BigDecimal;

/** Adapter from the LedgerService contract to {@link Books}. */
public final class LedgerGrpcService extends LedgerServiceGrpc.LedgerServiceImplBase {
  private final Books books;
  private final LedgerReports reports;
  private final NextNumbers nextNumbers;

  public LedgerGrpcService(Books books, LedgerReports reports, NextNumbers nextNumbers) {
    this.books = books;
    this.reports = reports;
    this.nextNumbers = nextNumbers;
  }

  @Override
  public void getNextDocumentNumber(
      GetNextDocumentNumberRequest req, StreamObserver<NextDocumentNumber> out) {
    NextNumbers.Next n = nextNumbers.peek(GatewayContext.actor(), req.getSeries().trim());
    out.onNext(
        NextDocumentNumber.newBuilder()
            .setNumber(n.number())
            .setDate(ProtoValues.date(n.date()))
            .build());
    out.onCompleted();
  }

  @Override
  public void listAccounts(ListAccountsRequest req, StreamObserver<ListAccountsResponse> out) {
    out.onNext(accounts(books.accounts(GatewayContext.actor())));
    out.onCompleted();
  }

  /** Accounts as {@link Books#accountRows} reads them. */
  static ListAccountsResponse accounts(java.util.List<String[]> rows) {
    var b = ListAccountsResponse.newBuilder();
    for (String[] a : rows) {
      b.addAccounts(
          Account.newBuilder()
              .setId(a[0])
              .setCode(a[1])
              .setName(a[2])
              .setType(a[3])
              .setActive(Boolean.parseBoolean(a[4])));
    }
    return b.build();
  }

  @Override
  public void postJournalEntry(PostJournalEntryRequest req, StreamObserver<JournalEntry> out) {
    var lines =
        req.getLinesList().stream()
            .map(
                l ->
                    new Books.LineInput(
                        l.getAccountCode(),
                        l.getDebit().getValue(),
                        l.getCredit().getValue(),
                        l.getMemo()))
            .toList();
    out.onNext(
        entry(
            books.postManual(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                ProtoValues.date(req.getEntryDate(), "entry_date"),
                req.getMemo(),
                lines)));
    out.onCompleted();
  }

  @Override
  public void reverseJournalEntry(
      ReverseJournalEntryRequest req, StreamObserver<JournalEntry> out) {
    out.onNext(
        entry(
            books.reverse(
                GatewayContext.actor(),
                req.getIdempotencyKey().getValue(),
                req.getId(),
                ProtoValues.date(req.getEntryDate(), "entry_date"))));
    out.onCompleted();
  }

  @Override
  public void getTrialBalance(GetTrialBalanceRequest req, StreamObserver<TrialBalance> out) {
    var actor = GatewayContext.actor();
    var tb = books.trialBalance(actor, ProtoValues.date(req.getAsOf(), "as_of"));
    var lines = tb.lines();
    var b = TrialBalance.newBuilder().setCurrencyCode(tb.currency());
    BigDecimal d = BigDecimal.ZERO;
    BigDecimal c = BigDecimal.ZERO;
    for (var l : lines) {
      b.addLines(
          TrialBalanceLine.newBuilder()
              .setAccountCode(l.code())
              .setAccountName(l.name())
              .setType(l.type())
              .setDebit(ProtoValues.decimal(l.debit()))
              .setCredit(ProtoValues.decimal(l.credit())));
      d = d.add(l.debit());
      c = c.add(l.credit());
    }
    out.onNext(
        b.setTotalDebit(ProtoValues.decimal(d)).setTotalCredit(ProtoValues.decimal(c)).build());
    out.onCompleted();
  }

  @Override
  public void listPeriods(ListPeriodsRequest req, StreamObserver<ListPeriodsResponse> out) {
    var b = ListPeriodsResponse.newBuilder();
    books.periods(GatewayContext.actor()).forEach(p -> b.addPeriods(period(p)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void openFiscalYear(OpenFiscalYearRequest req, StreamObserver<ListPeriodsResponse> out) {
    var b = ListPeriodsResponse.newBuilder();
    books
        .openFiscalYear(GatewayContext.actor(), ProtoValues.date(req.getDate(), "date"))
        .forEach(p -> b.addPeriods(period(p)));
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void closePeriod(ClosePeriodRequest req, StreamObserver<Period> out) {
    out.onNext(period(books.close(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void reopenPeriod(
      io.millstone.api.accounting.v1.ReopenPeriodRequest req, StreamObserver<Period> out) {
    out.onNext(period(books.reopen(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  @Override
  public void getJournalEntry(
      io.millstone.api.accounting.v1.GetJournalEntryRequest req, StreamObserver<JournalEntry> out) {
    out.onNext(entry(books.entry(GatewayContext.actor(), req.getId())));
    out.onCompleted();
  }

  private static Period period(Books.PeriodView p) {
    return Period.newBuilder()
        .setId(p.id().toString())
        .setFiscalYear(p.fiscalYear())
        .setNumber(p.number())
        .setStartDate(ProtoValues.date(p.start()))
        .setEndDate(ProtoValues.date(p.end()))
        .setClosed(p.closed())
        .setClosedBy(p.closedBy())
        .build();
  }

  private static JournalEntry entry(Books.EntryView e) {
    var b =
        JournalEntry.newBuilder()
            .setId(e.id().toString())
            .setNumber(e.number())
            .setEntryDate(ProtoValues.date(e.date()))
            .setMemo(e.memo())
            .setSource(e.source())
            .setReversalOf(e.reversalOf() == null ? "" : e.reversalOf().toString())
            .setPostedAt(ProtoValues.timestamp(e.postedAt()))
            .setPostedBy(e.postedBy());
    for (var l : e.lines()) {
      b.addLines(
          JournalLine.newBuilder()
              .setAccountCode(l.accountCode())
              .setDebit(ProtoValues.decimal(l.debit()))
              .setCredit(ProtoValues.decimal(l.credit()))
              .setMemo(l.memo()));
    }
    return b.build();
  }

  @Override
  public void getGeneralLedger(
      io.millstone.api.accounting.v1.GetGeneralLedgerRequest req,
      StreamObserver<io.millstone.api.accounting.v1.GeneralLedger> out) {
    var gl =
        reports.generalLedger(
            GatewayContext.actor(),
            req.getAccountCode(),
            ProtoValues.date(req.getFrom(), "from"),
            ProtoValues.date(req.getTo(), "to"));
    var b =
        io.millstone.api.accounting.v1.GeneralLedger.newBuilder()
            .setAccountCode(gl.accountCode())
            .setAccountName(gl.accountName())
            .setOpeningBalance(ProtoValues.decimal(gl.opening()))
            .setClosingBalance(ProtoValues.decimal(gl.closing()))
            .setTruncated(gl.truncated())
            .setCurrencyCode(gl.currency());
    for (var l : gl.lines()) {
      b.addLines(
          io.millstone.api.accounting.v1.LedgerLine.newBuilder()
              .setEntryDate(ProtoValues.date(l.date()))
              .setEntryNumber(l.entryNumber())
              .setSource(l.source())
              .setMemo(l.memo())
              .setDebit(ProtoValues.decimal(l.debit()))
              .setCredit(ProtoValues.decimal(l.credit()))
              .setBalance(ProtoValues.decimal(l.balance()))
              .setEntryId(l.entryId().toString()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void getVatSummary(
      io.millstone.api.accounting.v1.GetVatSummaryRequest req,
      StreamObserver<io.millstone.api.accounting.v1.VatSummary> out) {
    var s =
        reports.vatSummary(
            GatewayContext.actor(),
            ProtoValues.date(req.getFrom(), "from"),
            ProtoValues.date(req.getTo(), "to"));
    var b =
        io.millstone.api.accounting.v1.VatSummary.newBuilder()
            .setOutputVat(ProtoValues.decimal(s.output()))
            .setInputVat(ProtoValues.decimal(s.input()))
            .setNetPayable(ProtoValues.decimal(s.output().subtract(s.input())))
            .setCurrencyCode(s.currency());
    for (var m : s.months()) {
      b.addMonths(
          io.millstone.api.accounting.v1.VatMonth.newBuilder()
              .setMonth(ProtoValues.date(m.month()))
              .setOutputVat(ProtoValues.decimal(m.output()))
              .setInputVat(ProtoValues.decimal(m.input()))
              .setNetPayable(ProtoValues.decimal(m.netPayable()))
              .addAllRates(
                  m.rates().stream()
                      .map(
                          r ->
                              io.millstone.api.accounting.v1.VatRate.newBuilder()
                                  .setRate(ProtoValues.decimal(r.rate()))
                                  .setOutputVat(ProtoValues.decimal(r.output()))
                                  .setInputVat(ProtoValues.decimal(r.input()))
                                  .setNetPayable(ProtoValues.decimal(r.netPayable()))
                                  .build())
                      .toList()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
