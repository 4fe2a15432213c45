package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.PagedRows;
import io.millstone.client.support.DirectExecutor;
import io.millstone.client.support.InMemoryRows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagedRowsTest {
  private final List<Throwable> errors = new ArrayList<>();

  @Test
  void aRowIsAPlaceholderUntilItsPageArrivesAndOnlyThatPageIsFetched() {
    InMemoryRows source = new InMemoryRows(10_000, true);
    PagedRows<String> rows = new PagedRows<>(source, new DirectExecutor(), 100, 8, errors::add);
    rows.reset(PageSource.Query.ALL);

    assertThat(rows.size()).isEqualTo(10_000);
    assertThat(rows.get(250)).isNull();
    assertThat(rows.get(250)).isEqualTo("ROW-00250");
    assertThat(rows.loadedPagesProperty().get()).isLessThanOrEqualTo(3);
    assertThat(errors).isEmpty();
  }

  @Test
  void scrollingToTheEndOfTenThousandRowsKeepsOnlyAWindowOfPagesInMemory() {
    InMemoryRows source = new InMemoryRows(10_000, true);
    PagedRows<String> rows = new PagedRows<>(source, new DirectExecutor(), 100, 8, errors::add);
    rows.reset(PageSource.Query.ALL);

    for (int i = 0; i < rows.size(); i += 37) {
      rows.get(i);
    }
    rows.get(9_999);

    assertThat(rows.get(9_999)).isEqualTo("ROW-09999");
    assertThat(rows.loadedPagesProperty().get()).isLessThanOrEqualTo(8);
    assertThat(source.calls.get()).isEqualTo(100);
  }

  @Test
  void jumpingFarAheadWalksThePageTokensAndComesBackToEvictedPages() {
    InMemoryRows source = new InMemoryRows(5_000, true);
    PagedRows<String> rows = new PagedRows<>(source, new DirectExecutor(), 100, 4, errors::add);
    rows.reset(PageSource.Query.ALL);

    rows.get(4_321);
    assertThat(rows.peek(4_321)).isEqualTo("ROW-04321");
    assertThat(rows.peek(0)).as("the first page left the window").isNull();
    rows.get(5);
    assertThat(rows.peek(5)).isEqualTo("ROW-00005");
  }

  @Test
  void withoutATotalTheListGrowsAPageAtATimeAndEndsExactly() {
    InMemoryRows source = new InMemoryRows(250, false);
    PagedRows<String> rows = new PagedRows<>(source, new DirectExecutor(), 100, 8, errors::add);
    rows.reset(PageSource.Query.ALL);

    assertThat(rows.size()).isEqualTo(101);
    rows.get(100);
    assertThat(rows.size()).isEqualTo(201);
    rows.get(200);
    assertThat(rows.size()).isEqualTo(250);
    assertThat(rows.get(249)).isEqualTo("ROW-00249");
  }

  @Test
  void aNewFilterStartsAgainFromTheFirstPage() {
    InMemoryRows source = new InMemoryRows(10_000, true);
    PagedRows<String> rows = new PagedRows<>(source, new DirectExecutor(), 100, 8, errors::add);
    rows.reset(PageSource.Query.ALL);
    rows.get(5_000);

    rows.reset(new PageSource.Query("ROW-0999", ""));

    assertThat(rows.size()).isEqualTo(10);
    assertThat(rows.get(0)).isEqualTo("ROW-09990");
  }
}
