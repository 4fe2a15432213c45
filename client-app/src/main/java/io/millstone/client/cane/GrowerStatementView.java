package io.millstone.client.cane;

import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A grower's statement: type the grower number, Enter; the lines oldest first and the totals. */
public final class GrowerStatementView extends BorderPane {
  private final TextField grower = new TextField();

  public GrowerStatementView(GrowerStatementViewModel vm, Messages m) {
    setId("growerStatementView");
    grower.setId("gsGrower");
    grower.setPrefColumnCount(10);
    grower.textProperty().bindBidirectional(vm.growerNumberProperty());
    grower.setOnAction(e -> vm.load());
    TextField season = new TextField();
    season.setId("gsSeason");
    season.setPrefColumnCount(8);
    season.textProperty().bindBidirectional(vm.seasonProperty());
    season.setOnAction(e -> vm.load());
    Button show = new Button(m.get("cane.statement.show"));
    show.setId("gsShow");
    show.setOnAction(e -> vm.load());
    HBox top =
        new HBox(
            10,
            new Label(m.get("cane.wb.grower")),
            grower,
            new Label(m.get("cane.season")),
            season,
            show,
            Ui.error("gsMessage", vm.messageProperty()));
    top.setAlignment(Pos.CENTER_LEFT);
    Label heading = Ui.bound("gsHeading", vm.headingProperty());
    heading.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);

    TableView<GrowerStatementViewModel.Line> table = new TableView<>(vm.lines());
    table.setId("gsLines");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .add(
            col(
                m.get("cane.statement.date"),
                l -> l.date() == LocalDate.MIN ? "" : Dates.date(l.date()),
                95,
                false));
    table
        .getColumns()
        .add(col(m.get("cane.statement.kind"), GrowerStatementViewModel.Line::kind, 95, false));
    table
        .getColumns()
        .add(
            col(m.get("cane.statement.number"), GrowerStatementViewModel.Line::number, 130, false));
    table
        .getColumns()
        .add(col(m.get("cane.statement.weight"), GrowerStatementViewModel.Line::weight, 110, true));
    table
        .getColumns()
        .add(col(m.get("cane.statement.amount"), GrowerStatementViewModel.Line::amount, 120, true));
    table
        .getColumns()
        .add(
            col(m.get("cane.statement.detail"), GrowerStatementViewModel.Line::detail, 420, false));
    VBox.setVgrow(table, Priority.ALWAYS);

    GridPane totals = new GridPane();
    totals.setId("gsTotals");
    totals.setHgap(14);
    totals.setVgap(2);
    String[] keys = {
      "cane.statement.caneValue",
      "cane.statement.deducted",
      "cane.statement.paid",
      "cane.statement.balance",
      "cane.statement.loansOutstanding"
    };
    var values =
        java.util.List.of(
            vm.caneValueProperty(),
            vm.deductedProperty(),
            vm.paidProperty(),
            vm.balanceProperty(),
            vm.loansOutstandingProperty());
    String[] ids = {"gsCaneValue", "gsDeducted", "gsPaid", "gsBalance", "gsLoans"};
    for (int i = 0; i < keys.length; i++) {
      Label v = Ui.bound(ids[i], values.get(i));
      v.setMinWidth(120);
      v.setAlignment(Pos.CENTER_RIGHT);
      if (i == 3) {
        v.setStyle("-fx-font-weight: bold;");
      }
      totals.addRow(i, new Label(m.get(keys[i])), v);
    }
    VBox body = new VBox(10, Ui.title(m.get("cane.statement.title")), top, heading, table, totals);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  private static TableColumn<GrowerStatementViewModel.Line, String> col(
      String title,
      Function<GrowerStatementViewModel.Line, String> text,
      double width,
      boolean numeric) {
    TableColumn<GrowerStatementViewModel.Line, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new SimpleStringProperty(text.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    if (numeric) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  public void focusFirst() {
    Platform.runLater(grower::requestFocus);
  }

  /** The shell focuses the screen when it shows it: the caret goes to the first field. */
  @Override
  public void requestFocus() {
    grower.requestFocus();
  }
}
