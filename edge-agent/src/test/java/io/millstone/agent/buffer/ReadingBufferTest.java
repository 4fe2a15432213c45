package io.millstone.agent.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buffer on a real SQLite file: order, acks, restarts, a full disk, a replaced file. */
class ReadingBufferTest {
  @TempDir Path dir;

  static List<Sample> samples(int n, Instant from) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Sample.good("mill1.speed", from.plusMillis(i), String.valueOf(5 + i % 10 / 10.0)));
    }
    return out;
  }

  ReadingBuffer open() {
    return ReadingBuffer.open(dir.resolve("buffer.db"));
  }

  @Test
  void readingsAreNumberedFromOneInTheOrderTheyArriveAndComeBackInThatOrder() {
    Instant t0 = Instant.parse("2026-11-23T06:00:00.123456Z");
    try (ReadingBuffer b = open()) {
      ReadingBuffer.Appended a = b.append(samples(3, t0));
      ReadingBuffer.Appended c = b.append(samples(2, t0.plusSeconds(1)));

      assertThat(a.firstSeq()).isEqualTo(1);
      assertThat(a.lastSeq()).isEqualTo(3);
      assertThat(c.firstSeq()).isEqualTo(4);
      List<BufferedReading> all = b.nextUnsent(0, 100);
      assertThat(all).extracting(BufferedReading::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(all.get(0).sourceTime()).isEqualTo(t0);
      assertThat(all.get(0).value()).isEqualTo("5.0");
      assertThat(b.nextUnsent(3, 1)).extracting(BufferedReading::seq).containsExactly(4L);
      assertThat(b.depth()).isEqualTo(5);
      assertThat(b.oldestUnsentTime()).contains(t0);
    }
  }

  @Test
  void anAckDeletesExactlyTheReadingsAtOrBelowIt() {
    try (ReadingBuffer b = open()) {
      b.append(samples(10, Instant.now()));

      b.ack(4);

      assertThat(b.depth()).isEqualTo(6);
      assertThat(b.nextUnsent(0, 100)).extracting(BufferedReading::seq).startsWith(5L).hasSize(6);
      assertThat(b.lastAckSeq()).isEqualTo(4);
      assertThat(b.lastAckAt()).isPresent();
    }
  }

  @Test
  void aReopenedBufferHoldsExactlyTheUnackedReadingsAndNeverReusesANumber() {
    try (ReadingBuffer b = open()) {
      b.append(samples(100, Instant.now()));
      b.ack(100); // everything acked: the table is empty, only the sequence remembers
      b.append(samples(5, Instant.now()));
      b.ack(102);
    }
    try (ReadingBuffer b = open()) {
      assertThat(b.depth()).isEqualTo(3);
      assertThat(b.nextUnsent(0, 100))
          .extracting(BufferedReading::seq)
          .containsExactly(103L, 104L, 105L);
      assertThat(b.lastAckSeq()).isEqualTo(102);
      b.ack(105);
    }
    try (ReadingBuffer b = open()) {
      assertThat(b.depth()).isZero();
      assertThat(b.append(samples(1, Instant.now())).firstSeq())
          .as("after a restart with an empty table, numbering continues")
          .isEqualTo(106);
    }
  }

  @Test
  void aFullBufferRefusesNewReadingsKeepsTheOldOnesAndCountsTheDroppedAcrossRestarts() {
    ReadingBuffer.Limits small = new ReadingBuffer.Limits(10, 0);
    Path file = dir.resolve("small.db");
    try (ReadingBuffer b = ReadingBuffer.open(file, small, Clock.systemUTC())) {
      ReadingBuffer.Appended a = b.append(samples(8, Instant.now()));
      ReadingBuffer.Appended c = b.append(samples(5, Instant.now()));

      assertThat(a.accepted()).isEqualTo(8);
      assertThat(c.accepted()).isEqualTo(2);
      assertThat(c.dropped()).isEqualTo(3);
      assertThat(b.depth()).isEqualTo(10);
      assertThat(b.nextUnsent(0, 100))
          .extracting(BufferedReading::seq)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      b.ack(5);
      assertThat(b.append(samples(6, Instant.now())).accepted())
          .as("room again once the server acked")
          .isEqualTo(5);
    }
    try (ReadingBuffer b = ReadingBuffer.open(file, small, Clock.systemUTC())) {
      assertThat(b.dropped()).isEqualTo(4);
    }
  }

  @Test
  void aBufferWithLessFreeDiskThanTheReserveRefusesEverything() {
    ReadingBuffer.Limits reserveAll = new ReadingBuffer.Limits(1_000_000, Long.MAX_VALUE);
    try (ReadingBuffer b =
        ReadingBuffer.open(dir.resolve("disk.db"), reserveAll, Clock.systemUTC())) {
      assertThat(b.append(samples(7, Instant.now())).dropped()).isEqualTo(7);
      assertThat(b.depth()).isZero();
      assertThat(b.dropped()).isEqualTo(7);
    }
  }

  @Test
  void aNewBufferBehindTheServersMarkRenumbersItsReadingsAboveTheMarkInsteadOfDeletingThem() {
    try (ReadingBuffer b = open()) {
      b.append(samples(4, Instant.now()));

      long moved = b.reconcile(5000);

      assertThat(moved).isEqualTo(4);
      assertThat(b.nextUnsent(5000, 100))
          .extracting(BufferedReading::seq)
          .containsExactly(5001L, 5002L, 5003L, 5004L);
      assertThat(b.append(samples(1, Instant.now())).firstSeq()).isEqualTo(5005);
    }
    try (ReadingBuffer b = open()) {
      assertThat(b.append(samples(1, Instant.now())).firstSeq()).isEqualTo(5006);
    }
  }

  @Test
  void aServerMarkWithinTheBufferActsAsAnAck() {
    try (ReadingBuffer b = open()) {
      b.append(samples(10, Instant.now()));

      assertThat(b.reconcile(7)).isZero();

      assertThat(b.nextUnsent(0, 100))
          .extracting(BufferedReading::seq)
          .containsExactly(8L, 9L, 10L);
    }
  }

  @Test
  void aSecondAgentCannotOpenABufferThatIsInUse() {
    try (ReadingBuffer b = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another agent");
    }
  }
}
