package io.millstone.client.records;

import io.millstone.api.records.v1.Attachment;
import io.millstone.api.records.v1.HistoryEntry;
import io.millstone.api.records.v1.Note;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.io.File;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A record's side panel: notes (with a box to add one; Ctrl+Enter adds it), attachments (attach a
 * file, save one) and the record's history, each time on the company's clock.
 */
public final class RecordPanelView extends VBox {

  public RecordPanelView(RecordPanelViewModel vm, Messages m, Supplier<Window> owner) {
    super(8);
    setId("recordPanel");
    setPadding(new Insets(10));
    setMinWidth(300);
    setPrefWidth(380);

    Label error = new Label();
    error.setId("panelMessage");
    error.getStyleClass().add(Styles.ERROR_TEXT);
    error.setWrapText(true);
    error.textProperty().bind(vm.messageProperty());

    // Notes
    ListView<Note> notes =
        list(
            "panelNotes",
            vm.notes(),
            n -> n.getAuthor() + "  ·  " + when(n.getCreatedAt()) + "\n" + n.getBody());
    notes.setPlaceholder(new Label(m.get("records.notes.none")));
    TextArea note = new TextArea();
    note.setId("panelNoteText");
    note.setPrefRowCount(2);
    note.setWrapText(true);
    note.setPromptText(m.get("records.note.prompt"));
    note.textProperty().bindBidirectional(vm.noteTextProperty());
    Button add = new Button(m.get("records.note.add"), new FontIcon(Material2AL.ADD_COMMENT));
    add.setId("panelAddNote");
    add.setMnemonicParsing(true);
    add.setOnAction(e -> vm.addNote());
    add.disableProperty().bind(vm.busyProperty());
    note.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            vm.addNote();
          }
        });
    Label noteError = errorLabel("panelNoteError");
    noteError.textProperty().bind(vm.noteErrorProperty());

    // Attachments
    ListView<Attachment> files =
        list(
            "panelAttachments",
            vm.attachments(),
            a ->
                a.getFileName()
                    + "  ·  "
                    + RecordPanelViewModel.size(a.getSizeBytes())
                    + "\n"
                    + a.getAuthor()
                    + "  ·  "
                    + when(a.getCreatedAt()));
    files.setPlaceholder(new Label(m.get("records.files.none")));
    Button attach = new Button(m.get("records.file.attach"), new FontIcon(Material2AL.ATTACH_FILE));
    attach.setId("panelAttach");
    attach.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle(m.get("records.file.choose"));
          File f = chooser.showOpenDialog(owner.get());
          if (f != null) {
            vm.attach(f.toPath());
          }
        });
    attach.disableProperty().bind(vm.busyProperty());
    Button save = new Button(m.get("records.file.save"), new FontIcon(Material2MZ.SAVE_ALT));
    save.setId("panelSaveFile");
    save.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
    save.setOnAction(
        e -> {
          Attachment a = files.getSelectionModel().getSelectedItem();
          FileChooser chooser = new FileChooser();
          chooser.setInitialFileName(a.getFileName());
          File f = chooser.showSaveDialog(owner.get());
          if (f != null) {
            vm.download(a, f.toPath());
          }
        });
    Label fileError = errorLabel("panelFileError");
    fileError.textProperty().bind(vm.fileErrorProperty());

    // History
    ListView<HistoryEntry> history =
        list(
            "panelHistory",
            vm.history(),
            h -> when(h.getOccurredAt()) + "  ·  " + h.getActor() + "\n" + line(h, m));
    history.setPlaceholder(new Label(m.get("records.history.none")));
    VBox.setVgrow(history, Priority.ALWAYS);

    HBox noteButtons = new HBox(8, add, noteError);
    noteButtons.setAlignment(Pos.CENTER_LEFT);
    HBox fileButtons = new HBox(8, attach, save);
    fileButtons.setAlignment(Pos.CENTER_LEFT);
    add.setVisible(vm.canAnnotate());
    add.setManaged(vm.canAnnotate());
    note.setVisible(vm.canAnnotate());
    note.setManaged(vm.canAnnotate());
    attach.setVisible(vm.canAnnotate());
    attach.setManaged(vm.canAnnotate());

    getChildren()
        .addAll(
            heading(m.get("records.notes")),
            notes,
            note,
            noteButtons,
            heading(m.get("records.files")),
            files,
            fileButtons,
            fileError,
            heading(m.get("records.history")),
            history,
            error);
    notes.setPrefHeight(130);
    files.setPrefHeight(90);
    history.setPrefHeight(200);
  }

  private static String when(com.google.protobuf.Timestamp t) {
    return Dates.dateTime(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
  }

  /**
   * What was done: the bundle's words for the action where it has them, then the trail's summary
   * (which already says "created customer …", so a raw action id is not shown beside it).
   */
  static String line(HistoryEntry h, Messages m) {
    String key = "records.action." + h.getAction();
    String summary = h.getSummary().isBlank() ? "" : h.getSummary();
    if (m.has(key)) {
      return summary.isEmpty() ? m.get(key) : m.get(key) + ": " + summary;
    }
    return summary.isEmpty() ? h.getAction() : summary;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    return l;
  }

  private static Label errorLabel(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    l.setWrapText(true);
    return l;
  }

  private static <T> ListView<T> list(
      String id, javafx.collections.ObservableList<T> items, Function<T, String> text) {
    ListView<T> l = new ListView<>(items);
    l.setId(id);
    l.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                setWrapText(true);
              }
            });
    return l;
  }
}
