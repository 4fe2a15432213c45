package io.millstone.client.bench;

import io.millstone.client.ClientWindow;
import io.millstone.client.MillstoneClient;
import io.millstone.client.support.LiveServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * {@code scripts/bench client}: time from process start to the sign-in window painted, against a
 * minimal JavaFX window measured the same way in the same run; then the items list of a real server
 * with {@code bench.items} items (100,000 by default) scrolled from top to bottom, timing each
 * pulse's scene work (CSS and layout of the table, from the pulse's pre-layout to its post-layout
 * listener).
 */
public final class ClientBench {
  private ClientBench() {}

  static long firstFrameMillis(String mainClass) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-Dmillstone.bench.firstFrame=true",
            "-Dprism.order=" + System.getProperty("prism.order", "sw"),
            "-cp",
            System.getProperty("java.class.path"),
            mainClass);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment()
        .put("MILLSTONE_CLIENT_CONFIG_DIR", Files.createTempDirectory("bench").toString());
    long start = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = r.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.equals("FIRST_FRAME")) {
          long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          p.waitFor(10, TimeUnit.SECONDS);
          return ms;
        }
      }
      throw new IllegalStateException(mainClass + " never painted a frame:\n" + seen);
    } finally {
      p.destroy();
    }
  }

  static long median(List<Long> v) {
    List<Long> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  public static void main(String[] args) throws Exception {
    int items = Integer.getInteger("bench.items", 100_000);
    // bench.firstFrameRuns=0 skips the first-frame part, for profiling the scrolling alone.
    int runs = Integer.getInteger("bench.firstFrameRuns", 5);
    List<Long> client = new ArrayList<>();
    List<Long> hello = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      hello.add(firstFrameMillis(HelloFx.class.getName()));
      client.add(firstFrameMillis(MillstoneClient.class.getName()));
    }
    long clientMs = runs == 0 ? 0 : median(client);
    long helloMs = runs == 0 ? 1 : median(hello);
    System.out.println("client bench: first frame client=" + client + " hellofx=" + hello);

    LiveServer server = LiveServer.shared();
    UUID company = server.createCompany("Bench Mill");
    String admin = server.createUser(company, server.fresh("admin"), "admin");
    long seedStart = System.nanoTime();
    seed(server, company, items);
    System.out.println(
        "client bench: seeded "
            + items
            + " items in "
            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - seedStart)
            + " s");

    Platform.startup(() -> {});
    CompletableFuture<List<long[]>> pulses = new CompletableFuture<>();
    Path config = Files.createTempDirectory("bench-client");
    Platform.runLater(
        () -> {
          Stage stage = new Stage();
          ClientWindow w =
              new ClientWindow(
                  stage,
                  new ClientWindow.Options(config, server.address(), admin, LiveServer.PASSWORD));
          w.show();
          waitForShellThenScroll(w, stage.getScene(), items, pulses);
        });
    List<long[]> both = pulses.get(30, TimeUnit.MINUTES);
    List<Long> work = new ArrayList<>(both.stream().map(w -> w[0]).toList());
    List<Long> cpu = new ArrayList<>(both.stream().map(w -> w[1]).toList());
    Collections.sort(work);
    Collections.sort(cpu);
    double p99 = p99(work) / 1e6;
    double cpuP99 = p99(cpu) / 1e6;
    long rss = rssMb();
    System.out.println(
        "client bench: scrolled "
            + items
            + " rows in "
            + work.size()
            + " pulses; pulse work p50="
            + String.format("%.2f", work.get(work.size() / 2) / 1e6)
            + " ms max="
            + String.format("%.2f", work.get(work.size() - 1) / 1e6)
            + " ms");
    // The aim is on elapsed time; the UI thread's own CPU time per pulse is printed beside it
    // because on a shared machine the elapsed time also counts waiting for a core.
    System.out.printf(
        "client first_frame_ms=%d hellofx_ms=%d ratio=%.2f scroll_pulse_p99_ms=%.2f"
            + " scroll_pulse_cpu_p99_ms=%.2f rss_mb=%d%n",
        clientMs, helloMs, (double) clientMs / helloMs, p99, cpuP99, rss);
    System.exit(0);
  }

  private static long p99(List<Long> sorted) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
  }

  /**
   * Items straight into the table as the owner role, in one statement: the benchmark is about the
   * client, and creating 100,000 items one by one through the API would take minutes.
   */
  private static void seed(LiveServer server, UUID company, int n) throws Exception {
    try (java.sql.Connection c =
            server.server().platform().database().ownerDataSource().getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO item (id, company_id, code, name, unit_code, kind, default_sale_price,"
                    + " tax_category, created_at, updated_at, updated_by)"
                    + " SELECT gen_random_uuid(), ?, 'B-' || lpad(i::text, 6, '0'),"
                    + " 'Bench item ' || i, 'kg', 'CONSUMABLE', 10, 'STANDARD', now(), now(), 'bench'"
                    + " FROM generate_series(0, ? - 1) AS i")) {
      ps.setObject(1, company);
      ps.setInt(2, n);
      ps.executeUpdate();
    }
  }

  @SuppressWarnings("unchecked")
  private static void waitForShellThenScroll(
      ClientWindow w, Scene scene, int items, CompletableFuture<List<long[]>> result) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    new AnimationTimer() {
      TableView<Object> table;
      int row;
      long pre;
      long preCpu;
      final List<long[]> work = new ArrayList<>();
      final Runnable before =
          () -> {
            pre = System.nanoTime();
            preCpu = threads.getCurrentThreadCpuTime();
          };
      final Runnable after =
          () -> {
            if (pre != 0) {
              work.add(
                  new long[] {System.nanoTime() - pre, threads.getCurrentThreadCpuTime() - preCpu});
            }
          };

      @Override
      public void handle(long now) {
        if (table == null) {
          if (w.shell() == null) {
            return;
          }
          if (w.shell().tabs().getTabs().isEmpty()) {
            w.shell().open("items", "");
            return;
          }
          Node n = scene.lookup("#table");
          if (n == null || ((TableView<Object>) n).getItems().size() < items) {
            return;
          }
          table = (TableView<Object>) n;
          scene.addPreLayoutPulseListener(before);
          scene.addPostLayoutPulseListener(after);
          return;
        }
        // About a screenful per frame: a person dragging the scroll bar quickly.
        row = Math.min(items - 1, row + 30);
        table.scrollTo(row);
        if (row == items - 1 && table.getItems().get(row) != null) {
          stop();
          scene.removePreLayoutPulseListener(before);
          scene.removePostLayoutPulseListener(after);
          result.complete(work);
        }
      }
    }.start();
  }

  private static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
