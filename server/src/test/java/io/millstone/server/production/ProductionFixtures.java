package io.millstone.server.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.inventory.v1.ReceiveStockRequest;
import io.millstone.api.inventory.v1.StockLine;
import io.millstone.api.inventory.v1.StockServiceGrpc;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.production.v1.Bom;
import io.millstone.api.production.v1.BomInput;
import io.millstone.api.production.v1.BomOutput;
import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.LabServiceGrpc;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.PlanRunRequest;
import io.millstone.api.production.v1.ProductionRun;
import io.millstone.api.production.v1.ProductionServiceGrpc;
import io.millstone.api.production.v1.RecordConsumptionRequest;
import io.millstone.api.production.v1.RecordOutputRequest;
import io.millstone.api.production.v1.RunActionRequest;
import io.millstone.api.production.v1.SaveBomRequest;
import io.millstone.api.production.v1.SaveWorkCentreRequest;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mill's production set up through the API (items, a yard with cane, a BOM, work centres) and the
 * invariant every test ends with: each posted run's outputs plus its abnormal loss equal its inputs
 * plus conversion cost, in the run, in the stock ledger and in the books, and every entry of the
 * company balances.
 */
public final class ProductionFixtures {
  private static final AtomicInteger SEQ = new AtomicInteger();

  public final TestServer t;
  public final UUID company;
  public final String token;
  public final MasterdataFixtures md;
  final ProductionServiceGrpc.ProductionServiceBlockingStub production;
  final LabServiceGrpc.LabServiceBlockingStub lab;
  final StockServiceGrpc.StockServiceBlockingStub stock;
  public final String cane;
  public final String lime;
  public final String sugarL30;
  public final String sugarM30;
  public final String molasses;
  public final String bagasse;
  public final String pressMud;
  public final String yard;
  public final String bom;

  /** A new company with the mill's items, a yard and a BOM, signed in as its admin. */
  public static ProductionFixtures mill(TestServer t, String companyName) {
    return new ProductionFixtures(t, companyName);
  }

  ProductionFixtures(TestServer t, String companyName) {
    this.t = t;
    this.company = t.createCompany(companyName).id();
    String user = t.createUser(company, t.fresh("prod.manager"), "admin");
    this.token = t.login(user, TestServer.PASSWORD).getSessionToken();
    this.md = MasterdataFixtures.of(t.channel(), token);
    this.production =
        TestServer.withToken(token, ProductionServiceGrpc.newBlockingStub(t.channel()));
    this.lab = TestServer.withToken(token, LabServiceGrpc.newBlockingStub(t.channel()));
    this.stock = TestServer.withToken(token, StockServiceGrpc.newBlockingStub(t.channel()));
    int n = SEQ.incrementAndGet();
    cane = item("CANE-" + n, "Sugar cane", ItemKind.ITEM_KIND_RAW_MATERIAL, "t");
    lime = item("LIME-" + n, "Quick lime", ItemKind.ITEM_KIND_CONSUMABLE, "kg");
    sugarL30 = item("SUGAR-L30-" + n, "Sugar L-30", ItemKind.ITEM_KIND_FINISHED_GOOD, "t");
    sugarM30 = item("SUGAR-M30-" + n, "Sugar M-30", ItemKind.ITEM_KIND_FINISHED_GOOD, "t");
    molasses = item("MOLASSES-" + n, "Final molasses", ItemKind.ITEM_KIND_BY_PRODUCT, "t");
    bagasse = item("BAGASSE-" + n, "Bagasse", ItemKind.ITEM_KIND_BY_PRODUCT, "t");
    pressMud = item("PRESSMUD-" + n, "Press mud", ItemKind.ITEM_KIND_BY_PRODUCT, "t");
    yard = "YARD-" + n;
    md.warehouse(yard, "Cane yard and sugar godown " + n);
    bom = "SUGAR-" + n;
    production.saveBom(bomRequest(bom).build());
  }

  private String item(String code, String name, ItemKind kind, String unit) {
    md.items.createItem(
        MasterdataFixtures.itemRequest(code, name)
            .setKind(kind)
            .setUnitCode(unit)
            .setTaxCategory(TaxCategory.TAX_CATEGORY_EXEMPT)
            .build());
    return code;
  }

  private ProductionFixtures(TestServer t, UUID company, String token) {
    this.t = t;
    this.company = company;
    this.token = token;
    this.md = MasterdataFixtures.of(t.channel(), token);
    this.production =
        TestServer.withToken(token, ProductionServiceGrpc.newBlockingStub(t.channel()));
    this.lab = TestServer.withToken(token, LabServiceGrpc.newBlockingStub(t.channel()));
    this.stock = TestServer.withToken(token, StockServiceGrpc.newBlockingStub(t.channel()));
    int n = SEQ.incrementAndGet();
    cane = item("ISO-CANE-" + n, "Sugar cane", ItemKind.ITEM_KIND_RAW_MATERIAL, "t");
    lime = item("ISO-LIME-" + n, "Quick lime", ItemKind.ITEM_KIND_CONSUMABLE, "kg");
    sugarL30 = item("ISO-L30-" + n, "Sugar L-30", ItemKind.ITEM_KIND_FINISHED_GOOD, "t");
    sugarM30 = item("ISO-M30-" + n, "Sugar M-30", ItemKind.ITEM_KIND_FINISHED_GOOD, "t");
    molasses = item("ISO-MOL-" + n, "Final molasses", ItemKind.ITEM_KIND_BY_PRODUCT, "t");
    bagasse = item("ISO-BAG-" + n, "Bagasse", ItemKind.ITEM_KIND_BY_PRODUCT, "t");
    pressMud = item("ISO-PM-" + n, "Press mud", ItemKind.ITEM_KIND_BY_PRODUCT, "t");
    yard = "ISO-YARD-" + n;
    md.warehouse(yard, "Cane yard " + n);
    bom = "ISO-SUGAR-" + n;
    production.saveBom(bomRequest(bom).build());
  }

  /**
   * A row in every production and lab table of the signed-in person's company: a BOM, a work centre
   * on {@code machineCode}, a finished run with a stop, stream limits and a sample.
   */
  public static void oneShift(TestServer t, UUID company, String token, String machineCode) {
    var f = new ProductionFixtures(t, company, token);
    f.receive(f.cane, "10", "6000");
    f.receive(f.lime, "20", "20");
    ProductionRun r = f.startedRun(f.workCentre(machineCode).getCode(), Shift.SHIFT_DAY);
    f.consume(r, f.cane, "10");
    f.make(r, f.sugarL30, "0.65", "ISO");
    java.time.Instant from =
        java.time.Instant.ofEpochSecond(r.getWindowStart().getSeconds()).plusSeconds(600);
    f.production.recordStop(
        io.millstone.api.production.v1.RecordStopRequest.newBuilder()
            .setIdempotencyKey(key())
            .setRunId(r.getId())
            .setFrom(com.google.protobuf.Timestamp.newBuilder().setSeconds(from.getEpochSecond()))
            .setTo(
                com.google.protobuf.Timestamp.newBuilder().setSeconds(from.getEpochSecond() + 600))
            .setReason(io.millstone.api.production.v1.StopReason.STOP_REASON_CLEANING)
            .build());
    f.finish(r);
    f.lab.saveStreamLimits(
        io.millstone.api.production.v1.SaveStreamLimitsRequest.newBuilder()
            .setStream(io.millstone.api.production.v1.Stream.STREAM_SYRUP)
            .setBrix(io.millstone.api.production.v1.Range.newBuilder().setMin(dec("60")))
            .build());
    f.lab.recordSamples(
        io.millstone.api.production.v1.RecordSamplesRequest.newBuilder()
            .addSamples(
                io.millstone.api.production.v1.SampleInput.newBuilder()
                    .setStream(io.millstone.api.production.v1.Stream.STREAM_SYRUP)
                    .setTakenAt(
                        com.google.protobuf.Timestamp.newBuilder()
                            .setSeconds(java.time.Instant.now().getEpochSecond() - 60))
                    .setRunId(r.getId())
                    .setBrix(dec("62"))
                    .setPol(dec("52")))
            .build());
  }

  /** 100 t of cane and 150 kg of lime make sugar (two grades), molasses, bagasse and press mud. */
  SaveBomRequest.Builder bomRequest(String code) {
    return SaveBomRequest.newBuilder()
        .setCode(code)
        .setName("Plantation white sugar")
        .setProductItemCode(sugarL30)
        .setBaseQuantity(dec("100"))
        .addInputs(BomInput.newBuilder().setItemCode(cane).setQuantity(dec("100")))
        .addInputs(BomInput.newBuilder().setItemCode(lime).setQuantity(dec("150")))
        .addOutputs(
            output(sugarL30, OutputType.OUTPUT_TYPE_MAIN, "75", OutputFigure.OUTPUT_FIGURE_SUGAR))
        .addOutputs(
            output(
                sugarM30, OutputType.OUTPUT_TYPE_CO_PRODUCT, "7", OutputFigure.OUTPUT_FIGURE_SUGAR))
        .addOutputs(
            output(
                molasses,
                OutputType.OUTPUT_TYPE_CO_PRODUCT,
                "10",
                OutputFigure.OUTPUT_FIGURE_MOLASSES))
        .addOutputs(
            output(
                bagasse,
                OutputType.OUTPUT_TYPE_BY_PRODUCT,
                "6",
                OutputFigure.OUTPUT_FIGURE_BAGASSE))
        .addOutputs(
            output(
                pressMud,
                OutputType.OUTPUT_TYPE_BY_PRODUCT,
                "2",
                OutputFigure.OUTPUT_FIGURE_PRESS_MUD))
        .setExpectedLossPercent(dec("55"))
        .setActive(true);
  }

  static BomOutput.Builder output(String item, OutputType type, String share, OutputFigure f) {
    return BomOutput.newBuilder()
        .setItemCode(item)
        .setType(type)
        .setCostSharePercent(dec(share))
        .setFigure(f);
  }

  Bom bom() {
    return production.getBom(
        io.millstone.api.production.v1.GetBomRequest.newBuilder().setCode(bom).build());
  }

  public WorkCentre workCentre(String... machines) {
    String code = "MILL-" + SEQ.incrementAndGet();
    return production.saveWorkCentre(
        SaveWorkCentreRequest.newBuilder()
            .setCode(code)
            .setName("Mill tandem " + code)
            .addAllMachineCodes(java.util.List.of(machines))
            .setCostBasis(CostBasis.COST_BASIS_PER_TONNE)
            .setConversionRate(dec("150"))
            .setActive(true)
            .build());
  }

  /** Stock into the yard at a cost, the way opening stock comes in (cane receipts come later). */
  public void receive(String item, String qty, String unitCost) {
    stock.receiveStock(
        ReceiveStockRequest.newBuilder()
            .setIdempotencyKey(key())
            .addLines(
                StockLine.newBuilder()
                    .setItemCode(item)
                    .setWarehouseCode(yard)
                    .setQuantity(dec(qty)))
            .addUnitCosts(dec(unitCost))
            .setReference("opening")
            .build());
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Dhaka"));
  }

  static Date date(LocalDate d) {
    return Date.newBuilder()
        .setYear(d.getYear())
        .setMonth(d.getMonthValue())
        .setDay(d.getDayOfMonth())
        .build();
  }

  PlanRunRequest.Builder planRequest(String workCentre, Shift shift) {
    return PlanRunRequest.newBuilder()
        .setIdempotencyKey(key())
        .setWorkCentreCode(workCentre)
        .setBomCode(bom)
        .setRunDate(date(today()))
        .setShift(shift)
        .setWarehouseCode(yard);
  }

  ProductionRun startedRun(String workCentre, Shift shift) {
    ProductionRun r = production.planRun(planRequest(workCentre, shift).build());
    return production.startRun(RunActionRequest.newBuilder().setRunId(r.getId()).build());
  }

  ProductionRun consume(ProductionRun r, String item, String qty) {
    return production.recordConsumption(
        RecordConsumptionRequest.newBuilder()
            .setIdempotencyKey(key())
            .setRunId(r.getId())
            .setItemCode(item)
            .setQuantity(dec(qty))
            .build());
  }

  ProductionRun make(ProductionRun r, String item, String qty, String lot) {
    return production.recordOutput(
        RecordOutputRequest.newBuilder()
            .setIdempotencyKey(key())
            .setRunId(r.getId())
            .setItemCode(item)
            .setQuantity(dec(qty))
            .setLot(lot)
            .build());
  }

  ProductionRun finish(ProductionRun r) {
    return production.finishRun(RunActionRequest.newBuilder().setRunId(r.getId()).build());
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static IdempotencyKey key() {
    return IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build();
  }

  static BigDecimal num(String s) {
    return new BigDecimal(s);
  }

  /** Counts rows of a table for this company (as the owner, past row-level security). */
  long count(String table) throws SQLException {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM " + table + " WHERE company_id = ?")) {
      ps.setObject(1, company);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The invariant: for every posted run, outputs plus abnormal loss equal inputs plus conversion
   * cost; the stock ledger moved exactly the run's input and output values; its entry moves work in
   * progress back to zero; every journal entry of the company balances.
   */
  void checkInvariants() throws SQLException {
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT r.number, r.input_value, r.conversion_cost, r.output_value, r.abnormal_loss_value,"
                  + " (SELECT coalesce(sum(value), 0) FROM stock_move WHERE movement_id = r.issue_movement_id),"
                  + " (SELECT coalesce(sum(value), 0) FROM stock_move WHERE movement_id = r.receipt_movement_id),"
                  + " (SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l JOIN account a ON a.id = l.account_id"
                  + "   WHERE l.entry_id = r.journal_entry_id AND a.code = '1230'),"
                  + " (SELECT coalesce(sum(value), 0) FROM production_run_line WHERE run_id = r.id AND direction = 'IN'),"
                  + " (SELECT coalesce(sum(value), 0) FROM production_run_line WHERE run_id = r.id AND direction = 'OUT')"
                  + " FROM production_run r WHERE r.company_id = ? AND r.state IN ('FINISHED', 'REVERSED')")) {
        ps.setObject(1, company);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String run = rs.getString(1);
            BigDecimal in = rs.getBigDecimal(2);
            BigDecimal conv = rs.getBigDecimal(3);
            BigDecimal out = rs.getBigDecimal(4);
            BigDecimal loss = rs.getBigDecimal(5);
            assertThat(out.add(loss))
                .as(run + " outputs + loss")
                .isEqualByComparingTo(in.add(conv));
            assertThat(rs.getBigDecimal(6).negate()).as(run + " issued").isEqualByComparingTo(in);
            assertThat(rs.getBigDecimal(7)).as(run + " received").isEqualByComparingTo(out);
            assertThat(rs.getBigDecimal(8)).as(run + " WIP left").isZero();
            assertThat(rs.getBigDecimal(9)).as(run + " input lines").isEqualByComparingTo(in);
            assertThat(rs.getBigDecimal(10)).as(run + " output lines").isEqualByComparingTo(out);
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT e.number, sum(l.debit), sum(l.credit) FROM journal_entry e"
                  + " JOIN journal_line l ON l.entry_id = e.id WHERE e.company_id = ?"
                  + " GROUP BY e.number HAVING sum(l.debit) <> sum(l.credit)")) {
        ps.setObject(1, company);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).as("an unbalanced entry").isFalse();
        }
      }
      // The stock accounts equal the stock's value: nothing of a run is left outside the ledger.
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT (SELECT coalesce(sum(value), 0) FROM stock_balance WHERE company_id = ?),"
                  + " (SELECT coalesce(sum(l.debit - l.credit), 0) FROM journal_line l"
                  + "  JOIN account a ON a.id = l.account_id WHERE l.company_id = ?"
                  + "  AND a.code IN ('1200', '1210', '1220'))")) {
        ps.setObject(1, company);
        ps.setObject(2, company);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getBigDecimal(2))
              .as("stock accounts")
              .isEqualByComparingTo(rs.getBigDecimal(1));
        }
      }
    }
  }
}
