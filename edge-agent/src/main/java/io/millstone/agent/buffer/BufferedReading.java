package io.millstone.agent.buffer;

import java.time.Instant;

/** A reading kept in the buffer: its sequence number is its row id, never reused. */
public record BufferedReading(
    long seq, String tagKey, Instant sourceTime, String value, int quality) {}
