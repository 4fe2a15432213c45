package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ExportFormat;
import io.millstone.client.core.list.Exports;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.Page;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.support.DirectExecutor;
import io.millstone.client.support.InMemoryRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list exports to Excel with real number and date cells and a bold frozen header, in the columns
 * as shown; a failed or cancelled export leaves no file that looks complete.
 */
class ListExportTest {
  @TempDir Path dir;
  private final List<String> notes = new ArrayList<>();
  private final Messages messages = new Messages(Messages.ENGLISH);

  private ListViewModel<String> vm(PageSource<String> source) {
    return new ListViewModel<>(
        "items",
        source,
        null,
        List.of(
            new ColumnSpec<>("code", "items.code", s -> s, "code", 100),
            new ColumnSpec<>("name", "items.name", s -> "Name, of " + s, null, 140),
            ColumnSpec.numeric(
                "qty",
                "stock.quantity",
                s -> "1,2" + s.substring(s.length() - 2) + ".50",
                null,
                80),
            new ColumnSpec<>(
                "posted",
                "stock.posted",
                s ->
                    Dates.dateTime(
                        LocalDateTime.of(2026, 12, 7, 10, 15).toInstant(ZoneOffset.ofHours(6))),
                null,
                120)),
        new DirectExecutor(),
        messages,
        (t, x) -> notes.add(t + ": " + x));
  }

  static String sheet(Path xlsx) throws IOException {
    try (ZipFile z = new ZipFile(xlsx.toFile())) {
      return new String(
          z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
    }
  }

  static String styles(Path xlsx) throws IOException {
    try (ZipFile z = new ZipFile(xlsx.toFile())) {
      return new String(
          z.getInputStream(z.getEntry("xl/styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String cell(String sheet, String ref) {
    Matcher m = Pattern.compile("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)").matcher(sheet);
    assertThat(m.find()).as("cell " + ref).isTrue();
    return m.group();
  }

  @Test
  void excelHasNumberAndDateCellsABoldFrozenHeaderAndTheShownColumnsInOrder() throws Exception {
    ListViewModel<String> vm = vm(new InMemoryRows(1_234, true));
    vm.refresh();
    Path file = dir.resolve("items.xlsx");

    vm.export(file, ExportFormat.XLSX, List.of("qty", "code", "posted"));

    assertThat(file).exists();
    assertThat(Exports.partOf(file)).doesNotExist();
    String xml = sheet(file);
    // Header: the shown columns' titles, in the table's order; "name" was hidden.
    assertThat(cell(xml, "A1")).contains("Quantity").contains("t=\"inlineStr\"");
    assertThat(cell(xml, "B1")).contains("Code");
    assertThat(xml).doesNotContain("Name, of");
    assertThat(xml).contains("<pane").contains("ySplit=\"1\"").contains("state=\"frozen\"");
    assertThat(styles(file)).contains("<b/>");
    // A number cell holds the number, not its grouped text.
    String qty = cell(xml, "A2");
    assertThat(qty).contains("t=\"n\"").contains("<v>1200.5");
    assertThat(cell(xml, "B2")).contains("t=\"inlineStr\"").contains("ROW-00000");
    // A date-time cell is a number (Excel's day count) with a date format.
    String posted = cell(xml, "C2");
    assertThat(posted).doesNotContain("inlineStr").contains(" s=\"").contains("<v>46363");
    assertThat(styles(file)).contains("dd/mm/yyyy hh:mm");
    assertThat(xml).contains("r=\"1235\"").doesNotContain("r=\"1236\"");
    assertThat(notes).containsExactly("Export finished: 1,234 rows written to items.xlsx");
  }

  @Test
  void aFailedExportLeavesNoFileAndNoPart() {
    PageSource<String> failing =
        new PageSource<>() {
          final InMemoryRows rows = new InMemoryRows(5_000, true);

          @Override
          public Page<String> fetch(Query q, String token, int size) throws Exception {
            if (rows.calls.get() >= 3) {
              throw new IOException("connection lost");
            }
            return rows.fetch(q, token, size);
          }
        };
    ListViewModel<String> vm = vm(failing);
    Path file = dir.resolve("items.xlsx");

    vm.export(file, ExportFormat.XLSX, null);

    assertThat(file).doesNotExist();
    assertThat(Exports.partOf(file)).doesNotExist();
    assertThat(vm.messageProperty().get()).isNotEmpty();
    assertThat(notes).isEmpty();
  }

  @Test
  void aCancelledExportDeletesItsPartInBothFormats() throws Exception {
    for (ExportFormat f : ExportFormat.values()) {
      Path file = dir.resolve("cancelled." + f.extension());
      boolean[] cancelled = {false};
      UiTaskExecutor.Progress progress =
          new UiTaskExecutor.Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
              return cancelled[0];
            }
          };
      assertThatThrownBy(
              () ->
                  Exports.write(
                      file,
                      f,
                      "Cancelled",
                      new Exports.Columns(
                          List.of("A", "B"), new boolean[] {false, true}, new double[2]),
                      (rows, p) -> {
                        for (int i = 0; i < 10_000; i++) {
                          if (i == 2_500) {
                            // The person pressed Cancel: the .part exists and is half written.
                            assertThat(Exports.partOf(file)).exists();
                            cancelled[0] = true;
                          }
                          rows.row(List.of("r" + i, Integer.toString(i)));
                        }
                        return 10_000;
                      },
                      progress))
          .isInstanceOf(InterruptedException.class);
      assertThat(file).doesNotExist();
      assertThat(Exports.partOf(file)).doesNotExist();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void csvStillWritesTheShownColumns() throws Exception {
    ListViewModel<String> vm = vm(new InMemoryRows(3, true));
    vm.refresh();
    Path file = dir.resolve("items.csv");

    vm.export(file, ExportFormat.CSV, List.of("code", "qty"));

    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
        .containsExactly(
            "\uFEFFCode,Quantity",
            "ROW-00000,\"1,200.50\"",
            "ROW-00001,\"1,201.50\"",
            "ROW-00002,\"1,202.50\"");
  }
}
