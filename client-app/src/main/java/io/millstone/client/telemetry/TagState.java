package io.millstone.client.telemetry;

/** How a tag's value is coloured: within limits, past a limit, or too old to trust. */
public enum TagState {
  NORMAL("ms-tag-normal"),
  HIGH("ms-tag-high"),
  LOW("ms-tag-low"),
  STALE("ms-tag-stale");

  private final String styleClass;

  TagState(String styleClass) {
    this.styleClass = styleClass;
  }

  public String styleClass() {
    return styleClass;
  }

  /** The state for the server's alarm state ("NORMAL", "HIGH", "LOW"). */
  static TagState ofAlarmState(String s) {
    return switch (s == null ? "" : s) {
      case "HIGH" -> HIGH;
      case "LOW" -> LOW;
      default -> NORMAL;
    };
  }
}
