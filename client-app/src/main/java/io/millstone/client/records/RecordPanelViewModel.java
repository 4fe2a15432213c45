package io.millstone.client.records;

import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.HistoryEntry;
import io.millstone.api.records.v1.Note;
import io.millstone.api.records.v1.RecordPanel;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import io.millstone.client.remote.RemoteException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A record's side panel: its notes, attachments and history. A note or a file the server refuses
 * shows its sentence beside the note box or the attach button; nothing is added.
 */
public final class RecordPanelViewModel extends AbstractViewModel {
  private final RecordsGateway gateway;
  private final Messages messages;
  private final String kind;
  private final String id;
  private final boolean canAnnotate;
  private final ObservableList<Note> notes = FXCollections.observableArrayList();
  private final ObservableList<Attachment> attachments = FXCollections.observableArrayList();
  private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
  private final StringProperty noteText = new SimpleStringProperty("");
  private final StringProperty noteError = new SimpleStringProperty("");
  private final StringProperty fileError = new SimpleStringProperty("");
  private long maxBytes;

  public RecordPanelViewModel(
      RecordsGateway gateway,
      UiTaskExecutor executor,
      Messages messages,
      String kind,
      String id,
      boolean canAnnotate) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.kind = kind;
    this.id = id;
    this.canAnnotate = canAnnotate;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public boolean canAnnotate() {
    return canAnnotate;
  }

  public ObservableList<Note> notes() {
    return notes;
  }

  public ObservableList<Attachment> attachments() {
    return attachments;
  }

  public ObservableList<HistoryEntry> history() {
    return history;
  }

  public StringProperty noteTextProperty() {
    return noteText;
  }

  public StringProperty noteErrorProperty() {
    return noteError;
  }

  public StringProperty fileErrorProperty() {
    return fileError;
  }

  public void load() {
    setBusy(true);
    executor.submit(
        () -> gateway.panel(kind, id),
        this::show,
        failure -> {
          setBusy(false);
          setMessage(ErrorText.of(failure, messages));
        });
  }

  private void show(RecordPanel p) {
    setBusy(false);
    setMessage("");
    maxBytes = p.getMaxAttachmentBytes();
    notes.setAll(p.getNotesList());
    attachments.setAll(p.getAttachmentsList());
    history.setAll(p.getHistoryList());
  }

  public void addNote() {
    String body = noteText.get() == null ? "" : noteText.get().strip();
    if (body.isEmpty()) {
      noteError.set(messages.get("records.note.empty"));
      return;
    }
    noteError.set("");
    setBusy(true);
    executor.submit(
        () -> {
          gateway.addNote(kind, id, body);
          return gateway.panel(kind, id);
        },
        p -> {
          noteText.set("");
          show(p);
        },
        failure -> {
          setBusy(false);
          noteError.set(violationOr(failure, "body"));
        });
  }

  /** Reads the file and sends it; the server checks its size and type from its bytes. */
  public void attach(Path file) {
    fileError.set("");
    setBusy(true);
    executor.submit(
        () -> {
          long size = Files.size(file);
          if (maxBytes > 0 && size > maxBytes) {
            // The server would refuse it too; this spares sending it.
            throw new RemoteException(
                RemoteException.Kind.BUSINESS_RULE,
                messages.get(
                    "records.file.tooLarge", file.getFileName().toString(), size(maxBytes)));
          }
          gateway.upload(kind, id, file.getFileName().toString(), Files.readAllBytes(file));
          return gateway.panel(kind, id);
        },
        this::show,
        failure -> {
          setBusy(false);
          fileError.set(violationOr(failure, "file_name"));
        });
  }

  /** Saves the attachment's bytes to {@code target}. */
  public void download(Attachment a, Path target) {
    fileError.set("");
    setBusy(true);
    executor.submit(
        () -> {
          Files.write(target, gateway.download(kind, id, a.getId()));
          return target;
        },
        saved -> {
          setBusy(false);
          setMessage(messages.get("records.file.saved", a.getFileName(), saved.toString()));
        },
        failure -> {
          setBusy(false);
          fileError.set(ErrorText.of(failure, messages));
        });
  }

  private String violationOr(Throwable failure, String field) {
    if (failure instanceof RemoteException r && r.fieldViolations().containsKey(field)) {
      return r.fieldViolations().get(field);
    }
    return ErrorText.of(failure, messages);
  }

  /** A file's size as a person reads it: 12 KB, 1.4 MB. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return megabytes(bytes);
  }

  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb) ? (long) mb + " MB" : String.format("%.1f MB", mb);
  }
}
