package io.millstone.client.support;

import io.millstone.client.core.list.Page;
import io.millstone.client.core.list.PageSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** A list source over generated rows "ROW-00000".., paging by offset tokens like a server. */
public final class InMemoryRows implements PageSource<String> {
  private final List<String> rows;
  private final boolean countsTotal;
  public final AtomicInteger calls = new AtomicInteger();

  public InMemoryRows(int n, boolean countsTotal) {
    this.rows = IntStream.range(0, n).mapToObj(i -> String.format("ROW-%05d", i)).toList();
    this.countsTotal = countsTotal;
  }

  @Override
  public Page<String> fetch(Query query, String pageToken, int pageSize) {
    calls.incrementAndGet();
    List<String> matching =
        rows.stream().filter(r -> query.filter().isEmpty() || r.contains(query.filter())).toList();
    int from = pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
    int to = Math.min(matching.size(), from + pageSize);
    return new Page<>(
        matching.subList(from, to),
        to < matching.size() ? Integer.toString(to) : "",
        countsTotal ? matching.size() : -1);
  }
}
