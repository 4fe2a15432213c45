package io.millstone.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.client.support.LiveServer;
import io.millstone.client.support.UiTest;
import io.millstone.client.telemetry.FloorPcsViewModel;
import io.millstone.client.telemetry.QuarantineViewModel;
import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.ReadingIngest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plant's administration against a real server: the engineer adds a machine, its tags with
 * unit, range and alarm limits, changes a limit and sets the machine's OEE; registers a floor PC,
 * copies its one-time token (which the agent then enrols with), reads the quarantine of the bad
 * readings it sent and revokes it.
 */
class PlantAdminUiTest extends UiTest {
  static LiveServer server;
  static UUID company;
  static String engineer;
  static String admin;

  @BeforeAll
  static void aMillWithAnEngineer() {
    server = LiveServer.shared();
    company = server.createCompany("Carew Plant Mill");
    engineer = server.createUser(company, server.fresh("plant.engineer"), "engineer");
    admin = server.createUser(company, server.fresh("plant.admin"), "admin");
  }

  private void open(String screen) {
    signInAndWait(engineer);
    interact(
        () -> {
          stage.setWidth(1440);
          stage.setHeight(900);
        });
    clickWhenReady("#nav-" + screen);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEngineerAddsAMachineItsTagsWithAlarmLimitsAndItsOeeSettings() {
    open("machines");
    waitUntil(() -> lookup("#machinesTable").tryQuery().isPresent());
    TableView<Machine> machines = lookup("#machinesTable").queryAs(TableView.class);
    TableView<Tag> tags = lookup("#tagsTable").queryAs(TableView.class);

    // A machine without a name is refused beside the field, and nothing is created.
    clickWhenReady("#newMachineTab");
    fill("#machineCode", "mill-1");
    clickWhenReady("#createMachine");
    waitUntil(() -> !text("#machineNameError").isEmpty());
    assertThat(machines.getItems()).isEmpty();
    fill("#machineName", "Mill tandem No. 1");
    fill("#machineArea", "Mill house");
    clickWhenReady("#createMachine");
    waitUntil(() -> text("#machinesDone").equals("Machine MILL-1 created. Now add its tags."));
    waitUntil(() -> machines.getItems().size() == 1);
    assertThat(text("#machineNameError")).isEmpty();

    // A tag whose alarm high is under its alarm low is refused beside alarm high.
    clickWhenReady("#tagTab");
    fill("#tagKey", "mill1.speed");
    fill("#tagName", "Mill speed");
    fill("#tagUnit", "rpm");
    fill("#tagExpectedMin", "0");
    fill("#tagExpectedMax", "10");
    fill("#tagAlarmLow", "6");
    fill("#tagAlarmHigh", "2");
    clickWhenReady("#saveTag");
    waitUntil(() -> !text("#tagAlarmHighError").isEmpty());
    assertThat(tags.getItems()).isEmpty();
    fill("#tagAlarmLow", "1");
    fill("#tagAlarmHigh", "8");
    fill("#tagHysteresis", "0.5");
    clickWhenReady("#saveTag");
    waitUntil(() -> text("#machinesDone").startsWith("Tag mill1.speed of MILL-1 saved"));
    waitUntil(() -> tags.getItems().size() == 1);
    Tag speed = tags.getItems().get(0);
    assertThat(speed.getUnit()).isEqualTo("rpm");
    assertThat(speed.getAlarmHigh().getValue()).isEqualTo("8");

    // Changing the limit: the picked tag fills the form; the same key changes it.
    interact(() -> tags.getSelectionModel().select(0));
    waitUntil(() -> text("#tagAlarmHigh").equals("8"));
    fill("#tagAlarmHigh", "7.5");
    clickWhenReady("#saveTag");
    waitUntil(
        () ->
            tags.getItems().size() == 1
                && tags.getItems().get(0).getAlarmHigh().getValue().equals("7.5"));

    // A counter for OEE, then the OEE settings.
    clickWhenReady("#newTag");
    fill("#tagKey", "mill1.cane");
    fill("#tagName", "Cane crushed");
    fill("#tagUnit", "t");
    ComboBox<ValueType> type = lookup("#tagValueType").queryAs(ComboBox.class);
    interact(() -> type.setValue(ValueType.VALUE_TYPE_COUNTER));
    clickWhenReady("#saveTag");
    waitUntil(() -> tags.getItems().size() == 2);
    clickWhenReady("#oeeTab");
    fill("#oeeIdealRatePerHour", "-5");
    clickWhenReady("#saveOee");
    waitUntil(() -> !text("#oeeIdealRatePerHourError").isEmpty());
    fill("#oeeIdealRatePerHour", "150");
    fill("#oeeRateUnit", "t");
    ComboBox<String> produced = lookup("#oeeProducedTagKey").queryAs(ComboBox.class);
    waitUntil(() -> produced.getItems().contains("mill1.cane"));
    interact(() -> produced.setValue("mill1.cane"));
    clickWhenReady("#saveOee");
    waitUntil(() -> text("#machinesDone").equals("OEE settings of MILL-1 saved: 150 t an hour."));
    assertThat(text("#oeeIdealRatePerHourError")).isEmpty();
    // The tags stand by key: the counter first.
    assertThat(tags.getItems())
        .extracting(Tag::getKey)
        .containsExactly("mill1.cane", "mill1.speed");
    interact(() -> tags.getSelectionModel().select(1));
    clickWhenReady("#tagTab");
    waitUntil(() -> text("#tagKey").equals("mill1.speed"));
    screenshot("machines.png");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFloorPcIsRegisteredItsTokenShownOnceItsBadReadingsQuarantinedAndItIsRevoked() {
    open("floor-pcs");
    waitUntil(() -> lookup("#floorPcsTable").tryQuery().isPresent());
    TableView<FloorPcsViewModel.Row> pcs = lookup("#floorPcsTable").queryAs(TableView.class);

    // A name is required; nothing is registered without one.
    clickOn("#createPc");
    waitUntil(() -> !text("#pcNameError").isEmpty());
    assertThat(pcs.getItems()).isEmpty();

    fill("#pcName", "mill-house-pc");
    clickOn("#createPc");
    waitUntil(() -> lookup("#enrolmentToken").tryQuery().isPresent());
    String token = lookup("#enrolmentToken").queryAs(TextField.class).getText();
    assertThat(token).isNotBlank();
    waitUntil(() -> text("#tokenOnce").startsWith("This token is shown only now"));
    clickOn("#copyToken");
    waitUntil(() -> text("#tokenCopied").equals("Copied."));
    screenshot(lookup("#tokenDialog").query().getScene(), "floor-pcs-token.png");
    clickOn("#closeToken");
    waitUntil(() -> lookup("#tokenDialog").tryQuery().isEmpty());
    waitUntil(
        () ->
            pcs.getItems().size() == 1
                && pcs.getItems().get(0).state().equals("Waiting for enrolment"));
    // The list never carries the token; the dialog was the only place it was shown.
    assertThat(pcs.getItems().get(0).device().toString()).doesNotContain(token);

    // The agent enrols with the copied token and sends one good and two bad readings.
    var enrolled = server.server().deviceAdmin().enroll(token, "1.4.0", "mill-house", "test");
    Instant now = Instant.now();
    server
        .server()
        .readingIngest()
        .ingest(
            Actor.system(company, "device"),
            enrolled.deviceId(),
            List.of(
                new ReadingIngest.Incoming(1, "boiler9.pressure", now, "41.5", 1),
                new ReadingIngest.Incoming(2, "mill9.speed", now.plusSeconds(1), "fast", 1)));
    clickOn("#refreshPcs");
    waitUntil(
        () ->
            pcs.getItems().size() == 1
                && pcs.getItems().get(0).state().equals("Active")
                && pcs.getItems().get(0).version().equals("1.4.0"));
    screenshot("floor-pcs.png");

    // Its bad readings in the quarantine, narrowed by what is typed.
    clickWhenReady("#nav-quarantine");
    waitUntil(() -> lookup("#quarantineTable").tryQuery().isPresent());
    TableView<QuarantineViewModel.Row> q = lookup("#quarantineTable").queryAs(TableView.class);
    waitUntil(() -> q.getItems().size() == 2);
    assertThat(q.getItems()).allMatch(r -> r.device().equals("mill-house-pc"));
    fill("#quarantineFilter", "boiler9");
    waitUntil(() -> q.getItems().size() == 1);
    assertThat(q.getItems().get(0).value()).isEqualTo("41.5");
    waitUntil(() -> text("#quarantineMessage").equals("1 of 2 readings"));
    screenshot("quarantine.png");

    // Revoked after saying yes: the list says so and the button is off.
    clickWhenReady("#nav-floor-pcs");
    waitUntil(() -> lookup("#floorPcsTable").tryQuery().isPresent());
    TableView<FloorPcsViewModel.Row> again = lookup("#floorPcsTable").queryAs(TableView.class);
    waitUntil(() -> again.getItems().size() == 1);
    interact(() -> again.getSelectionModel().select(0));
    clickOn("#revokePc");
    waitUntil(() -> lookup("#confirmYes").tryQuery().isPresent());
    clickOn("#confirmYes");
    waitUntil(
        () -> again.getItems().size() == 1 && again.getItems().get(0).state().equals("Revoked"));
    waitUntil(() -> text("#floorPcsDone").equals("Floor PC mill-house-pc revoked."));
  }

  @Test
  void theUnitsScreenConvertsAQuantityAndAUnitIsDeactivatedAfterSayingYes() {
    signInAndWait(admin);
    clickWhenReady("#nav-units");
    waitUntil(() -> lookup("#convertQuantity").tryQuery().isPresent());
    fill("#convertQuantity", "2.5");
    fill("#convertFrom", "t");
    fill("#convertTo", "kg");
    clickOn("#convertButton");
    waitUntil(() -> text("#convertResult").equals("2.5 t = 2,500 kg"));

    waitUntil(() -> text("#rowCount").matches("[0-9]+ rows"));
    int units = Integer.parseInt(text("#rowCount").split(" ")[0]);
    doubleClickOn("Quintal");
    waitUntil(() -> lookup("#deactivateButton").tryQuery().isPresent());
    clickWhenReady("#deactivateButton");
    waitUntil(() -> lookup("#confirmYes").tryQuery().isPresent());
    clickOn("#confirmYes");
    // The list leaves the quintal out (it shows inactive units only when asked).
    waitUntil(() -> text("#rowCount").equals((units - 1) + " rows"));
    assertThat(lookup("#deactivateButton").queryButton().isDisabled()).isTrue();
  }
}
