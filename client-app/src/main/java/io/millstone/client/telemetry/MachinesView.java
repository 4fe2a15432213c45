package io.millstone.client.telemetry;

import io.millstone.api.telemetry.v1.Machine;
import io.millstone.api.telemetry.v1.Tag;
import io.millstone.api.telemetry.v1.ValueType;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Machines and their tags above; below, the tag form (a picked tag is changed, a new key adds one),
 * the machine's OEE settings and a new machine. Enter in a form saves it.
 */
public final class MachinesView extends BorderPane {
  private final TextField firstField;

  public MachinesView(MachinesViewModel vm, Messages m) {
    setId("machinesView");
    TableView<Machine> machines = new TableView<>(vm.machines());
    machines.setId("machinesTable");
    machines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    machines.setPlaceholder(new Label(m.get("plant.machines.none")));
    machines.getColumns().add(AlarmsView.column(m.get("plant.machine.code"), Machine::getCode, 90));
    machines
        .getColumns()
        .add(AlarmsView.column(m.get("plant.machine.name"), Machine::getName, 160));
    machines
        .getColumns()
        .add(AlarmsView.column(m.get("plant.machine.area"), Machine::getArea, 110));
    machines
        .getColumns()
        .add(
            AlarmsView.column(
                m.get("plant.machine.tags"), x -> Integer.toString(x.getTagsCount()), 50));
    machines
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && machines.getSelectionModel().getSelectedItem() != b) {
                machines.getSelectionModel().select(b);
              }
            });

    TableView<Tag> tags = new TableView<>(vm.tags());
    tags.setId("tagsTable");
    tags.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    tags.setPlaceholder(new Label(m.get("plant.tags.none")));
    tags.getColumns().add(AlarmsView.column(m.get("plant.tag.key"), Tag::getKey, 110));
    tags.getColumns().add(AlarmsView.column(m.get("plant.tag.name"), Tag::getName, 130));
    tags.getColumns().add(AlarmsView.column(m.get("plant.tag.unit"), Tag::getUnit, 50));
    tags.getColumns()
        .add(AlarmsView.column(m.get("plant.tag.type"), t -> typeName(m, t.getValueType()), 75));
    tags.getColumns()
        .add(
            AlarmsView.column(
                m.get("plant.tag.range"),
                t -> range(t.getExpectedMin().getValue(), t.getExpectedMax().getValue()),
                125));
    tags.getColumns()
        .add(AlarmsView.column(m.get("plant.tag.low"), t -> t.getAlarmLow().getValue(), 85));
    tags.getColumns()
        .add(AlarmsView.column(m.get("plant.tag.high"), t -> t.getAlarmHigh().getValue(), 100));
    tags.getColumns()
        .add(
            AlarmsView.column(
                m.get("plant.tag.hysteresis"), t -> t.getHysteresis().getValue(), 85));
    tags.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != vm.selectedTagProperty().get()) {
                vm.selectedTagProperty().set(b);
              }
            });
    vm.selectedTagProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                tags.getSelectionModel().clearSelection();
              } else if (tags.getSelectionModel().getSelectedItem() != b) {
                tags.getSelectionModel().select(b);
              }
            });

    // The tag form.
    PlantForm tagForm = new PlantForm("tag", vm.tagErrors());
    TextField key = tagForm.text(m.get("plant.tag.key.label"), "key", vm.tagKeyProperty());
    key.setPromptText("mill1.speed");
    tagForm.text(m.get("plant.tag.name.label"), "name", vm.tagNameProperty());
    tagForm.text(m.get("plant.tag.unit.label"), "unit", vm.unitProperty());
    ComboBox<ValueType> type =
        tagForm.add(
            m.get("plant.tag.type.label"),
            "value_type",
            new ComboBox<>(FXCollections.observableArrayList(MachinesViewModel.TYPES)));
    type.setCellFactory(l -> typeCell(m));
    type.setButtonCell(typeCell(m));
    type.valueProperty().bindBidirectional(vm.typeProperty());
    CheckBox run = tagForm.add(m.get("plant.tag.runState.label"), "is_run_state", new CheckBox());
    run.selectedProperty().bindBidirectional(vm.runStateProperty());
    tagForm.nextColumn();
    tagForm.text(m.get("plant.tag.min.label"), "expected_min", vm.minProperty());
    tagForm.text(m.get("plant.tag.max.label"), "expected_max", vm.maxProperty());
    tagForm.text(m.get("plant.tag.low.label"), "alarm_low", vm.lowProperty());
    tagForm.text(m.get("plant.tag.high.label"), "alarm_high", vm.highProperty());
    tagForm.text(m.get("plant.tag.hysteresis.label"), "hysteresis", vm.hysteresisProperty());
    Button saveTag = new Button(m.get("plant.tag.save"), new FontIcon(Material2MZ.SAVE));
    saveTag.setId("saveTag");
    saveTag.setMnemonicParsing(true);
    saveTag.setOnAction(e -> vm.saveTag());
    Button newTag = new Button(m.get("plant.tag.new"), new FontIcon(Material2AL.ADD));
    newTag.setId("newTag");
    newTag.setMnemonicParsing(true);
    newTag.setOnAction(
        e -> {
          vm.newTag();
          key.requestFocus();
        });
    tagForm.line(new HBox(8, saveTag, newTag));
    tagForm.line(PlantForm.message("tagMessage", vm.tagMessageProperty()));
    onEnter(tagForm, vm::saveTag);

    // The OEE form.
    PlantForm oeeForm = new PlantForm("oee", vm.oeeErrors());
    oeeForm.text(m.get("plant.oee.rate.label"), "ideal_rate_per_hour", vm.rateProperty());
    oeeForm.text(m.get("plant.oee.unit.label"), "rate_unit", vm.rateUnitProperty());
    ComboBox<String> produced =
        oeeForm.add(m.get("plant.oee.produced.label"), "produced_tag_key", new ComboBox<>());
    ComboBox<String> rejected =
        oeeForm.add(m.get("plant.oee.rejected.label"), "rejected_tag_key", new ComboBox<>());
    for (ComboBox<String> c : java.util.List.of(produced, rejected)) {
      c.setEditable(false);
      c.setMaxWidth(Double.MAX_VALUE);
    }
    produced.valueProperty().bindBidirectional(vm.producedProperty());
    rejected.valueProperty().bindBidirectional(vm.rejectedProperty());
    vm.tags()
        .addListener(
            (javafx.collections.ListChangeListener<Tag>)
                c -> {
                  produced.getItems().setAll(vm.counterKeys());
                  rejected.getItems().setAll(vm.counterKeys());
                });
    Button saveOee = new Button(m.get("plant.oee.save"), new FontIcon(Material2MZ.SPEED));
    saveOee.setId("saveOee");
    saveOee.setMnemonicParsing(true);
    saveOee.setOnAction(e -> vm.saveOee());
    Label oeeNote = new Label(m.get("plant.oee.note"));
    oeeNote.setWrapText(true);
    oeeNote.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    oeeForm.line(oeeNote);
    oeeForm.line(saveOee);
    oeeForm.line(PlantForm.message("oeeMessage", vm.oeeMessageProperty()));
    onEnter(oeeForm, vm::saveOee);

    // The new-machine form.
    PlantForm machineForm = new PlantForm("machine", vm.machineErrors());
    firstField = machineForm.text(m.get("plant.machine.code.label"), "code", vm.codeProperty());
    machineForm.text(m.get("plant.machine.name.label"), "name", vm.nameProperty());
    machineForm.text(m.get("plant.machine.area.label"), "area", vm.areaProperty());
    Button create = new Button(m.get("plant.machine.create"), new FontIcon(Material2AL.ADD));
    create.setId("createMachine");
    create.setMnemonicParsing(true);
    create.setOnAction(e -> vm.createMachine());
    machineForm.line(create);
    machineForm.line(PlantForm.message("machineMessage", vm.machineMessageProperty()));
    onEnter(machineForm, vm::createMachine);

    TabPane forms = new TabPane();
    forms.setId("machineForms");
    forms.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    Tab tagTab = new Tab(m.get("plant.tab.tag"), scroll(tagForm));
    tagTab.setId("tagTab");
    Tab oeeTab = new Tab(m.get("plant.tab.oee"), scroll(oeeForm));
    oeeTab.setId("oeeTab");
    Tab machineTab = new Tab(m.get("plant.tab.machine"), scroll(machineForm));
    machineTab.setId("newMachineTab");
    forms.getTabs().addAll(tagTab, oeeTab, machineTab);
    Label tagTitle = new Label();
    tagTitle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Machine x = vm.selectedProperty().get();
                  return x == null
                      ? m.get("plant.machine.pick")
                      : m.get("plant.tags.of", x.getCode(), x.getName());
                },
                vm.selectedProperty()));
    tagTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    VBox tagBox = new VBox(6, tagTitle, tags);
    VBox.setVgrow(tags, Priority.ALWAYS);
    SplitPane lists = new SplitPane(machines, tagBox);
    lists.setDividerPositions(0.36);
    SplitPane all = new SplitPane(lists, forms);
    all.setOrientation(Orientation.VERTICAL);
    all.setDividerPositions(0.45);

    Label title = new Label(m.get("screen.machines"));
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Label done = new Label();
    done.setId("machinesDone");
    done.textProperty().bind(vm.doneProperty());
    done.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    Label message = PlantForm.message("machinesMessage", vm.messageProperty());
    Button refresh = new Button(m.get("telemetry.refresh"), new FontIcon(Material2MZ.REFRESH));
    refresh.setId("refreshMachines");
    refresh.setOnAction(e -> vm.refresh());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(12, title, done, message, grow, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);
    setCenter(all);
    BorderPane.setMargin(all, new Insets(8, 12, 12, 12));
  }

  /** Puts the cursor in the new machine's code when there is no machine yet. */
  public void focusFirst() {
    Platform.runLater(firstField::requestFocus);
  }

  private static javafx.scene.control.ScrollPane scroll(Region form) {
    javafx.scene.control.ScrollPane s = new javafx.scene.control.ScrollPane(form);
    s.setFitToWidth(true);
    return s;
  }

  private static void onEnter(Region form, Runnable action) {
    form.addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
            action.run();
            e.consume();
          }
        });
  }

  static String typeName(Messages m, ValueType t) {
    return t == null || t == ValueType.VALUE_TYPE_UNSPECIFIED || t == ValueType.UNRECOGNIZED
        ? ""
        : m.get(
            "plant.type." + t.name().substring("VALUE_TYPE_".length()).toLowerCase(Locale.ROOT));
  }

  private static ListCell<ValueType> typeCell(Messages m) {
    return new ListCell<>() {
      @Override
      protected void updateItem(ValueType t, boolean empty) {
        super.updateItem(t, empty);
        setText(empty ? null : typeName(m, t));
      }
    };
  }

  private static String range(String min, String max) {
    if (min.isEmpty() && max.isEmpty()) {
      return "";
    }
    return (min.isEmpty() ? "\u2026" : min) + " \u2013 " + (max.isEmpty() ? "\u2026" : max);
  }
}
