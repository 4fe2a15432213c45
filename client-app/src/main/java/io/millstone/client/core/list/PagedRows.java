package io.millstone.client.core.list;

import io.millstone.client.core.UiTaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableListBase;

/**
 * The rows of a server-side list as a virtual list for a table: a row is fetched when a cell asks
 * for it, a page at a time, and only a window of recently used pages is kept. Rows not loaded yet
 * read as {@code null}, which the table draws as a placeholder. Page tokens are opaque, so they are
 * remembered per page to come back to an evicted page; a page beyond the known tokens is reached by
 * walking forward from the last known one.
 *
 * <p>Used from the UI thread only; fetching happens through the {@link UiTaskExecutor}.
 */
public final class PagedRows<T> extends ObservableListBase<T> {
  private final PageSource<T> source;
  private final UiTaskExecutor executor;
  private final int pageSize;
  private final int maxPages;
  private final Consumer<Throwable> onError;

  private PageSource.Query query = PageSource.Query.ALL;
  private int generation;
  private final List<String> tokens = new ArrayList<>();
  private final LinkedHashMap<Integer, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true);
  private final Deque<Integer> wanted = new ArrayDeque<>();
  private boolean fetching;
  private boolean started;
  private long total = -1;
  private int highestPage = -1;
  private int highestPageRows;
  private boolean lastPageSeen;
  private int size;
  private final ReadOnlyLongWrapper loadedPages = new ReadOnlyLongWrapper(0);
  private final ReadOnlyLongWrapper totalRows = new ReadOnlyLongWrapper(-1);
  private final ReadOnlyLongWrapper fetches = new ReadOnlyLongWrapper(0);

  public PagedRows(
      PageSource<T> source,
      UiTaskExecutor executor,
      int pageSize,
      int maxPages,
      Consumer<Throwable> onError) {
    this.source = source;
    this.executor = executor;
    this.pageSize = pageSize;
    this.maxPages = Math.max(3, maxPages);
    this.onError = onError;
  }

  public int pageSize() {
    return pageSize;
  }

  public PageSource.Query query() {
    return query;
  }

  /** Rows known to match: the server's count, or -1 until it is known. */
  public ReadOnlyLongProperty totalRowsProperty() {
    return totalRows.getReadOnlyProperty();
  }

  /** Pages held in memory right now (never more than the window). */
  public ReadOnlyLongProperty loadedPagesProperty() {
    return loadedPages.getReadOnlyProperty();
  }

  /** Pages fetched from the server since the list was created. */
  public ReadOnlyLongProperty fetchesProperty() {
    return fetches.getReadOnlyProperty();
  }

  /** Forgets every row and starts again from the first page with {@code newQuery}. */
  public void reset(PageSource.Query newQuery) {
    generation++;
    query = newQuery;
    tokens.clear();
    tokens.add("");
    List<T> old = Collections.nCopies(size, null);
    pages.clear();
    wanted.clear();
    fetching = false;
    started = true;
    total = -1;
    highestPage = -1;
    highestPageRows = 0;
    lastPageSeen = false;
    loadedPages.set(0);
    totalRows.set(-1);
    int oldSize = size;
    size = 0;
    if (oldSize > 0) {
      beginChange();
      nextRemove(0, old);
      endChange();
    }
    want(0);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public T get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int p = index / pageSize;
    List<T> rows = pages.get(p);
    if (rows == null) {
      want(p);
      return null;
    }
    int i = index % pageSize;
    return i < rows.size() ? rows.get(i) : null;
  }

  /** The row at {@code index} if it is loaded, without fetching anything. */
  public T peek(int index) {
    List<T> rows = pages.get(index / pageSize);
    int i = index % pageSize;
    return rows != null && i < rows.size() ? rows.get(i) : null;
  }

  private void want(int page) {
    if (!started || pages.containsKey(page)) {
      return;
    }
    wanted.remove(page);
    wanted.addLast(page);
    while (wanted.size() > maxPages) {
      wanted.removeFirst();
    }
    pump();
  }

  private void pump() {
    if (fetching) {
      return;
    }
    Integer target;
    while ((target = wanted.peekLast()) != null && pages.containsKey(target)) {
      wanted.removeLast();
    }
    if (target == null) {
      return;
    }
    // Walk forward through known tokens when the target lies beyond them.
    int page = Math.min(target, tokens.size() - 1);
    if (page < target && lastPageSeen && page >= highestPage) {
      wanted.removeLast();
      pump();
      return;
    }
    String token = tokens.get(page);
    int gen = generation;
    PageSource.Query q = query;
    fetching = true;
    executor.submit(
        () -> source.fetch(q, token, pageSize),
        result -> arrived(gen, page, result),
        error -> {
          if (gen == generation) {
            fetching = false;
            wanted.clear();
            onError.accept(error);
          }
        });
  }

  private void arrived(int gen, int page, Page<T> result) {
    if (gen != generation) {
      return;
    }
    fetching = false;
    fetches.set(fetches.get() + 1);
    List<T> rows = List.copyOf(result.rows());
    if (page + 1 == tokens.size() && !result.isLast()) {
      tokens.add(result.nextToken());
    }
    if (result.isLast()) {
      lastPageSeen = true;
    }
    if (page >= highestPage) {
      highestPage = page;
      highestPageRows = rows.size();
    }
    pages.put(page, rows);
    List<Map.Entry<Integer, List<T>>> evicted = new ArrayList<>();
    while (pages.size() > maxPages) {
      var eldest = pages.entrySet().iterator().next();
      evicted.add(Map.entry(eldest.getKey(), eldest.getValue()));
      pages.remove(eldest.getKey());
    }
    loadedPages.set(pages.size());
    if (result.totalSize() >= 0) {
      total = result.totalSize();
      totalRows.set(total);
    }
    int newSize = computeSize();
    beginChange();
    for (var e : evicted) {
      int from = e.getKey() * pageSize;
      for (int i = 0; i < e.getValue().size() && from + i < Math.min(size, newSize); i++) {
        nextSet(from + i, e.getValue().get(i));
      }
    }
    int from = page * pageSize;
    int common = Math.min(size, newSize);
    for (int i = 0; i < rows.size() && from + i < common; i++) {
      nextSet(from + i, null);
    }
    if (newSize > size) {
      nextAdd(size, newSize);
    } else if (newSize < size) {
      nextRemove(newSize, Collections.nCopies(size - newSize, (T) null));
    }
    size = newSize;
    endChange();
    pump();
  }

  private int computeSize() {
    if (total >= 0) {
      return (int) Math.min(Integer.MAX_VALUE, total);
    }
    long known = (long) highestPage * pageSize + highestPageRows;
    return (int) Math.min(Integer.MAX_VALUE, known + (lastPageSeen ? 0 : 1));
  }
}
