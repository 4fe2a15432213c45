package io.millstone.client.telemetry;

import io.millstone.api.production.v1.MachineOee;
import io.millstone.api.telemetry.v1.CreateDeviceResponse;
import io.millstone.api.telemetry.v1.Device;
import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.QuarantinedReading;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import java.util.List;

/**
 * What the plant's administration asks of the server: machines and their tags, a machine's OEE
 * settings, floor PCs (devices) and the readings kept in quarantine. Every method blocks; call it
 * off the UI thread.
 */
public interface PlantGateway {

  /** A tag as typed: numbers still text, so the server's field violations name the field typed. */
  record TagDraft(
      String machineId,
      String key,
      String name,
      String unit,
      ValueType valueType,
      String expectedMin,
      String expectedMax,
      String alarmLow,
      String alarmHigh,
      String hysteresis,
      boolean runState) {}

  /** A machine's OEE settings as typed. */
  record OeeDraft(
      String machineCode,
      String idealRatePerHour,
      String rateUnit,
      String producedTagKey,
      String rejectedTagKey) {}

  /** Every machine of the company with its tags. */
  List<Machine> machines() throws Exception;

  /** Creates a machine; the key makes a retried create return the same machine. */
  Machine createMachine(String code, String name, String area, String idempotencyKey)
      throws Exception;

  /** Adds the tag to its machine, or changes the machine's tag with the same key. */
  Tag defineTag(TagDraft draft) throws Exception;

  MachineOee setMachineOee(OeeDraft draft) throws Exception;

  /** The company's floor PCs by name. */
  List<Device> devices() throws Exception;

  /** Registers a floor PC; the answer carries its one-time enrolment token. */
  CreateDeviceResponse createDevice(String name, String idempotencyKey) throws Exception;

  Device revokeDevice(String id) throws Exception;

  /** Readings the server refused, newest first (of one device; empty: all). */
  List<QuarantinedReading> quarantine(String deviceId) throws Exception;
}
