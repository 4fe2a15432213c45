package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.support.DirectExecutor;
import io.millstone.client.support.InMemoryRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListViewModelTest {
  @TempDir Path dir;
  private final List<String> notes = new ArrayList<>();
  private final Messages messages = new Messages(Messages.ENGLISH);

  private ListViewModel<String> vm(InMemoryRows source) {
    return new ListViewModel<>(
        "rows",
        source,
        null,
        List.of(
            new ColumnSpec<>("code", "items.code", s -> s, "code", 100),
            new ColumnSpec<>("name", "items.name", s -> "Name, of " + s, null, 100)),
        new DirectExecutor(),
        messages,
        (t, x) -> notes.add(t + ": " + x));
  }

  @Test
  void exportWritesEveryFilteredRowPageByPageAndAnnouncesIt() throws Exception {
    InMemoryRows source = new InMemoryRows(2_345, true);
    ListViewModel<String> vm = vm(source);
    vm.filterProperty().set("ROW-01");
    vm.refresh();
    Path file = dir.resolve("rows.csv");

    vm.exportCsv(file);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1 + 1_000);
    assertThat(lines.get(0)).isEqualTo("\uFEFFCode,Name");
    assertThat(lines.get(1)).isEqualTo("ROW-01000,\"Name, of ROW-01000\"");
    assertThat(vm.exportProgressProperty().get()).isEqualTo(1.0);
    assertThat(notes).containsExactly("Export finished: 1,000 rows written to rows.csv");
  }

  @Test
  void sortingByAColumnAsksTheServerForThatOrder() {
    ListViewModel<String> vm = vm(new InMemoryRows(10, true));
    vm.refresh();

    vm.sortBy("code", true);

    assertThat(vm.rows().query().orderBy()).isEqualTo("-code");
  }

  @Test
  void theRowCountComesFromTheServersTotal() {
    ListViewModel<String> vm = vm(new InMemoryRows(1_234, true));
    vm.refresh();
    vm.rows().get(0);

    assertThat(vm.statusProperty().get()).isEqualTo("1,234 rows");
  }
}
