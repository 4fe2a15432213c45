package io.millstone.client.core.form;

import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A record form: a label, an editor and an error line per field. Client checks decorate the editor
 * (ControlsFX); the server's field violations appear on the error line beside their field. Keys:
 * Ctrl+S save, Esc cancel (undo edits, or close when there are none).
 */
public final class FormView<T> extends BorderPane {
  private static final KeyCombination SAVE =
      new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

  private final FormViewModel<T> vm;
  private final Map<String, Control> editors = new HashMap<>();
  private final Map<String, Label> errorLabels = new HashMap<>();
  private final ValidationSupport validation = new ValidationSupport();
  private Runnable closeRequest = () -> {};

  public FormView(FormViewModel<T> vm, Messages messages) {
    this.vm = vm;
    getStyleClass().add("ms-form");

    Label title = new Label();
    title.setId("formTitle");
    title.getStyleClass().addAll(Styles.TITLE, atlantafx.base.theme.Styles.TITLE_3);
    title.textProperty().bind(vm.titleProperty());
    Button save = new Button(messages.get("form.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("saveButton");
    save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    save.setTooltip(new Tooltip("Ctrl+S"));
    save.disableProperty().bind(vm.busyProperty());
    save.setOnAction(e -> vm.save());
    Button revert = new Button(messages.get("form.revert"), new FontIcon(Material2MZ.UNDO));
    revert.setId("revertButton");
    revert.disableProperty().bind(vm.dirtyProperty().not());
    revert.setOnAction(e -> vm.revert());
    HBox head = new HBox(12, title, new javafx.scene.layout.Region(), save, revert);
    HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
    head.setAlignment(Pos.CENTER_LEFT);
    head.setPadding(new Insets(12, 16, 8, 16));
    setTop(head);

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(4);
    grid.setPadding(new Insets(8, 16, 16, 16));
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(140);
    ColumnConstraints inputs = new ColumnConstraints(220, 320, 480);
    ColumnConstraints errs = new ColumnConstraints();
    errs.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, inputs, errs);
    int row = 0;
    for (FieldSpec f : vm.fields()) {
      String id = f.name().replace('.', '_');
      Label label = new Label(messages.get(f.labelKey()) + (f.required() ? " *" : ""));
      Control editor = editor(f, messages);
      editor.setId("field-" + id);
      label.setLabelFor(editor);
      Label error = new Label();
      error.setId("error-" + id);
      error.getStyleClass().addAll(Styles.ERROR_TEXT, atlantafx.base.theme.Styles.DANGER);
      error.setWrapText(true);
      error.setMaxWidth(360);
      editors.put(f.name(), editor);
      errorLabels.put(f.name(), error);
      grid.addRow(row++, label, editor, error);
      GridPane.setValignment(label, javafx.geometry.VPos.TOP);
      // Top-aligned (beside a tall text area too), but level with the editor's first line.
      label.setPadding(new Insets(8, 0, 0, 0));
      GridPane.setValignment(error, javafx.geometry.VPos.TOP);
      error.setPadding(new Insets(8, 0, 0, 0));
      if (f.createOnly()) {
        editor.disableProperty().bind(vm.recordProperty().isNotNull());
      }
      if (f.required() || f.kind() != FieldSpec.Kind.CHOICE) {
        validation.registerValidator(
            editor,
            false,
            (Control c, Object value) -> {
              String problem = f.problem(value == null ? "" : value.toString());
              return ValidationResult.fromMessageIf(
                  c,
                  problem == null ? "" : messages.get(problem),
                  Severity.ERROR,
                  problem != null && !(f.createOnly() && !vm.isNew()));
            });
      }
    }
    vm.errors()
        .addListener(
            (MapChangeListener<String, String>)
                c -> {
                  String field = c.getKey();
                  Label l = errorLabels.get(field);
                  Control ed = editors.get(field);
                  if (l == null) {
                    return;
                  }
                  String text = vm.errors().get(field);
                  l.setText(text == null ? "" : text);
                  ed.getStyleClass().remove(Styles.FIELD_ERROR);
                  ed.pseudoClassStateChanged(
                      atlantafx.base.theme.Styles.STATE_DANGER, text != null);
                  if (text != null) {
                    ed.getStyleClass().add(Styles.FIELD_ERROR);
                  }
                });
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    setCenter(scroll);

    Label message = new Label();
    message.setId("formMessage");
    message.getStyleClass().addAll(Styles.ERROR_TEXT, atlantafx.base.theme.Styles.DANGER);
    message.textProperty().bind(vm.messageProperty());
    message.setWrapText(true);
    message.setPadding(new Insets(4, 16, 8, 16));
    setBottom(message);

    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (SAVE.match(e)) {
            vm.save();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE
              && !(e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?> open
                  && open.isShowing())) {
            // Esc on an open drop-down only closes the drop-down.
            if (vm.isDirty()) {
              vm.revert();
            } else {
              closeRequest.run();
            }
            e.consume();
          }
        });
  }

  private Control editor(FieldSpec f, Messages messages) {
    switch (f.kind()) {
      case CHOICE -> {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(f.choices());
        box.setConverter(
            new StringConverter<>() {
              @Override
              public String toString(String v) {
                return v == null || v.isEmpty() ? "" : messages.get("choice." + v);
              }

              @Override
              public String fromString(String s) {
                return s;
              }
            });
        box.valueProperty().bindBidirectional(vm.value(f.name()));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
      }
      case PICK -> {
        return picker(f);
      }
      case AREA -> {
        TextArea a = new TextArea();
        a.setPrefRowCount(4);
        a.setWrapText(true);
        a.textProperty().bindBidirectional(vm.value(f.name()));
        return a;
      }
      default -> {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(vm.value(f.name()));
        return t;
      }
    }
  }

  /**
   * A picker of server records: shows "code — name", holds the code. Up/Down step through the
   * choices, Alt+Down or F4 opens the list, and typing jumps to the first choice whose code or name
   * starts with what was typed.
   */
  private ComboBox<String> picker(FieldSpec f) {
    ComboBox<String> box = new ComboBox<>();
    Map<String, String> labels = new HashMap<>();
    var choices = vm.choices(f.name());
    Runnable fill =
        () -> {
          labels.clear();
          choices.forEach(c -> labels.put(c.value(), c.label()));
          String keep = box.getValue();
          box.getItems().setAll(choices.stream().map(FieldSpec.Choice::value).toList());
          box.setValue(keep);
        };
    choices.addListener((javafx.collections.ListChangeListener<FieldSpec.Choice>) c -> fill.run());
    fill.run();
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String v) {
            return v == null ? "" : labels.getOrDefault(v, v);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    box.valueProperty().bindBidirectional(vm.value(f.name()));
    box.setMaxWidth(Double.MAX_VALUE);
    box.setVisibleRowCount(12);
    StringBuilder typed = new StringBuilder();
    long[] lastKey = {0};
    box.addEventHandler(
        KeyEvent.KEY_TYPED,
        e -> {
          String ch = e.getCharacter();
          if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isShortcutDown()) {
            return;
          }
          long now = System.nanoTime();
          if (now - lastKey[0] > 1_000_000_000L) {
            typed.setLength(0);
          }
          lastKey[0] = now;
          typed.append(ch.toLowerCase(java.util.Locale.ROOT));
          String prefix = typed.toString();
          box.getItems().stream()
              .filter(
                  code ->
                      code.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)
                          || labels
                              .getOrDefault(code, "")
                              .toLowerCase(java.util.Locale.ROOT)
                              .contains("— " + prefix))
              .findFirst()
              .ifPresent(
                  code -> {
                    box.setValue(code);
                    if (box.isShowing()) {
                      box.getSelectionModel().select(code);
                    }
                  });
          e.consume();
        });
    return box;
  }

  /** What Esc does on an unchanged form: usually close its tab. */
  /** Adds a button for one more thing done to the record (deactivate), after save and undo. */
  public void addAction(Button action) {
    ((HBox) getTop()).getChildren().add(action);
  }

  public void setOnCloseRequest(Runnable r) {
    this.closeRequest = r;
  }

  public FormViewModel<T> viewModel() {
    return vm;
  }

  /** Puts the cursor in the first editable field. */
  public void focusFirst() {
    for (FieldSpec f : vm.fields()) {
      Node n = editors.get(f.name());
      if (n != null && !n.isDisabled()) {
        n.requestFocus();
        if (n instanceof TextInputControl t) {
          t.selectAll();
        }
        return;
      }
    }
  }
}
