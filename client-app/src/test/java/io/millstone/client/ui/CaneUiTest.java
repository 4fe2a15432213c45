package io.millstone.client.ui;

import static io.millstone.client.support.FactoryFloor.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.client.cane.CaneGateway;
import io.millstone.client.cane.WeighbridgeView;
import io.millstone.client.remote.Cane;
import io.millstone.client.remote.CertificatePins;
import io.millstone.client.remote.ChannelFactory;
import io.millstone.client.remote.ServerAddress;
import io.millstone.client.remote.Session;
import io.millstone.client.remote.SignIn;
import io.millstone.client.support.FactoryFloor;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.server.masterdata.PartyAdmin;
import io.millstone.server.platform.Actor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A crushing season at the mill gate against a real server, the weighbridge fed by an enrolled
 * agent over the real uplink: the clerk weighs trucks in and out from the keyboard with the live
 * scale weight (a typed weight needs its reason), a used permit is refused at the permit field, the
 * screen speaks Bangla; the office bills the cane, pays growers by bank and mobile money, and reads
 * a grower's statement.
 */
class CaneUiTest extends UiTest {
  static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
  static LiveServer server;
  static FactoryFloor floor;
  static String clerk;
  static String season;
  static LocalDate today;
  static Session office;
  static CaneGateway cane;
  static String karimPermit;
  static String rahimaPermit;
  static String nurulPermit;
  static String mofizurSecondPermit;

  @BeforeAll
  static void millGateWithItsWeighbridge() throws Exception {
    server = LiveServer.shared();
    UUID company = server.createCompany("Joypurhat Sugar Mills Ltd");
    clerk = server.createUser(company, server.fresh("clerk"), "cane");
    Actor actor = Actor.system(company, "test");
    server
        .server()
        .warehouseAdmin()
        .create(
            actor, UUID.randomUUID().toString(), "GATE", "Mill gate yard", "Mill gate", List.of());
    String[][] growers = {
      {"G-001", "Abdul Karim", "Khetlal"},
      {"G-002", "Rahima Begum", "Akkelpur"},
      {"G-003", "Nurul Islam", "Khetlal"},
      {"G-004", "Shefali Khatun", "Kalai"},
      {"G-005", "Mofizur Rahman", "Kalai"},
    };
    for (String[] g : growers) {
      server
          .server()
          .supplierAdmin()
          .create(
              actor,
              null,
              "S-" + g[0],
              new PartyAdmin.Input(
                  g[1], g[2] + ", Joypurhat", "+880 1711 000000", "", "0", "BDT", 0));
    }
    floor = new FactoryFloor(server, company);
    floor.weighbridge("WB-GATE", "Mill gate weighbridge");
    floor.connectAgent();

    office =
        new SignIn(
                new ChannelFactory(
                    new CertificatePins(Files.createTempDirectory("cane-ui")), (s, f) -> false))
            .signIn(
                ServerAddress.parse(server.address()), clerk, LiveServer.PASSWORD.toCharArray());
    cane = new Cane(office);
    today = LocalDate.now(DHAKA);
    season = "S" + today.getYear();
    cane.createSeason(
        season,
        "Crushing season " + today.getYear(),
        today.minusDays(10),
        today.plusDays(90),
        List.of(new CaneGateway.CentreInput("GATE", "MILL_GATE", new BigDecimal("600"))),
        "MARK",
        UUID.randomUUID().toString());
    for (String[] g : growers) {
      cane.createGrower(
          "S-" + g[0],
          g[0],
          g[2],
          List.of(
              new CaneGateway.PlotInput(
                  "North field", new BigDecimal("2.5"), "Isd 39", new BigDecimal("75"))),
          UUID.randomUUID().toString());
    }
    cane.recordLoan(
        "G-004",
        "SEED",
        new BigDecimal("5000"),
        today.minusDays(8),
        "BANK",
        "Seed cane Isd 39",
        UUID.randomUUID().toString());
    List<Permit> permits =
        cane.issuePermits(
            season,
            "GATE",
            today,
            List.of(
                new CaneGateway.PermitInput("G-001", new BigDecimal("150")),
                new CaneGateway.PermitInput("G-002", new BigDecimal("160")),
                new CaneGateway.PermitInput("G-003", new BigDecimal("55")),
                new CaneGateway.PermitInput("G-004", new BigDecimal("160")),
                new CaneGateway.PermitInput("G-005", new BigDecimal("130"))),
            UUID.randomUUID().toString());
    karimPermit = permits.get(0).getNumber();
    rahimaPermit = permits.get(1).getNumber();
    nurulPermit = permits.get(2).getNumber();
    // Mofizur's second load of the day, on its own permit.
    mofizurSecondPermit =
        cane.issuePermits(
                season,
                "GATE",
                today,
                List.of(new CaneGateway.PermitInput("G-005", new BigDecimal("130"))),
                UUID.randomUUID().toString())
            .get(0)
            .getNumber();
    // Two loads weighed earlier today, for the bills.
    weighed(permits.get(3), "RAJ-TA-11-4410", "23800", "8100");
    weighed(permits.get(4), "RAJ-TA-11-5521", "19650", "7420");
  }

  static void weighed(Permit p, String vehicle, String gross, String tare) throws Exception {
    WeighbridgeTicket t =
        cane.weighIn(
            p.getNumber(),
            p.getGrowerNumber(),
            "GATE",
            vehicle,
            new BigDecimal(gross),
            null,
            UUID.randomUUID().toString());
    cane.weighOut(t.getNumber(), new BigDecimal(tare), null);
  }

  @AfterAll
  static void close() {
    floor.close();
    office.close();
  }

  private void scale(String kg, boolean stable) throws Exception {
    Instant now = Instant.now();
    floor.send(
        value("wb_gate.weight", now, kg), value("wb_gate.stable", now, Boolean.toString(stable)));
  }

  private boolean focused(String query) {
    return lookup(query).tryQuery().map(Node::isFocused).orElse(false);
  }

  private void openWeighbridge() {
    clickWhenReady("#nav-weighbridge");
    waitUntil(() -> lookup("#weighbridgeView").tryQuery().isPresent());
    waitUntil(() -> "GATE".equals(lookup("#wbCentre").queryAs(ComboBox.class).getValue()));
  }

  /** A loaded truck at the keyboard: permit, grower, vehicle, each followed by Enter. */
  private void truck(String permit, String grower, String vehicle) {
    waitUntil(() -> focused("#wbPermit"));
    write(permit);
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbGrower"));
    write(grower);
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbVehicle"));
    write(vehicle);
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbWeight"));
  }

  @Test
  void theClerkWeighsTrucksInAndOutWithTheScaleWeightFromTheKeyboard() throws Exception {
    scale("24310", false);
    signInAndWait(clerk);
    openWeighbridge();
    waitUntil(() -> text("#wbLiveWeight").equals("24,310 kg"));
    assertThat(text("#wbStable")).startsWith("Moving");

    // Karim's truck: Enter while the scale still moves takes nothing and says why
    truck(karimPermit, "G-001", "RAJ-TA-11-2231");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeightError").contains("not stable"));
    assertThat(text("#wbWeight")).isEmpty();
    // steady: Enter takes the weight, Enter again weighs the truck in
    scale("24350", true);
    waitUntil(() -> text("#wbStable").equals("Stable"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeight").equals("24350"));
    assertThat(text("#wbSource")).isEqualTo("From the scale");
    type(KeyCode.ENTER);
    waitUntil(() -> !text("#wbTicketNumber").isEmpty());
    String karim = text("#wbTicketNumber");
    assertThat(text("#wbTicketText"))
        .isEqualTo(
            "RAJ-TA-11-2231 of G-001 Abdul Karim weighed in:\ngross 24,350 kg on permit "
                + karimPermit
                + ".");
    @SuppressWarnings("unchecked")
    TableView<WeighbridgeTicket> queue = lookup("#wbQueue").queryAs(TableView.class);
    waitUntil(() -> queue.getItems().size() == 1);

    // the same permit again is refused next to the permit field, and nothing is written
    waitUntil(() -> focused("#wbPermit"));
    truck(karimPermit, "G-001", "RAJ-TA-11-9999");
    scale("21000", true);
    waitUntil(() -> text("#wbLiveWeight").equals("21,000 kg"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeight").equals("21000"));
    type(KeyCode.ENTER);
    waitUntil(() -> !text("#wbPermitError").isEmpty());
    assertThat(text("#wbPermitError")).contains(karimPermit);
    assertThat(queue.getItems()).hasSize(1);

    // Rahima's truck while the bridge is down: a typed weight is manual and asks for a reason
    press(KeyCode.F2).release(KeyCode.F2);
    truck(rahimaPermit, "G-002", "RAJ-TA-11-3307");
    write("22800");
    assertThat(text("#wbSource")).isEqualTo("MANUAL");
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbReason"));
    write("Bridge display faulty, read from the indicator");
    type(KeyCode.ENTER);
    waitUntil(() -> queue.getItems().size() == 2);
    assertThat(text("#wbTicketText")).contains("gross 22,800 kg MANUAL");

    // Karim's truck comes back empty: F3, Enter on the oldest, Enter takes, Enter weighs out
    scale("8250", true);
    waitUntil(() -> text("#wbLiveWeight").equals("8,250 kg"));
    press(KeyCode.F3).release(KeyCode.F3);
    waitUntil(() -> focused("#wbQueue"));
    waitUntil(() -> queue.getSelectionModel().getSelectedItem() != null);
    assertThat(queue.getSelectionModel().getSelectedItem().getNumber()).isEqualTo(karim);
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbWeight"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeight").equals("8250"));
    waitUntil(() -> text("#wbNetPreview").startsWith("Net 16,100 kg"));
    type(KeyCode.ENTER);
    // The ticket's labels are read off the UI thread: wait for all of them, not the first.
    waitUntil(
        () ->
            text("#wbTicketNet").equals("Net 16,100 kg = 161.0000 quintal = 431.3555 maund")
                && text("#wbTicketNumber").equals(karim));
    waitUntil(() -> queue.getItems().size() == 1);
    // Ctrl+P prints Karim's ticket; this machine has no printer, and the clerk is told so
    press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
    waitUntil(() -> text("#wbPrintMessage").contains("this computer has no printer"));
    assertThat(text("#wbPrintMessage")).startsWith("Ticket " + karim + " was not printed");
    WeighbridgeView view = lookup("#weighbridgeView").queryAs(WeighbridgeView.class);
    javafx.scene.Scene paper =
        WaitForAsyncUtils.asyncFx(() -> view.slipNode().getScene()).get(10, TimeUnit.SECONDS);
    screenshot(paper, "weighbridge-ticket.png");
    Node slip = paper.getRoot().lookup("#ticketSlip");
    assertThat(((Labeled) slip.lookup("#slipNumber")).getText()).isEqualTo(karim);
    // 161 q on a 150 q permit: accepted (the season marks), and marked on the ticket and slip
    assertThat(text("#wbOverQuota")).isEqualTo("Over quota by 11.0 q (permit quota 150 q)");
    assertThat(slip.lookupAll(".slip-warning")).hasSize(1);

    // Rahima's truck comes back empty: picked from the queue, the scale's weight taken
    scale("7900", true);
    waitUntil(() -> text("#wbLiveWeight").equals("7,900 kg"));
    waitUntil(() -> focused("#wbQueue"));
    waitUntil(() -> queue.getSelectionModel().getSelectedItem() != null);
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbWeight"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeight").equals("7900"));
    waitUntil(
        () -> text("#wbNetPreview").equals("Net 14,900 kg = 149.0000 quintal = 399.2048 maund"));
    screenshot("weighbridge.png");

    // the shell in Bangla: the screen is rebuilt, and the clerk weighs Rahima's truck out
    @SuppressWarnings("unchecked")
    ComboBox<String> language = lookup("#language").queryAs(ComboBox.class);
    interact(() -> language.getSelectionModel().select("বাংলা"));
    waitUntil(
        () -> lookup("#nav-weighbridge").queryAs(Button.class).getText().equals("ওজন যন্ত্র"));
    waitUntil(() -> lookup("#weighbridgeView").tryQuery().isPresent());
    waitUntil(() -> text("#wbStable").equals("স্থির"));
    // the rebuilt shell puts the caret in its search box; one click back into the screen
    clickOn("#wbPermit");
    press(KeyCode.F3).release(KeyCode.F3);
    @SuppressWarnings("unchecked")
    TableView<WeighbridgeTicket> bnQueue = lookup("#wbQueue").queryAs(TableView.class);
    waitUntil(() -> bnQueue.getSelectionModel().getSelectedItem() != null);
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#wbWeight"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeight").equals("7900"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbTicketNet").startsWith("নিট 14,900 kg"));
    waitUntil(() -> bnQueue.getItems().isEmpty());
    screenshot("weighbridge-bn.png");
    interact(() -> lookup("#language").queryAs(ComboBox.class).getSelectionModel().select(0));
    waitUntil(
        () -> lookup("#nav-weighbridge").queryAs(Button.class).getText().equals("Weighbridge"));
    waitUntil(() -> lookup("#weighbridgeView").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<WeighbridgeTicket> enQueue = lookup("#wbQueue").queryAs(TableView.class);
    // back in English, Mofizur's second truck is weighed in, then turned away: Delete in the
    // queue and the reason; the truck leaves the queue and its permit can be weighed again
    waitUntil(() -> "GATE".equals(lookup("#wbCentre").queryAs(ComboBox.class).getValue()));
    clickOn("#wbPermit");
    press(KeyCode.F2).release(KeyCode.F2);
    truck(mofizurSecondPermit, "G-005", "RAJ-TA-11-7001");
    scale("20500", true);
    waitUntil(() -> text("#wbLiveWeight").equals("20,500 kg"));
    type(KeyCode.ENTER);
    waitUntil(() -> text("#wbWeight").equals("20500"));
    type(KeyCode.ENTER);
    waitUntil(() -> enQueue.getItems().size() == 1);
    String turnedAway = text("#wbTicketNumber");
    press(KeyCode.F3).release(KeyCode.F3);
    waitUntil(() -> focused("#wbQueue"));
    interact(
        () ->
            enQueue.getItems().stream()
                .filter(t -> t.getNumber().equals(turnedAway))
                .findFirst()
                .ifPresent(t -> enQueue.getSelectionModel().select(t)));
    type(KeyCode.DELETE);
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Cane too wet, turned away");
    type(KeyCode.ENTER);
    waitUntil(() -> enQueue.getItems().isEmpty());
    assertThat(text("#wbQueueDone"))
        .isEqualTo(
            "Ticket "
                + turnedAway
                + " voided: Cane too wet, turned away. Permit "
                + mofizurSecondPermit
                + " can be weighed again.");
    screenshot("weighbridge-void.png");
  }

  private List<Node> cells(String prefix) {
    return lookup("#crBills").queryAs(GridPane.class).getChildren().stream()
        .filter(n -> n.getId() != null && n.getId().startsWith(prefix))
        .toList();
  }

  @Test
  void theOfficeBillsTheCanePaysByBankAndMobileMoneyAndReadsTheStatement() throws Exception {
    signInAndWait(clerk);
    clickWhenReady("#nav-cane-payment-run");
    waitUntil(() -> lookup("#canePaymentRunView").tryQuery().isPresent());
    waitUntil(() -> season.equals(lookup("#crSeason").queryAs(ComboBox.class).getValue()));
    clickWhenReady("#crCreateBills");
    waitUntil(() -> !text("#crBilled").isEmpty());
    waitUntil(() -> cells("crRef-").size() >= 2);
    int before = cells("crRef-").size();
    clickOn("#crAll");
    List<Node> refs = cells("crRef-");
    @SuppressWarnings("unchecked")
    List<ComboBox<String>> methods =
        cells("crMethod-").stream().map(n -> (ComboBox<String>) n).toList();
    for (int i = 0; i < refs.size(); i++) {
      TextField ref = (TextField) refs.get(i);
      String r = i % 2 == 0 ? "SBL-TRF-" + (4410 + i) : "bKash 8N7A6C" + i;
      if (i % 2 == 1) {
        ComboBox<String> m = methods.get(i);
        interact(() -> m.setValue("MOBILE_MONEY"));
      }
      clickOn(ref);
      write(r);
    }
    screenshot("cane-payment-run.png");
    clickOn("#crPost");
    waitUntil(() -> lookup("#confirmPost").tryQuery().isPresent());
    screenshot(lookup("#confirmPost").query().getScene(), "cane-payment-run-posting.png");
    clickOn("#confirmPost");
    waitUntil(() -> text("#crPosted").startsWith("Payment run "));
    assertThat(text("#crPosted")).contains("posted with JV-");
    waitUntil(() -> cells("crRef-").isEmpty());
    // the run went to the wrong accounts: reversed after its posting is shown, bills unpaid again
    // (from the keyboard: the "posted" notification stands over the button for a few seconds)
    waitUntil(() -> lookup("#crReverseRun").query().isVisible());
    interact(() -> lookup("#crReverseRun").query().requestFocus());
    type(KeyCode.SPACE);
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isPresent());
    assertThat(text("#postingQuestion")).startsWith("Reverse payment run CPR-");
    screenshot(lookup("#confirmPost").query().getScene(), "cane-payment-run-reverse.png");
    clickOn("#confirmPost");
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Transfers sent to the wrong accounts");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#crReversed").startsWith("Payment run CPR-"));
    // the past runs table shows it Reversed
    String firstRun = text("#crReversed").split(" ")[2];
    waitUntil(() -> text("#crRunState-" + firstRun).equals("Reversed"));
    assertThat(text("#crReversed")).contains("its bills are unpaid again");
    waitUntil(() -> cells("crRef-").size() == before);
    // Mofizur's bill was made for the wrong period: its posting shown, then why, then reversed
    String mofizurBill =
        cane.unpaidBills(season).stream()
            .filter(b -> b.getGrowerNumber().equals("G-005"))
            .findFirst()
            .orElseThrow()
            .getNumber();
    clickWhenReady("#crReverse-" + mofizurBill);
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isPresent());
    assertThat(text("#postingDetail-0"))
        .isEqualTo("Nothing is posted: the bill recovered no loan.");
    screenshot(lookup("#confirmPost").query().getScene(), "cane-bill-reverse.png");
    clickOn("#confirmPost");
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Billed for the wrong period");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#crReversed").startsWith("Bill " + mofizurBill + " reversed"));
    waitUntil(() -> cells("crRef-").size() == before - 1);
    screenshot("cane-payment-run-reversed.png");
    // the others are paid again, right this time
    String againRun =
        cane.payRun(
                today,
                cane.unpaidBills(season).stream()
                    .map(b -> new CaneGateway.PaymentInput(b.getNumber(), "BANK", "SBL-TRF-5520"))
                    .toList(),
                UUID.randomUUID().toString())
            .getNumber();

    // Shefali's statement: permit, ticket, bill less her seed loan, payment, nothing owed
    clickWhenReady("#nav-grower-statement");
    waitUntil(() -> lookup("#gsGrower").tryQuery().map(Node::isFocused).orElse(false));
    write("G-004");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#gsHeading").equals("G-004 \u00b7 Shefali Khatun \u00b7 Kalai"));
    @SuppressWarnings("unchecked")
    TableView<?> lines = lookup("#gsLines").queryAs(TableView.class);
    waitUntil(() -> lines.getItems().size() >= 5);
    assertThat(text("#gsDeducted")).isEqualTo("5,000.00");
    assertThat(text("#gsBalance")).isEqualTo("0.00");
    screenshot("grower-statement.png");

    // back on the payment run screen: the run paid meanwhile is in the past runs, and reversed
    // from there (its posting shown, then why) its row turns Reversed
    clickWhenReady("#nav-cane-payment-run");
    clickWhenReady("#crRunsRefresh");
    waitUntil(() -> text("#crRunState-" + againRun).equals("Posted"));
    clickWhenReady("#crRunReverse-" + againRun);
    waitUntil(() -> lookup("#postingConfirmation").tryQuery().isPresent());
    assertThat(text("#postingQuestion")).startsWith("Reverse payment run " + againRun);
    clickOn("#confirmPost");
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Bank file sent twice");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#crRunState-" + againRun).equals("Reversed"));
    assertThat(text("#crRunState-" + firstRun)).isEqualTo("Reversed");
    screenshot("cane-payment-runs.png");
  }

  private void pickPermit(TableView<Permit> permits, String number) {
    waitUntil(() -> permitState(permits, number) != null);
    interact(
        () -> {
          for (int i = 0; i < permits.getItems().size(); i++) {
            Permit p = permits.getItems().get(i);
            if (p != null && p.getNumber().equals(number)) {
              permits.getSelectionModel().clearAndSelect(i);
              permits.scrollTo(i);
            }
          }
          permits.requestFocus();
        });
  }

  private static PermitState permitState(TableView<Permit> permits, String number) {
    return permits.getItems().stream()
        .filter(p -> p != null && p.getNumber().equals(number))
        .map(Permit::getState)
        .findFirst()
        .orElse(null);
  }

  @Test
  void theOfficeIssuesTomorrowsPermitsForAVillageAndSeesThemInTheList() throws Exception {
    signInAndWait(clerk);
    clickWhenReady("#nav-permit-issue");
    waitUntil(() -> focused("#piVillage"));
    waitUntil(() -> "GATE".equals(lookup("#piCentre").queryAs(ComboBox.class).getValue()));
    write("Khetlal");
    type(KeyCode.ENTER);
    // The village's growers replace the list shown before: wait for the whole final list.
    waitUntil(
        () ->
            lookup("#piQuota-G-003").tryQuery().isPresent()
                && lookup("#piQuota-G-002").tryQuery().isEmpty());
    clickOn("#piQuota-G-001");
    write("60");
    type(KeyCode.ENTER);
    waitUntil(() -> focused("#piQuota-G-003"));
    write("900");
    clickOn("#piIssue");
    // an absurd quota is refused on its row and nothing is issued
    waitUntil(() -> !text("#piError-G-003").isEmpty());
    fill("#piQuota-G-003", "55");
    clickOn("#piIssue");
    waitUntil(() -> text("#piIssued").startsWith("2 permits issued for GATE"));
    screenshot("permit-issue.png");

    clickWhenReady("#nav-permits");
    @SuppressWarnings("unchecked")
    TableView<Permit> permits = lookup("#permitList #table").queryAs(TableView.class);
    waitUntil(() -> permits.getItems().stream().filter(p -> p != null).count() >= 7);
    screenshot("permits.png");

    // Karim's permit for tomorrow is cancelled from the keyboard: Delete, the reason, Enter
    Permit tomorrow =
        permits.getItems().stream()
            .filter(p -> p != null && p.getGrowerNumber().equals("G-001"))
            .filter(p -> !p.getNumber().equals(karimPermit))
            .findFirst()
            .orElseThrow();
    pickPermit(permits, tomorrow.getNumber());
    type(KeyCode.DELETE);
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Cane lodged by the storm, harvest put off");
    type(KeyCode.ENTER);
    waitUntil(
        () -> permitState(permits, tomorrow.getNumber()) == PermitState.PERMIT_STATE_CANCELLED);
    assertThat(text("#permitCancelDone"))
        .isEqualTo(
            "Permit "
                + tomorrow.getNumber()
                + " cancelled: Cane lodged by the storm, harvest put off");
    screenshot("permit-cancel.png");
    // Nurul's truck is weighed while the office still shows his permit issued: refused, said why
    pickPermit(permits, nurulPermit);
    waitUntil(() -> !lookup("#permitCancel").queryAs(Button.class).isDisabled());
    weighed(
        Permit.newBuilder().setNumber(nurulPermit).setGrowerNumber("G-003").build(),
        "RAJ-TA-11-6102",
        "21400",
        "7800");
    clickOn("#permitCancel");
    waitUntil(() -> lookup("#textDialog").tryQuery().isPresent());
    write("Duplicate");
    type(KeyCode.ENTER);
    waitUntil(() -> text("#permitCancelError").contains("was already used by ticket"));
    waitUntil(() -> permitState(permits, nurulPermit) == PermitState.PERMIT_STATE_USED);

    clickWhenReady("#nav-cane-seasons");
    waitUntil(() -> lookup("#seasonPrices").queryAs(TableView.class).getItems().size() == 1);
    waitUntil(() -> "GATE".equals(lookup("#priceCentre").queryAs(ComboBox.class).getValue()));
    fill("#bridgeLimit", "60000");
    type(KeyCode.ENTER);
    waitUntil(
        () ->
            text("#seasonDone")
                .equals("The GATE bridge weighs at most 60,000 kg in season " + season + "."));
    screenshot("cane-seasons.png");
    clickWhenReady("#nav-growers");
    @SuppressWarnings("unchecked")
    TableView<io.millstone.api.cane.v1.Grower> growers =
        lookup("#growerTable").queryAs(TableView.class);
    waitUntil(() -> growers.getItems().size() == 5);
    interact(() -> growers.getSelectionModel().select(3));
    waitUntil(() -> lookup("#loanTable").queryAs(TableView.class).getItems().size() == 1);
    screenshot("growers.png");
  }
}
