package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.DowntimeEvent;
import io.millstone.api.production.v1.OutputFigure;
import io.millstone.api.production.v1.OutputType;
import io.millstone.api.production.v1.Shift;
import io.millstone.api.production.v1.StopReason;
import io.millstone.api.production.v1.Stream;
import io.millstone.client.core.Styles;
import io.millstone.client.production.DayFiguresViewModel;
import io.millstone.client.production.ProductionGateway;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.LabFixture;
import io.millstone.client.remote.Production;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.remote.StockFixture;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shift at the mill against a real server: the engineer plans yesterday's A shift on the mill
 * tandem, starts it, records the cane and lime it crushed and the sugar, molasses, bagasse and
 * press mud it made, explains the stop the telemetry saw and adds a no-cane stop, reads the figures
 * and the entry finishing will post, and posts it. The chemist types a round of samples in the lab
 * grid at the keyboard; out-of-range values are marked. The BOM editor refuses shares that do not
 * total 100.
 */
class ProductionUiTest extends UiTest {
  private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static LiveServer server;
  static UUID company;
  static String admin;
  static String engineer;
  static String chemist;
  static LocalDate yesterday;
  static LocalDate dayBefore;

  @BeforeAll
  static void millReadyToCrush() throws Exception {
    server = LiveServer.shared();
    company = server.createCompany("Carew & Co (Bangladesh) Ltd");
    admin = server.createUser(company, server.fresh("admin"), "admin");
    engineer = server.createUser(company, server.fresh("engineer"), "production", "lab");
    chemist = server.createUser(company, server.fresh("chemist"), "lab");
    yesterday = LocalDate.now(DHAKA).minusDays(1);
    dayBefore = yesterday.minusDays(1);
    Actor actor = Actor.system(company, "test");
    ItemAdmin items = server.server().itemAdmin();
    item(items, actor, "CANE", "Sugar cane", "t", Kind.RAW_MATERIAL);
    item(items, actor, "LIME", "Quick lime", "kg", Kind.CONSUMABLE);
    item(items, actor, "SUGAR-L30", "Sugar L-30", "t", Kind.FINISHED_GOOD);
    item(items, actor, "SUGAR-M30", "Sugar M-30", "t", Kind.FINISHED_GOOD);
    item(items, actor, "MOLASSES", "Final molasses", "t", Kind.BY_PRODUCT);
    item(items, actor, "BAGASSE", "Bagasse", "t", Kind.BY_PRODUCT);
    item(items, actor, "PRESSMUD", "Press mud", "t", Kind.BY_PRODUCT);
    server
        .server()
        .warehouseAdmin()
        .create(
            actor,
            UUID.randomUUID().toString(),
            "YARD",
            "Cane yard and sugar godown",
            "Mill yard",
            List.of());
    server.server().machineAdmin().create(actor, null, "MILL-1", "Mill tandem No. 1", "Mill house");
    server.server().machineAdmin().create(actor, null, "BOILER-1", "Boiler No. 1", "Boiler house");
    server.server().machineAdmin().create(actor, null, "BOILER-2", "Boiler No. 2", "Boiler house");
    try (Session s = session()) {
      StockFixture.receive(s, "CANE", "YARD", "", "1500", "6000");
      StockFixture.receive(s, "LIME", "YARD", "", "5000", "20");
      Production p = new Production(s);
      p.saveWorkCentre(
          new ProductionGateway.WorkCentreDraft(
              "MILL",
              "Mill tandem",
              List.of("MILL-1"),
              CostBasis.COST_BASIS_PER_TONNE,
              new BigDecimal("150"),
              true,
              0));
      p.saveBom(
          new ProductionGateway.BomDraft(
              "SUGAR",
              "Plantation white sugar",
              "SUGAR-L30",
              new BigDecimal("100"),
              List.of(
                  new ProductionGateway.BomInputLine("CANE", new BigDecimal("100")),
                  new ProductionGateway.BomInputLine("LIME", new BigDecimal("150"))),
              List.of(
                  out(
                      "SUGAR-L30",
                      OutputType.OUTPUT_TYPE_MAIN,
                      OutputFigure.OUTPUT_FIGURE_SUGAR,
                      "75",
                      "6"),
                  out(
                      "SUGAR-M30",
                      OutputType.OUTPUT_TYPE_CO_PRODUCT,
                      OutputFigure.OUTPUT_FIGURE_SUGAR,
                      "7",
                      "0.5"),
                  out(
                      "MOLASSES",
                      OutputType.OUTPUT_TYPE_CO_PRODUCT,
                      OutputFigure.OUTPUT_FIGURE_MOLASSES,
                      "10",
                      "4.5"),
                  out(
                      "BAGASSE",
                      OutputType.OUTPUT_TYPE_BY_PRODUCT,
                      OutputFigure.OUTPUT_FIGURE_BAGASSE,
                      "6",
                      "30"),
                  out(
                      "PRESSMUD",
                      OutputType.OUTPUT_TYPE_BY_PRODUCT,
                      OutputFigure.OUTPUT_FIGURE_PRESS_MUD,
                      "2",
                      "3.5")),
              new BigDecimal("55"),
              true,
              0));
      for (Stream stream : List.of(Stream.STREAM_MIXED_JUICE, Stream.STREAM_CLEAR_JUICE)) {
        LabFixture.limits(s, stream, "13", "18", "78");
      }
      // the day before yesterday: shifts A and B finished, the day a manager reads
      StockFixture.receive(s, "CANE", "YARD", "", "700", "6000");
      Run a = finishedShift(p, Shift.SHIFT_A, "400", "26", "18", "120", "14");
      p.stop(
          a.id,
          a.from.plusSeconds(3600),
          a.from.plusSeconds(3600 + 30 * 60),
          StopReason.STOP_REASON_MECHANICAL,
          "Cush-cush conveyor chain",
          "",
          UUID.randomUUID().toString());
      p.finish(a.id);
      p.finish(finishedShift(p, Shift.SHIFT_B, "300", "21", "13.5", "90", "10.5").id);
    }
    // The telemetry saw the mill stop from 07:00 to 07:45 yesterday.
    downtime("MILL-1", at(7, 0), at(7, 45));
  }

  private record Run(String id, Instant from) {}

  /** A started run of the day before yesterday with what it crushed and made, not yet finished. */
  private static Run finishedShift(
      Production p,
      Shift shift,
      String cane,
      String sugar,
      String molasses,
      String bagasse,
      String pressMud)
      throws Exception {
    var run = p.plan("MILL", "SUGAR", dayBefore, shift, "YARD", "", UUID.randomUUID().toString());
    p.start(run.getId());
    p.consume(run.getId(), "CANE", new BigDecimal(cane), "", UUID.randomUUID().toString());
    String[][] made = {
      {"SUGAR-L30", sugar}, {"MOLASSES", molasses}, {"BAGASSE", bagasse}, {"PRESSMUD", pressMud}
    };
    for (String[] o : made) {
      p.output(run.getId(), o[0], new BigDecimal(o[1]), "", UUID.randomUUID().toString());
    }
    Instant from =
        Instant.ofEpochSecond(run.getWindowStart().getSeconds(), run.getWindowStart().getNanos());
    return new Run(run.getId(), from);
  }

  private static void item(
      ItemAdmin items, Actor actor, String code, String name, String unit, Kind kind) {
    items.create(
        actor, null, code, new ItemAdmin.Input(name, unit, kind, "0", "BDT", TaxCategory.EXEMPT));
  }

  private static ProductionGateway.BomOutputLine out(
      String item, OutputType type, OutputFigure figure, String share, String expected) {
    return new ProductionGateway.BomOutputLine(
        item, type, figure, new BigDecimal(share), new BigDecimal(expected));
  }

  private static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  private static Instant at(int hour, int minute) {
    return yesterday.atTime(hour, minute).atZone(DHAKA).toInstant();
  }

  /** A downtime as the telemetry's ingest writes it. */
  private static void downtime(String machine, Instant from, Instant to) throws Exception {
    try (Connection c = LiveServer.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO downtime (id, company_id, machine_id, started_at, ended_at)"
                    + " SELECT ?, company_id, id, ?, ? FROM machine WHERE company_id = ? AND code = ?")) {
      ps.setObject(1, UUID.randomUUID());
      ps.setTimestamp(2, java.sql.Timestamp.from(from));
      ps.setTimestamp(3, java.sql.Timestamp.from(to));
      ps.setObject(4, company);
      ps.setString(5, machine);
      assertThat(ps.executeUpdate()).isEqualTo(1);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  static Session session() throws Exception {
    return new SignIn(
            new ChannelFactory(
                new CertificatePins(Files.createTempDirectory("pins")), (s, f) -> false))
        .signIn(ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray());
  }

  private void bigWindow() {
    interact(
        () -> {
          stage.setWidth(1600);
          stage.setHeight(1000);
        });
  }

  @SuppressWarnings("unchecked")
  private <T> void choose(String query, T value) {
    ComboBox<T> box = lookup(query).queryAs(ComboBox.class);
    interact(() -> box.setValue(value));
  }

  /** Types a line into an entry row: quantity, Tab, lot, Enter records it. */
  private void line(
      String prefix, String item, String qty, String lot, int rowsAfter, String table) {
    choose("#" + prefix + "Item", item);
    fill("#" + prefix + "Qty", qty);
    if (!lot.isEmpty()) {
      type(KeyCode.TAB);
      write(lot);
    }
    type(KeyCode.ENTER);
    TableView<?> t = lookup("#" + table).queryAs(TableView.class);
    waitUntil(() -> t.getItems().size() == rowsAfter);
  }

  @Test
  void aShiftIsPlannedStartedRecordedWithItsStopsAndPostedAfterItsPreview() {
    signInAndWait(engineer);
    bigWindow();
    clickWhenReady("#nav-production-runs");
    waitUntil(() -> lookup("#productionRuns").tryQuery().isPresent());
    clickWhenReady("#productionRuns #newButton");
    // other tests may add centres and BOMs: this shift is the mill tandem's, on the sugar BOM
    waitUntil(() -> lookup("#runWorkCentre").queryAs(ComboBox.class).getItems().contains("MILL"));
    choose("#runWorkCentre", "MILL");
    waitUntil(() -> lookup("#runBom").queryAs(ComboBox.class).getItems().contains("SUGAR"));
    choose("#runBom", "SUGAR");
    // the production role reads no warehouse list: the engineer types the yard's code
    choose("#runWarehouse", "YARD");
    DatePicker date = lookup("#runDate").queryAs(DatePicker.class);
    interact(() -> date.setValue(yesterday));
    clickOn("#planRun");
    waitUntil(() -> text("#runState").equals("Planned") && text("#runTitle").startsWith("Run "));
    clickWhenReady("#startRun");
    waitUntil(() -> text("#runState").equals("Started"));

    // what the shift crushed and made
    line("consume", "CANE", "1000", "", 1, "consumptionTable");
    line("consume", "LIME", "1500", "", 2, "consumptionTable");
    line("output", "SUGAR-L30", "60", "L30-A1", 1, "outputTable");
    line("output", "SUGAR-M30", "5", "M30-A1", 2, "outputTable");
    line("output", "MOLASSES", "45", "", 3, "outputTable");
    line("output", "BAGASSE", "300", "", 4, "outputTable");
    line("output", "PRESSMUD", "35", "", 5, "outputTable");

    // the stop the telemetry saw is taken from it, so it is entered once
    @SuppressWarnings("unchecked")
    TableView<DowntimeEvent> downtime = lookup("#downtimeTable").queryAs(TableView.class);
    waitUntil(() -> downtime.getItems().size() == 1);
    interact(
        () -> {
          downtime.requestFocus();
          downtime.getSelectionModel().select(0);
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#stopFrom").equals("07:00") && text("#stopTo").equals("07:45"));
    choose("#stopReason", io.millstone.api.production.v1.StopReason.STOP_REASON_MECHANICAL);
    fill("#stopNote", "Mill 2 top roller bearing");
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#stopsTable").queryAs(TableView.class).getItems().size() == 1);
    waitUntil(() -> !downtime.getItems().get(0).getStopId().isEmpty());
    // and a stop the telemetry did not see: the yard ran out of cane
    fill("#stopFrom", "11:00");
    fill("#stopTo", "11:15");
    choose("#stopReason", io.millstone.api.production.v1.StopReason.STOP_REASON_NO_CANE);
    fill("#stopNote", "Yard empty, trucks late");
    type(KeyCode.ENTER);
    waitUntil(() -> lookup("#stopsTable").queryAs(TableView.class).getItems().size() == 2);

    // the figures a manager judges the shift by
    waitUntil(() -> text("#fig-cane").equals("1,000 t"));
    assertThat(text("#fig-recovery")).isEqualTo("6.5 %");
    assertThat(text("#fig-molasses")).isEqualTo("4.5 %");
    assertThat(text("#fig-bagasse")).isEqualTo("30 %");
    assertThat(text("#fig-pressMud")).isEqualTo("3.5 %");
    assertThat(text("#fig-lost")).isEqualTo("60 min");

    // what finishing will post, before it is posted
    TableView<?> posting = lookup("#postingTable").queryAs(TableView.class);
    waitUntil(() -> !posting.getItems().isEmpty());
    waitUntil(() -> text("#postingTotals").startsWith("Inputs 60,30,000.00"));
    screenshot("production-run.png");

    clickOn("#finishRun");
    waitUntil(() -> lookup("#confirmPost").tryQuery().isPresent());
    screenshot(lookup("#confirmPost").query().getScene(), "production-run-confirm.png");
    confirmPosting();
    waitUntil(() -> text("#runState").equals("Finished"));
    waitUntil(() -> text("#postingTotals").startsWith("Posted with JV-"));
    assertThat(text("#postingTotals")).contains("inputs 60,30,000.00");
    String number = text("#runTitle").substring("Run ".length());

    // the lime was typed wrong: the run is reversed, with the reason, never edited
    clickWhenReady("#reverseRun");
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Lime typed in kg twice");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#runState").equals("Reversed"));
    waitUntil(() -> text("#postingTotals").contains("Reversed with JV-"));
    assertThat(lookup("#reverseRun").query().isVisible()).isFalse();

    // the list of runs shows it with its figures
    clickWhenReady("#nav-production-runs");
    @SuppressWarnings("unchecked")
    TableView<io.millstone.api.production.v1.ProductionRun> runs =
        lookup("#productionRuns #table").queryAs(TableView.class);
    waitUntil(
        () ->
            runs.getItems().stream()
                .anyMatch(
                    r ->
                        r != null
                            && r.getNumber().equals(number)
                            && r.getState()
                                == io.millstone.api.production.v1.RunState.RUN_STATE_REVERSED));
  }

  private void focusAndType(String query, String text) {
    waitUntil(() -> lookup(query).query().isFocused());
    write(text);
  }

  @Test
  void theChemistTypesARoundOfSamplesAndSeesWhatIsOutOfRange() {
    signInAndWait(engineer);
    bigWindow();
    clickWhenReady("#nav-lab-samples");
    waitUntil(() -> lookup("#labGrid").tryQuery().isPresent());
    DatePicker date = lookup("#labDate").queryAs(DatePicker.class);
    interact(() -> date.setValue(yesterday));
    // row 1: mixed juice at 08:00, all by keyboard
    clickOn("#lab-0-stream");
    type(KeyCode.ESCAPE);
    write("m");
    waitUntil(
        () ->
            lookup("#lab-0-stream").queryAs(ComboBox.class).getValue()
                == Stream.STREAM_MIXED_JUICE);
    type(KeyCode.TAB);
    focusAndType("#lab-0-time", "08:00");
    type(KeyCode.TAB);
    focusAndType("#lab-0-brix", "15.2");
    type(KeyCode.TAB);
    focusAndType("#lab-0-pol", "12.6");
    waitUntil(() -> text("#lab-0-purity").equals("82.89"));
    type(KeyCode.ENTER);
    // row 2: clear juice (the next stream of the round) at the same time, too thick and impure
    waitUntil(() -> lookup("#lab-1-stream").tryQuery().map(n -> n.isFocused()).orElse(false));
    assertThat(lookup("#lab-1-stream").queryAs(ComboBox.class).getValue())
        .isEqualTo(Stream.STREAM_CLEAR_JUICE);
    assertThat(text("#lab-1-time")).isEqualTo("08:00");
    type(KeyCode.TAB, KeyCode.TAB);
    focusAndType("#lab-1-brix", "19.0");
    type(KeyCode.TAB);
    focusAndType("#lab-1-pol", "14.0");
    waitUntil(() -> text("#lab-1-purity").equals("73.68"));
    TextField brix = lookup("#lab-1-brix").queryAs(TextField.class);
    assertThat(brix.getStyleClass()).contains(Styles.FIELD_ERROR);
    assertThat(brix.getTooltip().getText())
        .isEqualTo("Brix % 19 is above the limit for Clear juice (13–18).");
    assertThat(lookup("#lab-1-purity").query().getStyleClass()).contains(Styles.FIELD_ERROR);
    assertThat(lookup("#lab-0-brix").query().getStyleClass()).doesNotContain(Styles.FIELD_ERROR);
    type(KeyCode.ENTER);
    // row 3: sugar, its colour, moisture and grain
    waitUntil(() -> lookup("#lab-2-stream").tryQuery().map(n -> n.isFocused()).orElse(false));
    write("su");
    waitUntil(
        () -> lookup("#lab-2-stream").queryAs(ComboBox.class).getValue() == Stream.STREAM_SUGAR);
    clickOn("#lab-2-colour_icumsa");
    write("180");
    type(KeyCode.TAB);
    focusAndType("#lab-2-moisture_percent", "0.04");
    type(KeyCode.TAB);
    focusAndType("#lab-2-grain_mm", "0.6");

    press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    waitUntil(() -> text("#labDone").equals("3 samples recorded, 1 with values out of range."));
    TableView<?> recorded = lookup("#labRecorded").queryAs(TableView.class);
    waitUntil(() -> recorded.getItems().size() == 3);
    assertThat(text("#lab-0-brix")).isEmpty();
    assertThat(text("#lab-0-time")).isEqualTo("08:00");

    // the next round begins: mixed juice at 10:00, too thin
    clickOn("#lab-0-stream");
    type(KeyCode.ESCAPE);
    write("m");
    type(KeyCode.TAB);
    focusAndType("#lab-0-time", "10:00");
    type(KeyCode.TAB);
    focusAndType("#lab-0-brix", "12.1");
    type(KeyCode.TAB);
    focusAndType("#lab-0-pol", "9.6");
    waitUntil(() -> text("#lab-0-purity").equals("79.34"));
    assertThat(lookup("#lab-0-brix").query().getStyleClass()).contains(Styles.FIELD_ERROR);
    screenshot("lab.png");
  }

  @Test
  void aNewBomIsRefusedUntilItsCostSharesTotalHundred() {
    signInAndWait(engineer);
    bigWindow();
    clickWhenReady("#nav-boms");
    waitUntil(() -> text("#bomCode").equals("SUGAR"));
    clickOn("#bomNew");
    waitUntil(() -> text("#bomCode").isEmpty());
    fill("#bomCode", "RAW-SUGAR");
    fill("#bomName", "Raw sugar for the refinery");
    fill("#bomProduct", "SUGAR-M30");
    fill("#bomLoss", "55");
    fill("#bom-in-0-item", "CANE");
    fill("#bom-in-0-qty", "100");
    clickOn("#bomAddInput");
    fill("#bom-in-1-item", "LIME");
    fill("#bom-in-1-qty", "150");
    fill("#bom-out-0-item", "SUGAR-M30");
    choose("#bom-out-0-figure", OutputFigure.OUTPUT_FIGURE_SUGAR);
    fill("#bom-out-0-share", "80");
    fill("#bom-out-0-expected", "6.5");
    clickOn("#bomAddOutput");
    fill("#bom-out-1-item", "MOLASSES");
    choose("#bom-out-1-type", OutputType.OUTPUT_TYPE_CO_PRODUCT);
    choose("#bom-out-1-figure", OutputFigure.OUTPUT_FIGURE_MOLASSES);
    fill("#bom-out-1-share", "15");
    fill("#bom-out-1-expected", "4.5");
    clickOn("#bomAddOutput");
    fill("#bom-out-2-item", "BAGASSE");
    choose("#bom-out-2-figure", OutputFigure.OUTPUT_FIGURE_BAGASSE);
    fill("#bom-out-2-share", "7");
    fill("#bom-out-2-expected", "30");
    waitUntil(() -> text("#bomShareTotal").equals("Cost shares total 102 %"));
    clickOn("#bomSave");
    waitUntil(() -> text("#bomMessage").startsWith("Cost shares total 102 %; they must total"));

    fill("#bom-out-2-share", "5");
    waitUntil(() -> text("#bomShareTotal").equals("Cost shares total 100 %"));
    clickOn("#bomSave");
    waitUntil(
        () ->
            lookup("#bomList").queryAs(javafx.scene.control.ListView.class).getItems().size() == 2);
    assertThat(text("#bomMessage")).isEmpty();
    assertThat(lookup("#bomCode").query().isDisabled()).isTrue();
    screenshot("bom.png");
  }

  @Test
  void aWorkCentreIsMappedToTheMachinesThatMeasureIt() {
    signInAndWait(engineer);
    clickWhenReady("#nav-work-centres");
    @SuppressWarnings("unchecked")
    TableView<io.millstone.api.production.v1.WorkCentre> table =
        lookup("#workCentresTable").queryAs(TableView.class);
    waitUntil(() -> table.getItems().stream().anyMatch(w -> w.getCode().equals("MILL")));
    clickOn("#wcNew");
    fill("#wcCode", "BOILER");
    fill("#wcName", "Boiler house");
    fill("#wcMachines", "BOILER-1, BOILER-2");
    choose("#wcBasis", CostBasis.COST_BASIS_PER_HOUR);
    fill("#wcRate", "2500");
    clickOn("#wcSave");
    waitUntil(() -> table.getItems().stream().anyMatch(w -> w.getCode().equals("BOILER")));
    var boiler =
        table.getItems().stream().filter(w -> w.getCode().equals("BOILER")).findFirst().get();
    assertThat(boiler.getMachineCodesList()).containsExactly("BOILER-1", "BOILER-2");
    assertThat(boiler.getCostBasis()).isEqualTo(CostBasis.COST_BASIS_PER_HOUR);
    assertThat(text("#wcMessage")).isEmpty();
    screenshot("work-centres.png");
  }

  @Test
  void theLabGridReadsInBangla() {
    signInAndWait(engineer);
    bigWindow();
    @SuppressWarnings("unchecked")
    ComboBox<String> language = lookup("#language").queryAs(ComboBox.class);
    interact(() -> language.getSelectionModel().select("বাংলা"));
    waitUntil(() -> text("#statusConnection").equals("সংযুক্ত"));
    clickWhenReady("#nav-lab-samples");
    waitUntil(() -> lookup("#labGrid").tryQuery().isPresent());
    DatePicker date = lookup("#labDate").queryAs(DatePicker.class);
    interact(() -> date.setValue(yesterday));
    clickOn("#lab-0-stream");
    type(KeyCode.ESCAPE);
    interact(
        () -> lookup("#lab-0-stream").queryAs(ComboBox.class).setValue(Stream.STREAM_CLEAR_JUICE));
    fill("#lab-0-brix", "12.0");
    fill("#lab-0-pol", "10.1");
    TextField brix = lookup("#lab-0-brix").queryAs(TextField.class);
    waitUntil(() -> brix.getTooltip() != null);
    assertThat(brix.getTooltip().getText())
        .isEqualTo("ব্রিক্স % 12 স্বচ্ছ রস-এর সীমার নিচে (13–18)।");
    screenshot("lab-bn.png");
    // a finished shift's run reads in Bangla too
    clickWhenReady("#nav-production-day");
    waitUntil(() -> lookup("#dayTable").tryQuery().isPresent());
    interact(() -> lookup("#dayDate").queryAs(DatePicker.class).setValue(dayBefore));
    @SuppressWarnings("unchecked")
    TableView<DayFiguresViewModel.Row> table = lookup("#dayTable").queryAs(TableView.class);
    waitUntil(() -> table.getItems().size() == 3);
    interact(
        () -> {
          table.requestFocus();
          table.getSelectionModel().select(0);
        });
    type(KeyCode.ENTER);
    waitUntil(() -> text("#runState").equals("সমাপ্ত") && !text("#fig-recovery").isEmpty());
    screenshot("production-run-bn.png");
    interact(() -> language.getSelectionModel().select(0));
  }

  @Test
  void aChemistReadsARunButCannotRecordOrPostIt() throws Exception {
    String number;
    try (Session s = session()) {
      Production p = new Production(s);
      var run =
          p.plan(
              "MILL",
              "SUGAR",
              yesterday,
              io.millstone.api.production.v1.Shift.SHIFT_B,
              "YARD",
              "",
              UUID.randomUUID().toString());
      p.start(run.getId());
      number = run.getNumber();
    }
    signInAndWait(chemist);
    clickWhenReady("#nav-production-runs");
    @SuppressWarnings("unchecked")
    TableView<io.millstone.api.production.v1.ProductionRun> runs =
        lookup("#productionRuns #table").queryAs(TableView.class);
    waitUntil(
        () -> runs.getItems().stream().anyMatch(r -> r != null && r.getNumber().equals(number)));
    interact(
        () -> {
          runs.requestFocus();
          runs.getSelectionModel()
              .select(
                  runs.getItems().stream()
                      .filter(r -> r != null && r.getNumber().equals(number))
                      .findFirst()
                      .get());
        });
    type(KeyCode.ENTER);
    waitUntil(
        () -> text("#runTitle").equals("Run " + number) && text("#runState").equals("Started"));
    assertThat(shown("#finishRun")).isFalse();
    assertThat(shown("#consumeAdd")).isFalse();
    assertThat(shown("#stopAdd")).isFalse();
    assertThat(
            lookup("#productionRuns #newButton").tryQuery().map(n -> n.isVisible()).orElse(false))
        .isFalse();
  }

  @Test
  void theManagerReadsADayShiftByShiftAndTheDaysLineAddsTheShiftsUp() {
    signInAndWait(engineer);
    bigWindow();
    clickWhenReady("#nav-production-day");
    waitUntil(() -> lookup("#dayTable").tryQuery().isPresent());
    // it opens on yesterday, the day asked about in the morning
    DatePicker date = lookup("#dayDate").queryAs(DatePicker.class);
    assertThat(date.getValue()).isEqualTo(yesterday);
    interact(() -> date.setValue(dayBefore));
    waitUntil(() -> lookup("#dayCentre").queryAs(ComboBox.class).getItems().contains("MILL"));
    choose("#dayCentre", "MILL");
    @SuppressWarnings("unchecked")
    TableView<DayFiguresViewModel.Row> table = lookup("#dayTable").queryAs(TableView.class);
    // the table and the lines under it are filled in one go on the UI thread: wait for all
    waitUntil(
        () ->
            table.getItems().size() == 3
                && text("#dayLost").startsWith("Lost time")
                && text("#dayCounted").startsWith("The day's line"));
    assertThat(cell(table, 0, 0)).isEqualTo("Shift A");
    assertThat(cell(table, 0, 7)).isEqualTo("6.5");
    assertThat(cell(table, 1, 7)).isEqualTo("7");
    // the day's line: 47 t of sugar from 700 t of cane is 6.71 %, not the shifts' average 6.75
    assertThat(cell(table, 2, 0)).isEqualTo("Day");
    assertThat(cell(table, 2, 4)).isEqualTo("700");
    assertThat(cell(table, 2, 6)).isEqualTo("47");
    assertThat(cell(table, 2, 7)).isEqualTo("6.71");
    assertThat(cell(table, 2, 8)).isEqualTo("4.5");
    assertThat(cell(table, 2, 11)).isEqualTo("30");
    assertThat(text("#dayLost")).isEqualTo("Lost time by reason: Mechanical 30 min");
    assertThat(text("#dayCounted")).startsWith("The day's line counts 2 finished run(s) of the 2");
    screenshot("production-day.png");

    // Alt+Left steps back a day, where nothing was crushed; Alt+Right comes back
    interact(table::requestFocus);
    press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
    waitUntil(() -> table.getItems().isEmpty() && text("#dayCounted").startsWith("No production"));
    press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
    waitUntil(() -> table.getItems().size() == 3);
    // Enter on a shift opens its run
    interact(() -> table.getSelectionModel().select(1));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#runState").equals("Finished") && text("#fig-recovery").equals("7 %"));
  }

  /** What a table cell shows, as the person reads it. */
  private static String cell(TableView<?> t, int row, int column) {
    Object v = t.getColumns().get(column).getCellData(row);
    return v == null ? "" : v.toString();
  }

  @Test
  void theLabSetsAStreamsLimits() {
    signInAndWait(engineer);
    bigWindow();
    clickWhenReady("#nav-lab-limits");
    waitUntil(() -> text("#limits-MIXED_JUICE-brix-max").equals("18"));
    fill("#limits-SYRUP-brix-min", "55");
    fill("#limits-SYRUP-brix-max", "70");
    fill("#limits-SUGAR-colour_icumsa-max", "200");
    clickOn("#limitsSave");
    waitUntil(() -> !lookup("#limitsSave").query().isDisabled());
    waitUntil(() -> text("#limitsMessage").isEmpty());
    screenshot("lab-limits.png");
  }

  /** Whether the node and every parent of it are visible. */
  private boolean shown(String query) {
    for (javafx.scene.Node n = lookup(query).query(); n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
