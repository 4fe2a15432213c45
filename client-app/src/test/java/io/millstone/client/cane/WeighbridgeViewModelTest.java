package io.millstone.client.cane;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.client.core.Messages;
import io.millstone.client.support.DirectExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeighbridgeViewModelTest {
  CaneInMemory desk;
  WeighbridgeViewModel vm;

  @BeforeEach
  void clerkAtTheMillGate() {
    desk = new CaneInMemory();
    vm = new WeighbridgeViewModel(desk, new DirectExecutor(), new Messages(Messages.ENGLISH));
    vm.start();
  }

  private void truck(String permit, String vehicle) {
    vm.permitProperty().set(permit);
    vm.growerProperty().set("G-001");
    vm.vehicleProperty().set(vehicle);
  }

  @Test
  void theCentreAndItsBridgeComeFromTheSeasonAndTheScaleIsShownWithItsStableFlag() {
    assertThat(vm.centres()).containsExactly("GATE", "KHETLAL");
    assertThat(vm.centreProperty().get()).isEqualTo("GATE");
    assertThat(vm.machineProperty().get()).isEqualTo("WB-GATE");

    vm.pollScale();
    assertThat(vm.liveTextProperty().get()).isEqualTo("\u2014");
    assertThat(vm.liveStateProperty().get()).isEqualTo("No reading from WB-GATE");

    desk.setScale("24350", false);
    vm.pollScale();
    assertThat(vm.liveTextProperty().get()).isEqualTo("24,350 kg");
    assertThat(vm.liveStateProperty().get()).startsWith("Moving");
    assertThat(vm.liveStableProperty().get()).isFalse();
  }

  @Test
  void enterTakesTheStableScaleWeightAndEnterAgainWeighsTheTruckIn() {
    desk.permit("P-77", "G-001", PermitState.PERMIT_STATE_ISSUED);
    truck("P-77", "RAJ-TA-11-2231");
    desk.setScale("24350", false);
    vm.pollScale();

    // not stable: nothing is taken, and the clerk is told to wait
    assertThat(vm.enterOnWeight()).isEqualTo(WeighbridgeViewModel.Next.WEIGHT);
    assertThat(vm.weightProperty().get()).isEmpty();
    assertThat(vm.weightErrorProperty().get()).contains("not stable");

    desk.setScale("24350", true);
    vm.pollScale();
    assertThat(vm.enterOnWeight()).isEqualTo(WeighbridgeViewModel.Next.WEIGHT);
    assertThat(vm.weightProperty().get()).isEqualTo("24350");
    assertThat(vm.sourceProperty().get()).isEqualTo(WeightSource.WEIGHT_SOURCE_SCALE);
    assertThat(vm.manualBinding().get()).isFalse();

    assertThat(vm.enterOnWeight()).isEqualTo(WeighbridgeViewModel.Next.DONE);
    String number = vm.lastNumberProperty().get();
    assertThat(number).startsWith("WB-");
    assertThat(desk.tickets.get(number).getGrossSource())
        .isEqualTo(WeightSource.WEIGHT_SOURCE_SCALE);
    assertThat(vm.lastTextProperty().get())
        .isEqualTo(
            "RAJ-TA-11-2231 of G-001 Abdul Karim weighed in:\ngross 24,350 kg on permit P-77.");
    // the form is cleared for the next truck, which joins the queue
    assertThat(vm.permitProperty().get()).isEmpty();
    assertThat(vm.openTickets()).extracting(t -> t.getNumber()).containsExactly(number);
  }

  @Test
  void aTypedWeightIsManualAndNeedsAReason() {
    desk.permit("P-78", "G-001", PermitState.PERMIT_STATE_ISSUED);
    truck("P-78", "RAJ-TA-11-2232");
    vm.weightProperty().set("23100");
    assertThat(vm.sourceProperty().get()).isEqualTo(WeightSource.WEIGHT_SOURCE_MANUAL);
    assertThat(vm.enterOnWeight()).isEqualTo(WeighbridgeViewModel.Next.REASON);

    vm.record();
    assertThat(vm.reasonErrorProperty().get()).isEqualTo("A typed weight needs a reason.");
    assertThat(desk.tickets).isEmpty();

    vm.reasonProperty().set("Scale display faulty");
    vm.record();
    String number = vm.lastNumberProperty().get();
    assertThat(desk.tickets.get(number).getGrossSource())
        .isEqualTo(WeightSource.WEIGHT_SOURCE_MANUAL);
    assertThat(desk.tickets.get(number).getGrossManualReason()).isEqualTo("Scale display faulty");
    assertThat(vm.lastTextProperty().get()).contains("23,100 kg MANUAL");
  }

  @Test
  void changingATakenWeightMakesItManual() {
    desk.setScale("24350", true);
    vm.pollScale();
    vm.takeScaleWeight();
    vm.weightProperty().set("24300");
    assertThat(vm.manualBinding().get()).isTrue();
  }

  @Test
  void anExpiredPermitIsRefusedNextToThePermitField() {
    desk.permit("P-50", "G-001", PermitState.PERMIT_STATE_EXPIRED);
    truck("P-50", "RAJ-TA-11-2233");
    desk.setScale("20000", true);
    vm.pollScale();
    vm.takeScaleWeight();
    vm.record();
    assertThat(vm.permitErrorProperty().get()).isEqualTo("Permit P-50 expired.");
    assertThat(vm.lastNumberProperty().get()).isEmpty();
    assertThat(vm.weightProperty().get()).isEqualTo("20000");
  }

  @Test
  void weighingOutTheSelectedTruckShowsTheNetInKgQuintalAndMaund() {
    desk.permit("P-80", "G-001", PermitState.PERMIT_STATE_ISSUED);
    truck("P-80", "RAJ-TA-11-2240");
    vm.weightProperty().set("24350");
    vm.reasonProperty().set("test");
    vm.record();
    String number = vm.lastNumberProperty().get();

    vm.weighOutMode();
    assertThat(vm.selectedProperty().get().getNumber()).isEqualTo(number);
    desk.setScale("8250", true);
    vm.pollScale();
    vm.takeScaleWeight();
    assertThat(vm.netPreviewProperty().get())
        .isEqualTo("Net 16,100 kg = 161.0000 quintal = 431.3555 maund");
    vm.record();
    assertThat(vm.lastNumberProperty().get()).isEqualTo(number);
    assertThat(vm.lastNetProperty().get())
        .isEqualTo("Net 16,100 kg = 161.0000 quintal = 431.3555 maund");
    assertThat(vm.openTickets()).isEmpty();
  }

  @Test
  void aTareNotBelowTheGrossIsRefusedAtTheWeight() {
    desk.permit("P-81", "G-001", PermitState.PERMIT_STATE_ISSUED);
    truck("P-81", "RAJ-TA-11-2241");
    vm.weightProperty().set("9000");
    vm.reasonProperty().set("test");
    vm.record();
    vm.weighOutMode();
    vm.weightProperty().set("9000");
    vm.reasonProperty().set("test");
    vm.record();
    assertThat(vm.weightErrorProperty().get())
        .isEqualTo("The tare must be below the gross of 9,000 kg.");
    assertThat(vm.openTickets()).hasSize(1);
  }

  @Test
  void aPermitAndAVehicleAreNeededBeforeAnythingIsSent() {
    vm.weightProperty().set("100");
    vm.record();
    assertThat(vm.permitErrorProperty().get()).isNotEmpty();
    assertThat(vm.vehicleErrorProperty().get()).isNotEmpty();
    assertThat(desk.tickets).isEmpty();
  }

  @Test
  void theSlipOfATruckWeighedOutCarriesTheVillageTheThreeUnitsAndTheTypedTareWithItsReason() {
    desk.permit("P-79", "G-001", PermitState.PERMIT_STATE_ISSUED);
    vm.print();
    assertThat(vm.printMessageProperty().get()).startsWith("Weigh a truck out first");
    assertThat(vm.slipProperty().get()).isNull();

    truck("P-79", "RAJ-TA-11-2231");
    vm.weightProperty().set("24350");
    vm.reasonProperty().set("Bridge display faulty");
    vm.record();
    vm.print();
    assertThat(vm.slipProperty().get()).isNull(); // weighed in only: no net yet
    vm.weighOutMode();
    vm.weightProperty().set("8250");
    vm.reasonProperty().set("Read from the indicator");
    vm.record();

    vm.print();
    TicketSlip slip = vm.slipProperty().get();
    assertThat(slip.number()).isEqualTo(vm.lastNumberProperty().get());
    assertThat(slip.facts())
        .extracting(f -> f.label() + ": " + f.value())
        .containsExactly(
            "Grower: G-001  Abdul Karim",
            "Village: Khetlal",
            "Permit: P-79",
            "Centre: GATE",
            "Vehicle: RAJ-TA-11-2231");
    assertThat(slip.weights())
        .extracting(w -> w.label() + " " + w.kg() + " " + w.quintal() + " " + w.maund() + w.mark())
        .containsExactly(
            "Gross 24,350 kg 243.5000 652.3917MANUAL",
            "Tare 8,250 kg 82.5000 221.0362MANUAL",
            "Net 16,100 kg 161.0000 431.3555");
    assertThat(slip.notes())
        .extracting(TicketSlip.Note::text)
        .containsExactly(
            "Gross typed by hand: Bridge display faulty",
            "Tare typed by hand: Read from the indicator",
            "Over quota by 101.0 q (permit quota 60 q)");
    assertThat(slip.notes().get(2).warning()).isTrue();
    assertThat(vm.lastOverQuotaProperty().get())
        .isEqualTo("Over quota by 101.0 q (permit quota 60 q)");

    vm.printed(TicketSlip.Printed.NO_PRINTER);
    assertThat(vm.printMessageProperty().get())
        .startsWith("Ticket " + slip.number() + " was not printed: this computer has no printer.");
  }

  @Test
  void aTruckTurnedAwayIsVoidedWithItsReasonAndItsPermitCanBeWeighedAgain() {
    desk.permit("P-80", "G-001", PermitState.PERMIT_STATE_ISSUED);
    truck("P-80", "RAJ-TA-11-4410");
    vm.weightProperty().set("23000");
    vm.reasonProperty().set("Bridge display faulty");
    vm.record();
    String number = vm.lastNumberProperty().get();
    assertThat(vm.voidQuestion()).isNull();

    vm.weighOutMode();
    assertThat(vm.voidQuestion())
        .isEqualTo(
            "Why is ticket "
                + number
                + " (RAJ-TA-11-4410 of G-001 Abdul Karim) voided? Permit P-80 can then be weighed"
                + " again.");
    // the tare typed shows the load above its 60 q quota before it is weighed out
    vm.weightProperty().set("8000");
    assertThat(vm.previewOverQuotaProperty().get())
        .isEqualTo("Over quota by 90.0 q (permit quota 60 q)");
    vm.weightProperty().set("");

    vm.voidTicket(" ");
    assertThat(vm.queueErrorProperty().get()).isEqualTo("Type why the truck is turned away.");
    assertThat(vm.openTickets()).hasSize(1);

    vm.voidTicket("Cane too wet, turned away");
    assertThat(vm.queueDoneProperty().get())
        .isEqualTo(
            "Ticket "
                + number
                + " voided: Cane too wet, turned away. Permit P-80 can be weighed"
                + " again.");
    assertThat(vm.openTickets()).isEmpty();
    assertThat(vm.lastNumberProperty().get()).isEmpty(); // its weigh-in is no longer the last
    assertThat(desk.permits.get("P-80").getState()).isEqualTo(PermitState.PERMIT_STATE_ISSUED);
  }
}
