package io.millstone.client.production;

import io.millstone.api.production.v1.Sample;
import io.millstone.api.production.v1.Stream;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import io.millstone.client.remote.Production;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The lab grid: Tab moves through a sample's columns, Enter goes to the next sample (a new row at
 * the end); a value outside its stream's limits is marked and its tooltip says which limit.
 */
public final class LabView extends BorderPane {
  private final LabViewModel vm;
  private final Messages m;
  private final GridPane grid = new GridPane();
  private final List<Node> firstCells = new ArrayList<>();

  public LabView(LabViewModel vm, Messages messages, boolean canRecord) {
    this.vm = vm;
    this.m = messages;
    setId("labView");
    Label title = Tables.title("labTitle");
    title.setText(m.get("screen.labSamples"));
    DatePicker date = new DatePicker();
    Dates.useFor(date);
    date.setId("labDate");
    date.setPrefWidth(150);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    ComboBox<io.millstone.api.production.v1.ProductionRun> run = new ComboBox<>();
    run.setId("labRun");
    run.setPrefWidth(320);
    run.setPromptText(m.get("lab.noRun"));
    // "No run" first, so a round can be taken off a run again
    Runnable fill =
        () -> {
          List<io.millstone.api.production.v1.ProductionRun> items = new ArrayList<>();
          items.add(null);
          items.addAll(vm.runs());
          run.getItems().setAll(items);
        };
    vm.runs()
        .addListener(
            (ListChangeListener<io.millstone.api.production.v1.ProductionRun>) c -> fill.run());
    fill.run();
    run.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(io.millstone.api.production.v1.ProductionRun r) {
            return r == null
                ? m.get("lab.noRun")
                : r.getNumber()
                    + "  "
                    + r.getWorkCentreCode()
                    + " · "
                    + RunViewModel.shiftName(r.getShift(), m)
                    + " · "
                    + RunViewModel.stateName(r.getState(), m);
          }

          @Override
          public io.millstone.api.production.v1.ProductionRun fromString(String s) {
            return null;
          }
        });
    run.valueProperty().bindBidirectional(vm.runProperty());
    run.setCellFactory(
        v ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(
                  io.millstone.api.production.v1.ProductionRun r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty ? null : run.getConverter().toString(r));
              }
            });
    run.setFocusTraversable(false);
    HBox head =
        Tables.row(10, title, new Label(m.get("lab.date")), date, new Label(m.get("lab.run")), run);

    grid.setId("labGrid");
    grid.setHgap(6);
    grid.setVgap(4);
    vm.rows().addListener((ListChangeListener<LabViewModel.Row>) c -> rebuild());
    rebuild();

    Button add = new Button(m.get("lab.addRow"), new FontIcon(Material2AL.ADD));
    add.setId("labAddRow");
    add.setFocusTraversable(false);
    add.setOnAction(
        e -> {
          vm.addRow();
          focusRow(vm.rows().size() - 1);
        });
    Button save = new Button(m.get("lab.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("labSave");
    save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    save.disableProperty().bind(vm.busyProperty());
    save.setTooltip(new Tooltip("Ctrl+S"));
    save.setOnAction(e -> vm.save());
    save.setVisible(canRecord);
    add.setVisible(canRecord);
    Label message = Tables.error("labMessage");
    message.textProperty().bind(vm.messageProperty());
    Label done = new Label();
    done.setId("labDone");
    done.textProperty().bind(vm.doneProperty());
    HBox buttons = Tables.row(10, add, save, message, done);
    buttons.setAlignment(Pos.CENTER_LEFT);

    TableView<Sample> recorded = recordedTable();
    VBox body =
        new VBox(
            10,
            head,
            Tables.muted(m.get("lab.hint")),
            grid,
            buttons,
            Tables.section(m.get("lab.recordedList")),
            recorded);
    body.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
            vm.save();
            e.consume();
          }
        });
  }

  private Label header(String text, boolean right) {
    Label l = Tables.muted(text);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
    return l;
  }

  private void rebuild() {
    grid.getChildren().clear();
    firstCells.clear();
    grid.addRow(
        0,
        header(m.get("lab.stream"), false),
        header(m.get("lab.time"), false),
        header(m.get("lab.field.brix"), true),
        header(m.get("lab.field.pol"), true),
        header(m.get("lab.field.purity"), true),
        header(m.get("lab.field.colour_icumsa"), true),
        header(m.get("lab.field.moisture_percent"), true),
        header(m.get("lab.field.grain_mm"), true),
        header(m.get("lab.note"), false));
    int gridRow = 1;
    for (int i = 0; i < vm.rows().size(); i++) {
      LabViewModel.Row row = vm.rows().get(i);
      int index = i;
      ComboBox<Stream> stream = new ComboBox<>();
      stream.setId("lab-" + i + "-stream");
      stream.getItems().setAll(LabViewModel.STREAMS);
      stream.setPrefWidth(170);
      stream.setConverter(
          new StringConverter<>() {
            @Override
            public String toString(Stream s) {
              return vm.streamName(s);
            }

            @Override
            public Stream fromString(String s) {
              return null;
            }
          });
      stream.valueProperty().bindBidirectional(row.streamProperty());
      // a letter picks the next stream starting with it, so the grid needs no mouse
      stream.addEventHandler(
          KeyEvent.KEY_TYPED,
          e -> {
            String ch = e.getCharacter();
            if (ch != null && !ch.isBlank() && Character.isLetter(ch.charAt(0))) {
              row.streamProperty().set(vm.streamByLetter(row.streamProperty().get(), ch));
              e.consume();
            }
          });
      TextField time = field("lab-" + i + "-time", row.timeProperty(), 5, false);
      time.setPromptText("HH:mm");
      List<Node> cells = new ArrayList<>(List.of(stream, time));
      for (String f : LabViewModel.FIELDS) {
        if (f.equals("purity")) {
          Label purity = new Label();
          purity.setId("lab-" + i + "-purity");
          purity.textProperty().bind(row.value(f));
          purity.setMinWidth(60);
          purity.setMaxWidth(Double.MAX_VALUE);
          purity.setAlignment(Pos.CENTER_RIGHT);
          purity.setPadding(new Insets(4, 8, 4, 8));
          marked(purity, row, f);
          cells.add(purity);
        } else {
          TextField t = field("lab-" + i + "-" + f, row.value(f), 6, true);
          marked(t, row, f);
          cells.add(t);
        }
      }
      TextField note = field("lab-" + i + "-note", row.noteProperty(), 12, false);
      cells.add(note);
      Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
      remove
          .getStyleClass()
          .addAll(atlantafx.base.theme.Styles.FLAT, atlantafx.base.theme.Styles.SMALL);
      remove.setFocusTraversable(false);
      remove.setOnAction(e -> vm.removeRow(row));
      cells.add(remove);
      // Enter anywhere in a row goes to the next sample, adding one at the end.
      for (Node n : cells) {
        n.addEventFilter(
            KeyEvent.KEY_PRESSED,
            e -> {
              if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                e.consume();
                if (index == vm.rows().size() - 1) {
                  vm.addRow();
                }
                focusRow(index + 1);
              }
            });
      }
      grid.addRow(gridRow, cells.toArray(Node[]::new));
      Label error = Tables.error("lab-" + i + "-error");
      error.textProperty().bind(row.errorProperty());
      error.managedProperty().bind(row.errorProperty().isNotEmpty());
      error.visibleProperty().bind(error.managedProperty());
      grid.add(error, 0, gridRow + 1, 10, 1);
      firstCells.add(stream);
      gridRow += 2;
    }
  }

  private static TextField field(
      String id, javafx.beans.property.StringProperty p, int columns, boolean right) {
    TextField t = new TextField();
    t.setId(id);
    t.setPrefColumnCount(columns);
    t.textProperty().bindBidirectional(p);
    if (right) {
      t.setAlignment(Pos.CENTER_RIGHT);
    }
    return t;
  }

  /** Marks the cell while its value is out of range; the tooltip says which limit it breaks. */
  private static void marked(Control cell, LabViewModel.Row row, String field) {
    var flag = row.flag(field);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(flag);
    Runnable apply =
        () -> {
          boolean out = !flag.get().isEmpty();
          if (out && !cell.getStyleClass().contains(Styles.FIELD_ERROR)) {
            cell.getStyleClass().add(Styles.FIELD_ERROR);
          } else if (!out) {
            cell.getStyleClass().remove(Styles.FIELD_ERROR);
          }
          cell.setTooltip(out ? tip : null);
        };
    flag.addListener((o, a, b) -> apply.run());
    apply.run();
  }

  private void focusRow(int index) {
    Platform.runLater(
        () -> {
          if (index < firstCells.size()) {
            firstCells.get(index).requestFocus();
          }
        });
  }

  private TableView<Sample> recordedTable() {
    TableView<Sample> t = Tables.table("labRecorded", 220);
    t.getColumns()
        .add(Tables.column(m.get("lab.stream"), s -> vm.streamName(s.getStream()), 150, false));
    t.getColumns()
        .add(
            Tables.column(
                m.get("lab.time"),
                s -> RunViewModel.hhmm(Production.instant(s.getTakenAt())),
                60,
                false));
    measured(t, "brix", s -> s.getBrix().getValue(), 70);
    measured(t, "pol", s -> s.getPol().getValue(), 70);
    measured(t, "purity", s -> s.getPurity().getValue(), 70);
    measured(t, "colour_icumsa", s -> s.getColourIcumsa().getValue(), 90);
    measured(t, "moisture_percent", s -> s.getMoisturePercent().getValue(), 90);
    measured(t, "grain_mm", s -> s.getGrainMm().getValue(), 80);
    t.getColumns().add(Tables.column(m.get("lab.outOfRange"), vm::outOfRangeText, 160, false));
    t.getColumns().add(Tables.column(m.get("lab.recordedBy"), Sample::getRecordedBy, 100, false));
    t.setItems(vm.recorded());
    t.setPlaceholder(new Label(m.get("lab.noneRecorded")));
    return t;
  }

  /** A measured value of recorded samples, in the danger colour when the server flagged it. */
  private void measured(
      TableView<Sample> t,
      String field,
      java.util.function.Function<Sample, String> value,
      double w) {
    javafx.scene.control.TableColumn<Sample, Sample> c =
        new javafx.scene.control.TableColumn<>(m.get("lab.field." + field));
    c.setCellValueFactory(d -> new javafx.beans.property.SimpleObjectProperty<>(d.getValue()));
    c.setPrefWidth(w);
    c.setSortable(false);
    c.setCellFactory(
        col ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(Sample s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove(Styles.ERROR_TEXT);
                setAlignment(Pos.CENTER_RIGHT);
                if (empty || s == null) {
                  setText(null);
                  return;
                }
                setText(q(value.apply(s)));
                if (s.getOutOfRangeList().stream().anyMatch(o -> o.getField().equals(field))) {
                  getStyleClass().add(Styles.ERROR_TEXT);
                }
              }
            });
    t.getColumns().add(c);
  }

  private static String q(String v) {
    return Amounts.quantityShown(v);
  }

  public void focusFirst() {
    Platform.runLater(
        () -> {
          if (!firstCells.isEmpty()) {
            firstCells.get(0).requestFocus();
          }
        });
  }
}
