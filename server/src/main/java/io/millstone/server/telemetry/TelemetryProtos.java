package io.millstone.server.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.telemetry.model.Device;

/** Conversions between telemetry values and their contract messages. */
final class TelemetryProtos {
  private TelemetryProtos() {}

  static Tag tag(io.millstone.server.telemetry.model.Tag t) {
    var d = t.definition();
    return Tag.newBuilder()
        .setId(t.id().toString())
        .setKey(t.key())
        .setName(d.name())
        .setUnit(d.unit())
        .setValueType(ValueType.valueOf("VALUE_TYPE_" + d.valueType().name()))
        .setExpectedMin(ProtoValues.decimal(d.expectedMin()))
        .setExpectedMax(ProtoValues.decimal(d.expectedMax()))
        .setAlarmLow(ProtoValues.decimal(d.alarmLow()))
        .setAlarmHigh(ProtoValues.decimal(d.alarmHigh()))
        .setHysteresis(ProtoValues.decimal(d.hysteresis()))
        .setIsRunState(d.runState())
        .build();
  }

  static Machine machine(MachineAdmin.MachineView v) {
    var b =
        Machine.newBuilder()
            .setId(v.machine().id().toString())
            .setCode(v.machine().code())
            .setName(v.machine().name())
            .setArea(v.machine().area())
            .setActive(v.machine().active())
            .setVersion(v.machine().version());
    v.tags().forEach(t -> b.addTags(tag(t)));
    return b.build();
  }

  static io.millstone.server.telemetry.model.Tag.ValueType valueType(ValueType t) {
    return switch (t) {
      case VALUE_TYPE_NUMBER -> io.millstone.server.telemetry.model.Tag.ValueType.NUMBER;
      case VALUE_TYPE_BOOLEAN -> io.millstone.server.telemetry.model.Tag.ValueType.BOOLEAN;
      case VALUE_TYPE_COUNTER -> io.millstone.server.telemetry.model.Tag.ValueType.COUNTER;
      default -> null;
    };
  }

  static io.millstone.api.telemetry.v1.Device device(Device d) {
    return io.millstone.api.telemetry.v1.Device.newBuilder()
        .setId(d.id().toString())
        .setName(d.name())
        .setState(d.state().name())
        .setHighWaterMark(d.highWaterMark())
        .setLastSeenAt(ProtoValues.timestamp(d.lastSeenAt()))
        .setAgentVersion(d.agentVersion())
        .build();
  }
}
