package io.millstone.client.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.production.v1.MachineOee;
import io.millstone.api.telemetry.v1.CreateDeviceResponse;
import io.millstone.api.telemetry.v1.Device;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.QuarantinedReading;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plant screens' view models against an in-memory server. */
class PlantViewModelsTest {
  final Messages messages = new Messages(Messages.ENGLISH);
  final InMemoryPlant server = new InMemoryPlant();

  /** Keeps machines, tags and devices as the server would, refusing what it would refuse. */
  static final class InMemoryPlant implements PlantGateway {
    final List<Machine> machines = new ArrayList<>();
    final List<Device> devices = new ArrayList<>();
    final List<QuarantinedReading> quarantine = new ArrayList<>();
    int deviceLists;

    @Override
    public List<Machine> machines() {
      return List.copyOf(machines);
    }

    @Override
    public Machine createMachine(String code, String name, String area, String key)
        throws RemoteException {
      if (name.isBlank()) {
        throw invalid("name", "is required");
      }
      Machine m =
          Machine.newBuilder()
              .setId("m" + machines.size())
              .setCode(code.toUpperCase())
              .setName(name)
              .setArea(area)
              .build();
      machines.add(m);
      return m;
    }

    @Override
    public Tag defineTag(TagDraft d) throws RemoteException {
      if (!d.alarmLow().isBlank()
          && !d.alarmHigh().isBlank()
          && Double.parseDouble(d.alarmHigh()) <= Double.parseDouble(d.alarmLow())) {
        throw invalid("alarm_high", "must be above alarm_low");
      }
      Tag t =
          Tag.newBuilder()
              .setId("t-" + d.key())
              .setKey(d.key())
              .setName(d.name())
              .setUnit(d.unit())
              .setValueType(d.valueType())
              .setAlarmLow(Decimal.newBuilder().setValue(d.alarmLow()))
              .setAlarmHigh(Decimal.newBuilder().setValue(d.alarmHigh()))
              .build();
      for (int i = 0; i < machines.size(); i++) {
        Machine m = machines.get(i);
        if (m.getId().equals(d.machineId())) {
          List<Tag> tags = new ArrayList<>(m.getTagsList());
          tags.removeIf(x -> x.getKey().equals(d.key()));
          tags.add(t);
          machines.set(i, m.toBuilder().clearTags().addAllTags(tags).build());
        }
      }
      return t;
    }

    @Override
    public MachineOee setMachineOee(OeeDraft d) throws RemoteException {
      if (d.producedTagKey().isBlank()) {
        throw invalid("produced_tag_key", "is required");
      }
      return MachineOee.newBuilder()
          .setMachineCode(d.machineCode())
          .setIdealRatePerHour(Decimal.newBuilder().setValue(d.idealRatePerHour()))
          .setRateUnit(d.rateUnit())
          .setProducedTagKey(d.producedTagKey())
          .build();
    }

    @Override
    public List<Device> devices() {
      deviceLists++;
      return List.copyOf(devices);
    }

    @Override
    public CreateDeviceResponse createDevice(String name, String key) {
      Device d =
          Device.newBuilder()
              .setId("d" + devices.size())
              .setName(name)
              .setState("ENROLLMENT_PENDING")
              .build();
      devices.add(d);
      return CreateDeviceResponse.newBuilder()
          .setDevice(d)
          .setEnrollmentToken("tok-" + name)
          .setEnrollmentExpiresAt(Timestamp.newBuilder().setSeconds(1_800_000_000L))
          .build();
    }

    @Override
    public Device revokeDevice(String id) {
      for (int i = 0; i < devices.size(); i++) {
        if (devices.get(i).getId().equals(id)) {
          devices.set(i, devices.get(i).toBuilder().setState("REVOKED").build());
          return devices.get(i);
        }
      }
      throw new IllegalStateException(id);
    }

    @Override
    public List<QuarantinedReading> quarantine(String deviceId) {
      return quarantine.stream()
          .filter(q -> deviceId.isEmpty() || q.getDeviceId().equals(deviceId))
          .toList();
    }

    private static RemoteException invalid(String field, String text) {
      return new RemoteException(
          RemoteException.Kind.INVALID_INPUT, field + " " + text, "", Map.of(field, text));
    }
  }

  @Test
  void aRefusedMachineShowsBesideItsFieldAndACreatedOneIsPicked() {
    MachinesViewModel vm = new MachinesViewModel(server, new DirectExecutor(), messages);
    vm.refresh();
    assertThat(vm.getMessage()).startsWith("No machines yet");

    vm.codeProperty().set("mill-1");
    vm.createMachine();
    assertThat(vm.machineErrors()).containsKey("name");
    assertThat(server.machines).isEmpty();

    vm.nameProperty().set("Mill tandem No. 1");
    vm.createMachine();
    assertThat(vm.machineErrors()).isEmpty();
    assertThat(vm.selectedProperty().get().getCode()).isEqualTo("MILL-1");
    assertThat(vm.doneProperty().get()).isEqualTo("Machine MILL-1 created. Now add its tags.");
  }

  @Test
  void aPickedTagFillsTheFormAndSavingItsKeyChangesItsLimit() {
    MachinesViewModel vm = new MachinesViewModel(server, new DirectExecutor(), messages);
    vm.nameProperty().set("Mill");
    vm.codeProperty().set("M1");
    vm.createMachine();
    vm.tagKeyProperty().set("m1.speed");
    vm.tagNameProperty().set("Speed");
    vm.lowProperty().set("5");
    vm.highProperty().set("2");
    vm.saveTag();
    assertThat(vm.tagErrors()).containsOnlyKeys("alarm_high");
    assertThat(vm.tags()).isEmpty();

    vm.lowProperty().set("1");
    vm.highProperty().set("8");
    vm.saveTag();
    assertThat(vm.tags()).singleElement().extracting(Tag::getKey).isEqualTo("m1.speed");

    vm.newTag();
    assertThat(vm.tagKeyProperty().get()).isEmpty();
    vm.selectedTagProperty().set(vm.tags().get(0));
    assertThat(vm.highProperty().get()).isEqualTo("8");
    assertThat(vm.editingExistingTag()).isTrue();
    vm.highProperty().set("7.5");
    vm.saveTag();
    assertThat(vm.tags())
        .singleElement()
        .satisfies(t -> assertThat(t.getAlarmHigh().getValue()).isEqualTo("7.5"));
    assertThat(vm.selectedTagProperty().get().getKey()).isEqualTo("m1.speed");
  }

  @Test
  void oeeSettingsNeedAProducedCounterAndAreRememberedForTheMachine() {
    MachinesViewModel vm = new MachinesViewModel(server, new DirectExecutor(), messages);
    vm.nameProperty().set("Mill");
    vm.codeProperty().set("M1");
    vm.createMachine();
    vm.tagKeyProperty().set("m1.cane");
    vm.typeProperty().set(ValueType.VALUE_TYPE_COUNTER);
    vm.saveTag();
    assertThat(vm.counterKeys()).containsExactly("m1.cane");

    vm.rateProperty().set("150");
    vm.rateUnitProperty().set("t");
    vm.saveOee();
    assertThat(vm.oeeErrors()).containsOnlyKeys("produced_tag_key");

    vm.producedProperty().set("m1.cane");
    vm.saveOee();
    assertThat(vm.doneProperty().get()).isEqualTo("OEE settings of M1 saved: 150 t an hour.");
    vm.refresh();
    assertThat(vm.rateProperty().get()).isEqualTo("150");
  }

  @Test
  void theTokenIsShownUntilItsDialogClosesAndRevokingAsksFirst() {
    List<String> asked = new ArrayList<>();
    boolean[] answer = {false};
    FloorPcsViewModel vm =
        new FloorPcsViewModel(
            server,
            new DirectExecutor(),
            messages,
            (title, question, yes) -> {
              asked.add(question);
              return answer[0];
            });
    vm.refresh();
    vm.nameProperty().set("mill-pc");
    vm.create();
    assertThat(vm.tokenProperty().get().token()).isEqualTo("tok-mill-pc");
    assertThat(vm.rows())
        .singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo("Waiting for enrolment"));
    vm.forgetToken();
    assertThat(vm.tokenProperty().get()).isNull();

    vm.selectedProperty().set(vm.rows().get(0));
    vm.revokeSelected();
    assertThat(asked).singleElement().asString().startsWith("Revoke mill-pc?");
    assertThat(server.devices.get(0).getState()).isEqualTo("ENROLLMENT_PENDING");

    answer[0] = true;
    vm.revokeSelected();
    assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.revoked()).isTrue());
    assertThat(vm.doneProperty().get()).isEqualTo("Floor PC mill-pc revoked.");
  }

  @Test
  void theQuarantineNamesEachPcAndNarrowsByWhatIsTyped() {
    server.devices.add(Device.newBuilder().setId("d1").setName("boiler-pc").build());
    server.quarantine.add(reading("d1", 1, "boiler.pressure", "41", "unknown tag"));
    server.quarantine.add(reading("d1", 2, "mill.speed", "fast", "not a number"));
    QuarantineViewModel vm = new QuarantineViewModel(server, new DirectExecutor(), messages);
    vm.refresh();
    assertThat(vm.rows()).extracting(QuarantineViewModel.Row::device).containsOnly("boiler-pc");
    vm.filterProperty().set("NUMBER");
    assertThat(vm.rows())
        .singleElement()
        .extracting(QuarantineViewModel.Row::value)
        .isEqualTo("fast");
    assertThat(vm.getMessage()).isEqualTo("1 of 2 readings");
    assertThat(vm.devices())
        .extracting(QuarantineViewModel.DeviceChoice::name)
        .contains("boiler-pc");
  }

  private static QuarantinedReading reading(
      String device, long seq, String tag, String value, String reason) {
    return QuarantinedReading.newBuilder()
        .setDeviceId(device)
        .setSeq(seq)
        .setTagKey(tag)
        .setValue(value)
        .setReason(reason)
        .setReceivedAt(Timestamp.newBuilder().setSeconds(1_800_000_000L))
        .build();
  }
}
