package io.millstone.agent.uplink;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the uplink is doing, for {@code status} and for tests.
 *
 * @param clockSkew the server's clock minus ours, measured at the last Welcome or Ack
 * @param clockSkewed whether that difference is above the configured limit
 */
public record UplinkStatus(
    boolean connected,
    long lastAckedSeq,
    Optional<Instant> lastAckAt,
    Optional<Duration> clockSkew,
    boolean clockSkewed,
    long sessions,
    long batchesSent,
    long readingsAccepted,
    long readingsRejected,
    Optional<String> lastError) {}
