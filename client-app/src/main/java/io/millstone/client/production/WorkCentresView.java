package io.millstone.client.production;

import io.millstone.api.production.v1.CostBasis;
import io.millstone.api.production.v1.WorkCentre;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Work centres in a table; the selected one (or a new one) is edited below it. */
public final class WorkCentresView extends BorderPane {

  public WorkCentresView(WorkCentresViewModel vm, Messages m, boolean canManage) {
    setId("workCentresView");
    TableView<WorkCentre> table = Tables.table("workCentresTable", 260);
    table
        .getColumns()
        .add(Tables.column(m.get("production.wc.code"), WorkCentre::getCode, 110, false));
    table
        .getColumns()
        .add(Tables.column(m.get("production.wc.name"), WorkCentre::getName, 200, false));
    table
        .getColumns()
        .add(
            Tables.column(
                m.get("production.wc.machines"),
                w -> String.join(", ", w.getMachineCodesList()),
                220,
                false));
    table
        .getColumns()
        .add(
            Tables.column(
                m.get("production.wc.basis"),
                w -> WorkCentresViewModel.basisName(w.getCostBasis(), m),
                110,
                false));
    table
        .getColumns()
        .add(
            Tables.column(
                m.get("production.wc.rate"),
                w -> Amounts.money(w.getConversionRate().getAmount()),
                110,
                true));
    table
        .getColumns()
        .add(
            Tables.column(
                m.get("production.bom.active"), w -> w.getActive() ? "✓" : "", 60, false));
    table.setItems(vm.centres());
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, w) -> {
              if (w != null) {
                vm.load(w);
              }
            });

    TextField code = field("wcCode", vm.codeProperty(), 10);
    code.disableProperty().bind(vm.existingProperty());
    TextField name = field("wcName", vm.nameProperty(), 20);
    TextField machines = field("wcMachines", vm.machinesProperty(), 24);
    machines.setPromptText(m.get("production.wc.machinesPrompt"));
    ComboBox<CostBasis> basis = new ComboBox<>();
    basis.setId("wcBasis");
    basis.getItems().setAll(WorkCentresViewModel.BASES);
    basis.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(CostBasis b) {
            return b == null ? "" : WorkCentresViewModel.basisName(b, m);
          }

          @Override
          public CostBasis fromString(String s) {
            return null;
          }
        });
    basis.valueProperty().bindBidirectional(vm.basisProperty());
    TextField rate = field("wcRate", vm.rateProperty(), 8);
    rate.setAlignment(Pos.CENTER_RIGHT);
    CheckBox active = new CheckBox(m.get("production.bom.active"));
    active.setId("wcActive");
    active.selectedProperty().bindBidirectional(vm.activeProperty());
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(
        0,
        new Label(m.get("production.wc.code")),
        code,
        new Label(m.get("production.wc.name")),
        name);
    form.addRow(
        1,
        new Label(m.get("production.wc.machines")),
        machines,
        new Label(m.get("production.wc.basis")),
        basis);
    form.addRow(2, new Label(m.get("production.wc.rate")), rate, active);

    Button create = new Button(m.get("production.wc.new"), new FontIcon(Material2AL.ADD));
    create.setId("wcNew");
    create.setOnAction(
        e -> {
          table.getSelectionModel().clearSelection();
          vm.clear();
        });
    Button save = new Button(m.get("production.bom.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("wcSave");
    save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    save.setOnAction(e -> vm.save());
    save.disableProperty().bind(vm.busyProperty());
    create.setVisible(canManage);
    save.setVisible(canManage);
    form.setDisable(!canManage);
    Label message = Tables.error("wcMessage");
    message.textProperty().bind(vm.messageProperty());
    create.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox.setHgrow(message, javafx.scene.layout.Priority.ALWAYS);
    HBox buttons = Tables.row(10, create, save, message);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox body = new VBox(10, Tables.section(m.get("screen.workCentres")), table, form, buttons);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static TextField field(String id, javafx.beans.property.StringProperty p, int cols) {
    TextField t = new TextField();
    t.setId(id);
    t.setPrefColumnCount(cols);
    t.textProperty().bindBidirectional(p);
    return t;
  }
}
