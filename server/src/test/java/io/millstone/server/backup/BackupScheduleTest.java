package io.millstone.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import io.millstone.server.TestServer;
import io.millstone.server.platform.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled backups: one per interval across nodes, the newest few kept, none lost to a failure.
 */
class BackupScheduleTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    volatile Instant now = Instant.parse("2031-03-01T02:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void someBusinessData() {
    try (TestServer t = new TestServer()) {
      t.createCompany("Backed-up Mill " + t.unique("x"));
    }
  }

  @BeforeEach
  void forgetEarlierBackups() {
    TestPlatform.get().redis().del(BackupSchedule.LAST_KEY);
  }

  private BackupSchedule node(DatabaseSettings db, HandClock clock, int keep) {
    return new BackupSchedule(
        db,
        TestPlatform.get().redis(),
        dir.resolve("data"),
        dir.resolve("backups"),
        Duration.ofHours(24),
        keep,
        clock);
  }

  private List<String> files() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void twoNodesDueAtTheSameTimeTakeOneBackupAndOnlyTheNewestAreKept() throws Exception {
    DatabaseSettings db = TestPlatform.get().database().settings();
    HandClock clock = new HandClock();
    BackupSchedule a = node(db, clock, 2);
    BackupSchedule b = node(db, clock, 2);
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<BackupSchedule.Outcome> fromA =
        CompletableFuture.supplyAsync(
            () -> {
              await(together);
              return a.runIfDue();
            });
    BackupSchedule.Outcome fromB = (await(together) >= 0) ? b.runIfDue() : null;
    List<BackupSchedule.Outcome> both = List.of(fromA.get(), fromB);

    assertThat(both).filteredOn(o -> o instanceof BackupSchedule.Outcome.Taken).hasSize(1);
    assertThat(both)
        .filteredOn(o -> !(o instanceof BackupSchedule.Outcome.Taken))
        .hasOnlyElementsOfTypes(
            BackupSchedule.Outcome.TakenElsewhere.class, BackupSchedule.Outcome.NotDue.class);
    assertThat(files()).containsExactly("millstone-backup-20310301T020000Z.zip");

    clock.advance(Duration.ofHours(23));
    assertThat(b.runIfDue()).isInstanceOf(BackupSchedule.Outcome.NotDue.class);
    clock.advance(Duration.ofHours(1));
    assertThat(b.runIfDue())
        .isEqualTo(
            new BackupSchedule.Outcome.Taken(
                dir.resolve("backups/millstone-backup-20310302T020000Z.zip"), 0));
    clock.advance(Duration.ofHours(24));
    assertThat(a.runIfDue()).isInstanceOf(BackupSchedule.Outcome.Taken.class);
    assertThat(files())
        .containsExactly(
            "millstone-backup-20310302T020000Z.zip", "millstone-backup-20310303T020000Z.zip");
  }

  @Test
  void aBackupThatFailsDeletesNoneOfThePreviousOnes() throws Exception {
    DatabaseSettings db = TestPlatform.get().database().settings();
    HandClock clock = new HandClock();
    assertThat(node(db, clock, 1).runIfDue()).isInstanceOf(BackupSchedule.Outcome.Taken.class);
    List<String> before = files();

    clock.advance(Duration.ofDays(2));
    DatabaseSettings gone =
        new DatabaseSettings(
            db.jdbcUrl().replace("/millstone", "/no_such_database"),
            db.ownerUser(),
            db.ownerPassword(),
            db.runtimeUser(),
            db.runtimePassword(),
            1);
    BackupSchedule.Outcome failed = node(gone, clock, 1).runIfDue();

    assertThat(failed).isInstanceOf(BackupSchedule.Outcome.Failed.class);
    assertThat(((BackupSchedule.Outcome.Failed) failed).reason()).contains("no_such_database");
    assertThat(files()).as("the previous backup is kept, no partial file left").isEqualTo(before);
  }

  private static int await(CyclicBarrier b) {
    try {
      return b.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
