package io.millstone.client.production;

import io.millstone.client.core.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The limits of every stream in one grid: for each value, its lowest and highest. */
public final class LimitsView extends BorderPane {

  public LimitsView(LimitsViewModel vm, Messages m, boolean canSave) {
    setId("limitsView");
    GridPane grid = new GridPane();
    grid.setId("limitsGrid");
    grid.setHgap(4);
    grid.setVgap(4);
    int col = 1;
    for (String f : LabViewModel.FIELDS) {
      Label h = Tables.muted(m.get("lab.field." + f));
      grid.add(h, col, 0, 2, 1);
      grid.add(Tables.muted(m.get("lab.limits.min")), col, 1);
      grid.add(Tables.muted(m.get("lab.limits.max")), col + 1, 1);
      col += 2;
    }
    grid.add(Tables.muted(m.get("lab.stream")), 0, 1);
    int row = 2;
    for (LimitsViewModel.Row r : vm.rows()) {
      String id = "limits-" + r.stream().name().substring("STREAM_".length());
      grid.add(new Label(m.get("lab.stream." + r.stream().name())), 0, row);
      int c = 1;
      for (String f : LabViewModel.FIELDS) {
        grid.add(bound(id + "-" + f + "-min", r.min(f), canSave), c++, row);
        grid.add(bound(id + "-" + f + "-max", r.max(f), canSave), c++, row);
      }
      Label error = Tables.error(id + "-error");
      error.textProperty().bind(r.errorProperty());
      grid.add(error, c, row);
      row++;
    }
    Button save = new Button(m.get("production.bom.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("limitsSave");
    save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    save.disableProperty().bind(vm.busyProperty());
    save.setOnAction(e -> vm.save());
    save.setVisible(canSave);
    Label message = Tables.error("limitsMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox body =
        new VBox(
            10,
            Tables.section(m.get("screen.labLimits")),
            Tables.muted(m.get("lab.limits.hint")),
            grid,
            Tables.row(10, save, message));
    body.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
  }

  private static TextField bound(String id, javafx.beans.property.StringProperty p, boolean edit) {
    TextField t = new TextField();
    t.setId(id);
    t.setPrefColumnCount(4);
    t.setAlignment(Pos.CENTER_RIGHT);
    t.setEditable(edit);
    t.textProperty().bindBidirectional(p);
    return t;
  }
}
