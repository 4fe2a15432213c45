package io.millstone.server.cane;

import io.millstone.api.telemetry.v1.TagValue;
import io.millstone.server.telemetry.LiveHub;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The weighbridge's live values from telemetry: the latest value of each tag, as the edge agent on
 * the bridge's floor PC reported it (LiveHub's snapshot in Redis).
 */
public final class TelemetryScale implements CaneDesk.ScaleSource {
  private final LiveHub live;

  public TelemetryScale(LiveHub live) {
    this.live = live;
  }

  @Override
  public Map<String, LiveValue> latest(UUID company, UUID machineId) {
    Map<String, LiveValue> out = new HashMap<>();
    String machine = machineId.toString();
    for (TagValue v : live.snapshot(company)) {
      if (machine.equals(v.getMachineId())) {
        out.put(
            v.getTagKey(),
            new LiveValue(
                v.getValue(),
                Instant.ofEpochSecond(
                    v.getSourceTime().getSeconds(), v.getSourceTime().getNanos())));
      }
    }
    return out;
  }
}
