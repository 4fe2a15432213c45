package io.millstone.client.core.list;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of a server-side list: quick filter, sort, the paged rows, saved searches and
 * export to Excel or CSV. Knows nothing about tables; {@code PagedTableView} draws it.
 */
public class ListViewModel<T> extends AbstractViewModel {
  public static final int PAGE_SIZE = 100;
  public static final int WINDOW_PAGES = 8;

  private final String screen;
  private final PageSource<T> source;
  private final SavedSearchStore savedSearches;
  private final List<ColumnSpec<T>> columns;
  private final Messages messages;
  private final Notifier notifier;
  private final PagedRows<T> rows;
  private final StringProperty filter = new SimpleStringProperty("");
  private final StringProperty orderBy = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final BooleanProperty exporting = new SimpleBooleanProperty(false);
  private final DoubleProperty exportProgress = new SimpleDoubleProperty(0);
  private final ObservableList<SavedSearchStore.Saved> saved = FXCollections.observableArrayList();
  private Consumer<T> opener = r -> {};
  private Runnable creator = () -> {};
  private UiTaskExecutor.Handle exportHandle;

  public ListViewModel(
      String screen,
      PageSource<T> source,
      SavedSearchStore savedSearches,
      List<ColumnSpec<T>> columns,
      UiTaskExecutor executor,
      Messages messages,
      Notifier notifier) {
    super(executor);
    this.screen = screen;
    this.source = source;
    this.savedSearches = savedSearches;
    this.columns = List.copyOf(columns);
    this.messages = messages;
    this.notifier = notifier;
    this.rows = new PagedRows<>(source, executor, PAGE_SIZE, WINDOW_PAGES, this::failed);
    rows.totalRowsProperty().addListener((o, a, b) -> updateStatus());
  }

  public String screen() {
    return screen;
  }

  public List<ColumnSpec<T>> columns() {
    return columns;
  }

  public PagedRows<T> rows() {
    return rows;
  }

  public StringProperty filterProperty() {
    return filter;
  }

  public StringProperty orderByProperty() {
    return orderBy;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty exportingProperty() {
    return exporting;
  }

  public DoubleProperty exportProgressProperty() {
    return exportProgress;
  }

  public ObservableList<SavedSearchStore.Saved> savedSearches() {
    return saved;
  }

  public boolean supportsSavedSearches() {
    return savedSearches != null;
  }

  /** What Enter (or a double click) on a row does: usually open its form. */
  public void setOpener(Consumer<T> opener) {
    this.opener = opener;
  }

  /** What Ctrl+N does; nothing on lists that cannot create. */
  public void setCreator(Runnable creator) {
    this.creator = creator;
  }

  public void open(T row) {
    if (row != null) {
      opener.accept(row);
    }
  }

  public void createNew() {
    creator.run();
  }

  /** Loads the first page again with the current filter and sort (F5). */
  public void refresh() {
    setMessage("");
    rows.reset(new PageSource.Query(filter.get().trim(), orderBy.get()));
    updateStatus();
    loadSavedSearches();
  }

  /** Sorts by an allow-listed server field; other columns cannot be sorted. */
  public void sortBy(String field, boolean descending) {
    String value = field == null || field.isEmpty() ? "" : (descending ? "-" : "") + field;
    if (!value.equals(orderBy.get())) {
      orderBy.set(value);
      refresh();
    }
  }

  public void apply(SavedSearchStore.Saved s) {
    filter.set(s.filter());
    orderBy.set(s.orderBy());
    refresh();
  }

  public void loadSavedSearches() {
    if (savedSearches == null) {
      return;
    }
    executor.submit(
        () -> savedSearches.list(screen),
        list -> saved.setAll(list),
        e -> {
          // Saved searches are a convenience; the list works without them.
          saved.clear();
        });
  }

  public void saveCurrentSearch(String name) {
    if (savedSearches == null || name == null || name.isBlank()) {
      return;
    }
    String f = filter.get().trim();
    String o = orderBy.get();
    executor.submit(
        () -> savedSearches.save(screen, name.trim(), f, o),
        s -> {
          saved.removeIf(x -> x.name().equals(s.name()));
          saved.add(s);
          notifier.notify(messages.get("list.search.saved.title"), s.name());
        },
        this::failed);
  }

  public void deleteSavedSearch(SavedSearchStore.Saved s) {
    executor.submit(
        () -> {
          savedSearches.delete(s.id());
          return s;
        },
        x -> saved.remove(x),
        this::failed);
  }

  /** A list whose export streams every row from the server in one call instead of paging. */
  @FunctionalInterface
  public interface ExportStream<T> {
    /**
     * Hands each row of the query to {@code rows}, oldest first; {@code total} once it is known.
     * When {@code rows} throws, the stream stops (and the server call is cancelled).
     */
    void stream(PageSource.Query query, java.util.function.LongConsumer total, RowTaker<T> rows)
        throws Exception;
  }

  /** Takes one row of a streamed export. */
  @FunctionalInterface
  public interface RowTaker<T> {
    void take(T row) throws Exception;
  }

  private ExportStream<T> exportStream;

  /** Exports through {@code stream} instead of paging through the list (e.g. the stock moves). */
  public void setExportStream(ExportStream<T> stream) {
    this.exportStream = stream;
  }

  /** CSV of every column (kept for callers that know only CSV). */
  public void exportCsv(Path file) {
    export(file, ExportFormat.CSV, null);
  }

  /**
   * Writes every row of the current filtered list to {@code file} as {@code format}, page by page
   * from the server (or streamed, see {@link #setExportStream}; never the whole list in memory),
   * with progress; notifies when done. {@code columnIds} are the columns as shown, in their order
   * (null for every column).
   */
  public void export(Path file, ExportFormat format, List<String> columnIds) {
    export(file, format, columnIds, null);
  }

  /** {@link #export(Path, ExportFormat, List)} with the sheet named {@code title}. */
  public void export(Path file, ExportFormat format, List<String> columnIds, String title) {
    if (exporting.get()) {
      return;
    }
    PageSource.Query q = rows.query();
    List<ColumnSpec<T>> shown = shownColumns(columnIds);
    exporting.set(true);
    exportProgress.set(-1);
    exportHandle =
        executor.submitWithProgress(
            progress -> write(file, format, shown, q, title, progress),
            exportProgress::set,
            count -> {
              exporting.set(false);
              exportProgress.set(1);
              notifier.notify(
                  messages.get("list.export.done.title"),
                  messages.get("list.export.done", count, file.getFileName().toString()));
            },
            e -> {
              exporting.set(false);
              if (!(e instanceof InterruptedException)) {
                failed(e);
              }
            });
  }

  /**
   * Stops the running export; its .part file is deleted as the work notices (a cancelled task gets
   * no success or failure callback, so the list is ready for the next export at once).
   */
  public void cancelExport() {
    if (exportHandle != null && exporting.get()) {
      exportHandle.cancel();
      exporting.set(false);
      exportProgress.set(0);
    }
  }

  private List<ColumnSpec<T>> shownColumns(List<String> ids) {
    if (ids == null) {
      return columns;
    }
    List<ColumnSpec<T>> out = new ArrayList<>();
    for (String id : ids) {
      columns.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(out::add);
    }
    return out;
  }

  long write(
      Path file,
      ExportFormat format,
      List<ColumnSpec<T>> shown,
      PageSource.Query q,
      String sheet,
      UiTaskExecutor.Progress progress)
      throws Exception {
    List<String> titles = new ArrayList<>();
    boolean[] numeric = new boolean[shown.size()];
    double[] widths = new double[shown.size()];
    for (int i = 0; i < shown.size(); i++) {
      titles.add(messages.get(shown.get(i).titleKey()));
      numeric[i] = shown.get(i).numeric();
      widths[i] = shown.get(i).width();
    }
    String title =
        sheet != null
            ? sheet
            : messages.has("screen." + screen) ? messages.get("screen." + screen) : screen;
    return Exports.write(
        file,
        format,
        title,
        new Exports.Columns(titles, numeric, widths),
        (out, p) -> exportStream != null ? streamed(q, shown, out, p) : paged(q, shown, out, p),
        progress);
  }

  private static <T> List<String> cells(T row, List<ColumnSpec<T>> shown) {
    List<String> fields = new ArrayList<>(shown.size());
    for (ColumnSpec<T> c : shown) {
      fields.add(c.text().apply(row));
    }
    return fields;
  }

  private long paged(
      PageSource.Query q,
      List<ColumnSpec<T>> shown,
      Exports.Rows out,
      UiTaskExecutor.Progress progress)
      throws Exception {
    long count = 0;
    String token = "";
    long total = -1;
    do {
      if (progress.isCancelled()) {
        throw new InterruptedException("export cancelled");
      }
      Page<T> page = source.fetch(q, token, 500);
      if (page.totalSize() >= 0) {
        total = page.totalSize();
      }
      for (T row : page.rows()) {
        out.row(cells(row, shown));
        count++;
      }
      progress.update(count, total < 0 ? count + 1 : Math.max(total, count));
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return count;
  }

  private long streamed(
      PageSource.Query q,
      List<ColumnSpec<T>> shown,
      Exports.Rows out,
      UiTaskExecutor.Progress progress)
      throws Exception {
    long[] count = {0};
    long[] total = {-1};
    exportStream.stream(
        q,
        t -> total[0] = t,
        row -> {
          out.row(cells(row, shown));
          if (++count[0] % 1000 == 0) {
            progress.update(count[0], Math.max(total[0], count[0] + 1));
          }
        });
    progress.update(count[0], count[0]);
    return count[0];
  }

  private void updateStatus() {
    long total = rows.totalRowsProperty().get();
    status.set(total < 0 ? "" : messages.get("list.rows", total));
  }

  private void failed(Throwable e) {
    setMessage(ErrorText.of(e, messages));
  }
}
