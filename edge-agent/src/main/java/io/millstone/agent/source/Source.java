package io.millstone.agent.source;

import io.millstone.agent.buffer.Sample;
import java.util.List;
import java.util.function.Consumer;

/**
 * Something on the floor that gives readings: the simulator today, Modbus TCP and OPC UA later. A
 * source reads on its own schedule and hands each round of readings to the sink; the sink buffers
 * them durably, so a source never needs to keep anything itself.
 */
public interface Source extends AutoCloseable {
  String name();

  /** Starts reading; {@code sink} is called from the source's own thread. */
  void start(Consumer<List<Sample>> sink);

  /** Stops reading; after it returns the sink is not called again. */
  @Override
  void close();
}
