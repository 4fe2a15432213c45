package io.millstone.client.production;

import io.millstone.api.production.v1.ProductionRun;
import io.millstone.client.core.Messages;
import io.millstone.client.production.ProductionReportViewModel.Behind;
import io.millstone.client.production.ProductionReportViewModel.BehindRow;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What lies behind a figure of the production report; a run's line opens the run. */
final class BehindView extends BorderPane {
  private final TableView<BehindRow> table = Tables.table("behindTable", 300);

  BehindView(Behind behind, Messages m, Consumer<ProductionRun> opener) {
    setId("behindView");
    Label title = Tables.title("behindTitle");
    title.setText(behind.title());
    for (int i = 0; i < behind.headings().size(); i++) {
      int col = i;
      table
          .getColumns()
          .add(
              Tables.column(
                  behind.headings().get(i),
                  r -> col < r.cells().size() ? r.cells().get(col) : "",
                  130,
                  false));
    }
    table.getItems().setAll(behind.rows());
    table.setPlaceholder(new Label(m.get("report.behind.none")));
    table.setRowFactory(
        t -> {
          TableRow<BehindRow> row = new TableRow<>();
          row.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2
                    && row.getItem() != null
                    && row.getItem().run() != null) {
                  opener.accept(row.getItem().run());
                }
              });
          return row;
        });
    table.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          BehindRow r = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && r != null && r.run() != null) {
            opener.accept(r.run());
            e.consume();
          }
        });
    Label count = Tables.muted(m.get("report.behind.count", behind.rows().size()));
    count.setId("behindCount");
    VBox body = new VBox(10, title, table, count);
    VBox.setVgrow(table, Priority.ALWAYS);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  /** Puts the selection on the first line once the tab shows, so Enter opens it at once. */
  void focusFirst() {
    Runnable focus =
        () -> {
          table.requestFocus();
          if (!table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
          }
        };
    if (getScene() != null) {
      // the tab is being selected: focus once it shows
      javafx.application.Platform.runLater(focus);
      return;
    }
    sceneProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                  javafx.scene.Scene a,
                  javafx.scene.Scene b) {
                if (b != null) {
                  sceneProperty().removeListener(this);
                  javafx.application.Platform.runLater(focus);
                }
              }
            });
  }
}
