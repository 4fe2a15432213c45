package io.millstone.agent.source;

import io.millstone.agent.config.SourceConfig;

/** Makes the source a configuration names. */
public final class Sources {
  private Sources() {}

  public static Source create(SourceConfig config) {
    return switch (config.type()) {
      case "simulator" -> new SimulatorSource(config);
      case "modbus-tcp" -> new ModbusTcpSource(config);
      case "opcua" -> new OpcUaSource(config);
      default ->
          throw new IllegalArgumentException(
              "source '"
                  + config.name()
                  + "': unknown type '"
                  + config.type()
                  + "'; this agent knows: simulator, modbus-tcp, opcua");
    };
  }
}
