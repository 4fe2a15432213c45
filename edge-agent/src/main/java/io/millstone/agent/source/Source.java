package io.millstone.agent.source;

import io.millstone.agent.buffer.Sample;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Something on the floor that gives readings: the simulator, a Modbus TCP device, an OPC UA server.
 * A source reads on its own schedule and hands each round of readings to the sink; the sink buffers
 * them durably, so a source never needs to keep anything itself.
 */
public interface Source extends AutoCloseable {
  String name();

  /** Starts reading; {@code sink} is called from the source's own thread. */
  void start(Consumer<List<Sample>> sink);

  /**
   * How the link to the machine is doing, for the status file ({@code connected}, {@code
   * last_error}, …); empty when there is nothing to tell.
   */
  default Map<String, String> status() {
    return Map.of();
  }

  /** Stops reading; after it returns the sink is not called again. */
  @Override
  void close();
}
