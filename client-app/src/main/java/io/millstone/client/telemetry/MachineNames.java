package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Machine and tag names by id, so lists of alarms and stops can say "Mill 1 · Mill speed". */
final class MachineNames {
  private final Map<String, Machine> machines = new HashMap<>();
  private final Map<String, Tag> tags = new HashMap<>();

  MachineNames(List<Machine> list) {
    for (Machine m : list) {
      machines.put(m.getId(), m);
      for (Tag t : m.getTagsList()) {
        tags.put(t.getId(), t);
      }
    }
  }

  String machine(String id) {
    Machine m = machines.get(id);
    if (m == null) {
      return id;
    }
    return m.getArea().isBlank() ? m.getName() : m.getArea() + " \u00b7 " + m.getName();
  }

  Tag tag(String id) {
    return tags.get(id);
  }

  boolean isRunState(String tagId) {
    Tag t = tags.get(tagId);
    return t != null && t.getIsRunState();
  }
}
