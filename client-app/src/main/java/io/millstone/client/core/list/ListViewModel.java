package io.millstone.client.core.list;

import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Notifier;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * CSV export. Knows nothing about tables; {@code PagedTableView} draws it.
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

  /**
   * Writes every row of the current filtered list to {@code file}, page by page from the server
   * (never the whole list in memory), with progress; notifies when done.
   */
  public void exportCsv(Path file) {
    if (exporting.get()) {
      return;
    }
    PageSource.Query q = rows.query();
    exporting.set(true);
    exportProgress.set(-1);
    exportHandle =
        executor.submitWithProgress(
            progress -> writeCsv(file, q, progress),
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
              failed(e);
            });
  }

  public void cancelExport() {
    if (exportHandle != null) {
      exportHandle.cancel();
    }
  }

  long writeCsv(Path file, PageSource.Query q, UiTaskExecutor.Progress progress) throws Exception {
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    long count = 0;
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write('\uFEFF'); // lets spreadsheet programs read Bangla text as UTF-8
      CsvWriter csv = new CsvWriter(w);
      List<String> header = new ArrayList<>();
      for (ColumnSpec<T> c : columns) {
        header.add(messages.get(c.titleKey()));
      }
      csv.row(header);
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
          List<String> fields = new ArrayList<>(columns.size());
          for (ColumnSpec<T> c : columns) {
            fields.add(c.text().apply(row));
          }
          csv.row(fields);
          count++;
        }
        progress.update(count, total < 0 ? count + 1 : Math.max(total, count));
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (Exception e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    return count;
  }

  private void updateStatus() {
    long total = rows.totalRowsProperty().get();
    status.set(total < 0 ? "" : messages.get("list.rows", total));
  }

  private void failed(Throwable e) {
    setMessage(ErrorText.of(e, messages));
  }
}
