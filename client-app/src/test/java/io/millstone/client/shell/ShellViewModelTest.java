package io.millstone.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.core.RecordLookup;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ConnectionState;
import io.millstone.client.support.DirectExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2AL;

class ShellViewModelTest {
  private static ScreenDefinition screen(String id, String permission) {
    return new ScreenDefinition(
        id, "screen." + id, "domain.masterdata", permission, Material2AL.ADD, f -> null);
  }

  private final List<ScreenDefinition> all =
      List.of(
          screen("items", "masterdata.items.read"),
          screen("customers", "masterdata.customers.read"),
          screen("users", "identity.users.read"));

  private ShellViewModel vm(Messages m, String... permissions) {
    return new ShellViewModel(
        new ShellViewModel.Context("127.0.0.1:50051", "Admin", "Mill", Set.of(permissions)),
        all,
        new DirectExecutor(),
        m);
  }

  @Test
  void onlyScreensTheSessionMayReadAreOffered() {
    ShellViewModel vm = vm(new Messages(Messages.ENGLISH), "masterdata.customers.read");

    assertThat(vm.screens()).extracting(ScreenDefinition::id).containsExactly("customers");
    assertThat(vm.canOpen("items")).isFalse();
  }

  @Test
  void aDomainsScreensStandTogetherWhereverTheyWereRegistered() {
    ScreenDefinition monitor =
        new ScreenDefinition(
            "monitor", "screen.monitor", "domain.factory", "p", Material2AL.ADD, f -> null);
    ScreenDefinition users =
        new ScreenDefinition(
            "users", "screen.users", "domain.admin", "p", Material2AL.ADD, f -> null);
    ScreenDefinition machines =
        new ScreenDefinition(
            "machines", "screen.machines", "domain.factory", "p", Material2AL.ADD, f -> null);
    ShellViewModel vm =
        new ShellViewModel(
            new ShellViewModel.Context("127.0.0.1:50051", "Admin", "Mill", Set.of("p")),
            List.of(monitor, users, machines),
            new DirectExecutor(),
            new Messages(Messages.ENGLISH));

    assertThat(vm.screens())
        .extracting(ScreenDefinition::id)
        .containsExactly("monitor", "machines", "users");
  }

  @Test
  void thePaletteFindsAScreenByPartOfItsName() {
    ShellViewModel vm =
        vm(new Messages(Messages.ENGLISH), "masterdata.items.read", "masterdata.customers.read");

    List<ShellViewModel.PaletteEntry> found = vm.palette("cust");

    assertThat(found.get(0))
        .isEqualTo(new ShellViewModel.PaletteEntry("Customers", "customers", ""));
  }

  @Test
  void thePaletteOffersToFindTypedTextInEveryList() {
    ShellViewModel vm = vm(new Messages(Messages.ENGLISH), "masterdata.items.read");

    assertThat(vm.palette("SUG-L30"))
        .contains(new ShellViewModel.PaletteEntry("Find “SUG-L30” in Items", "items", "SUG-L30"));
  }

  @Test
  void thePaletteFindsScreensByTheirBanglaNames() {
    ShellViewModel vm = vm(new Messages(Messages.BANGLA), "masterdata.customers.read");

    assertThat(vm.palette("ক্রেতা").get(0).screenId()).isEqualTo("customers");
  }

  @Test
  void aLostConnectionIsShownAsReconnecting() {
    ShellViewModel vm = vm(new Messages(Messages.ENGLISH));

    vm.connectionChanged(ConnectionState.RECONNECTING);

    assertThat(vm.connectionTextProperty().get()).isEqualTo("Connection lost — reconnecting…");
  }

  /** Records of one kind, found by code or name as the server's quick filter does for a word. */
  private static final class Lookup implements RecordLookup {
    final String screenId;
    final List<String> records;
    final List<String> asked = new CopyOnWriteArrayList<>();
    Runnable whileAsked = () -> {};

    Lookup(String screenId, String... records) {
      this.screenId = screenId;
      this.records = List.of(records);
    }

    @Override
    public String screenId() {
      return screenId;
    }

    @Override
    public List<Hit> find(String text, int limit) {
      asked.add(text);
      whileAsked.run();
      String q = text.toLowerCase(Locale.ROOT);
      return records.stream()
          .filter(r -> r.toLowerCase(Locale.ROOT).contains(q))
          .limit(limit)
          .map(r -> new Hit(r, screenId, () -> opened.add(r)))
          .toList();
    }
  }

  private static final List<String> opened = Collections.synchronizedList(new ArrayList<>());

  private final Lookup items =
      new Lookup("items", "SUG-00100 Refined sugar", "ITM-00001 Quick lime", "SUG-00200 Raw sugar");
  private final Lookup customers = new Lookup("customers", "C-SUGARCO Sugar Co. Ltd");

  private ShellViewModel searching(UiTaskExecutor executor, Duration debounce, String... perms) {
    return new ShellViewModel(
        new ShellViewModel.Context("127.0.0.1:50051", "Admin", "Mill", Set.of(perms)),
        all,
        List.of(items, customers),
        debounce,
        executor,
        new Messages(Messages.ENGLISH));
  }

  private ShellViewModel searching(
      UiTaskExecutor executor, ShellViewModel.Pause pause, String... perms) {
    return new ShellViewModel(
        new ShellViewModel.Context("127.0.0.1:50051", "Admin", "Mill", Set.of(perms)),
        all,
        List.of(items, customers),
        Duration.ofMillis(300),
        pause,
        executor,
        new Messages(Messages.ENGLISH));
  }

  @Test
  void typingPartOfACodeListsTheMatchingRecordsAndEnterOpensTheChosenOne() {
    ShellViewModel vm =
        searching(
            new DirectExecutor(),
            Duration.ZERO,
            "masterdata.items.read",
            "masterdata.customers.read");

    vm.search("SUG");

    List<ShellViewModel.PaletteEntry> records =
        vm.entries().stream().filter(ShellViewModel.PaletteEntry::isRecord).toList();
    assertThat(records)
        .extracting(ShellViewModel.PaletteEntry::label)
        .containsExactly(
            "items: SUG-00100 Refined sugar",
            "items: SUG-00200 Raw sugar",
            "customers: C-SUGARCO Sugar Co. Ltd");
    // Records come before the "find … in a list" choices, so Enter on the first opens a record.
    assertThat(vm.entries().get(0).isRecord()).isTrue();
    opened.clear();
    records.get(1).hit().open().run();
    assertThat(opened).containsExactly("SUG-00200 Raw sugar");
  }

  @Test
  void recordsOfAScreenTheSessionMayNotOpenAreNotLookedUp() {
    ShellViewModel vm = searching(new DirectExecutor(), Duration.ZERO, "masterdata.items.read");

    vm.search("SUG");

    assertThat(customers.asked).isEmpty();
    assertThat(vm.entries())
        .filteredOn(ShellViewModel.PaletteEntry::isRecord)
        .extracting(ShellViewModel.PaletteEntry::screenId)
        .containsOnly("items");
  }

  @Test
  void anAnswerForTextThatHasSinceChangedIsDropped() {
    ShellViewModel vm = searching(new DirectExecutor(), Duration.ZERO, "masterdata.items.read");
    // The person types on while the server answers "SU": the newer text is searched after it.
    items.whileAsked =
        () -> {
          if (items.asked.size() == 1) {
            vm.search("lime");
          }
        };

    vm.search("SU");

    assertThat(items.asked).containsExactly("SU", "lime");
    assertThat(vm.entries())
        .filteredOn(ShellViewModel.PaletteEntry::isRecord)
        .extracting(ShellViewModel.PaletteEntry::label)
        .containsExactly("items: ITM-00001 Quick lime");
  }

  @Test
  void aSingleLetterDoesNotAskTheServer() {
    ShellViewModel vm = searching(new DirectExecutor(), Duration.ZERO, "masterdata.items.read");

    vm.search("S");

    assertThat(items.asked).isEmpty();
    assertThat(vm.searchingProperty().get()).isFalse();
  }

  @Test
  void typingQuicklyAsksTheServerOnlyOnceTypingPauses() throws Exception {
    // The debounce ends when the test says typing has paused, not after a number of milliseconds:
    // "quickly" means every key comes before that, however slow the machine.
    CountDownLatch typingPaused = new CountDownLatch(1);
    try (ThreadedExecutor executor = new ThreadedExecutor()) {
      ShellViewModel vm =
          executor.onUi(
              () -> searching(executor, d -> typingPaused.await(), "masterdata.items.read"));

      for (String typed : List.of("S", "SU", "SUG", "SUG-", "SUG-002")) {
        executor.onUi(
            () -> {
              vm.search(typed);
              return null;
            });
      }
      assertThat(items.asked).as("nothing asked while typing").isEmpty();
      typingPaused.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (executor.onUi(() -> vm.searchingProperty().get())) {
        assertThat(System.nanoTime()).as("the search to finish within 30 s").isLessThan(deadline);
        Thread.sleep(20);
      }

      assertThat(items.asked).containsExactly("SUG-002");
      assertThat(executor.onUi(() -> List.copyOf(vm.entries())))
          .filteredOn(ShellViewModel.PaletteEntry::isRecord)
          .extracting(ShellViewModel.PaletteEntry::label)
          .containsExactly("items: SUG-00200 Raw sugar");
    }
  }

  /**
   * Work on a pool, results on one "UI" thread, cancellation by interrupt: as the real executor
   * does, without a screen.
   */
  private static final class ThreadedExecutor implements UiTaskExecutor, AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    <T> T onUi(Callable<T> c) throws Exception {
      return ui.submit(c).get(30, TimeUnit.SECONDS);
    }

    @Override
    public <T> Handle submit(
        Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
      Future<?> f =
          pool.submit(
              () -> {
                try {
                  T r = work.call();
                  ui.execute(() -> onSuccess.accept(r));
                } catch (Exception e) {
                  ui.execute(() -> onFailure.accept(e));
                }
              });
      return () -> f.cancel(true);
    }

    @Override
    public <T> Handle submitWithProgress(
        ProgressWork<T> work,
        Consumer<Double> onProgress,
        Consumer<T> onSuccess,
        Consumer<Throwable> onFailure) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void runOnUiThread(Runnable r) {
      ui.execute(r);
    }

    @Override
    public void close() {
      pool.shutdownNow();
      ui.shutdownNow();
    }
  }
}
