package io.millstone.client.core;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An ageing of open documents per party (receivables by customer, payables by supplier): what is
 * not yet due, and what is 1-30, 31-60, 61-90 and over 90 days past due, with the total. Enter or a
 * double click opens the party's open documents.
 */
public final class AgeingView extends BorderPane {

  /** One party's row, amounts already written out. */
  public record Row(
      String code,
      String name,
      String current,
      String days1to30,
      String days31to60,
      String days61to90,
      String over90,
      String total) {

    /** A row from the server's ageing of receivables or payables, its buckets written out. */
    public static Row of(
        String code,
        String name,
        io.millstone.api.common.v1.Money current,
        io.millstone.api.common.v1.Money days1to30,
        io.millstone.api.common.v1.Money days31to60,
        io.millstone.api.common.v1.Money days61to90,
        io.millstone.api.common.v1.Money over90,
        io.millstone.api.common.v1.Money total) {
      return new Row(
          code,
          name,
          Amounts.money(current.getAmount()),
          Amounts.money(days1to30.getAmount()),
          Amounts.money(days31to60.getAmount()),
          Amounts.money(days61to90.getAmount()),
          Amounts.money(over90.getAmount()),
          Amounts.money(total.getAmount()));
    }
  }

  private final TableView<Row> table = new TableView<>();
  private final Label asOf = new Label();
  private final Label total = new Label();
  private final Label message = new Label();

  public AgeingView(String id, String title, String partyKey, Messages m, Consumer<Row> open) {
    setId(id);
    Label heading = new Label(title);
    heading.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_3);
    asOf.setId("ageingAsOf");
    asOf.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    table.setId("ageingTable");
    table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
    table
        .getColumns()
        .addAll(
            List.of(
                column(m.get(partyKey), 110, false, Row::code),
                column(m.get("ageing.name"), 220, false, Row::name),
                column(m.get("ageing.current"), 120, true, Row::current),
                column(m.get("ageing.days1to30"), 120, true, Row::days1to30),
                column(m.get("ageing.days31to60"), 120, true, Row::days31to60),
                column(m.get("ageing.days61to90"), 120, true, Row::days61to90),
                column(m.get("ageing.over90"), 120, true, Row::over90),
                column(m.get("ageing.total"), 140, true, Row::total)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(m.get("ageing.nothingOpen")));
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
            e.consume();
            open.accept(table.getSelectionModel().getSelectedItem());
          }
        });
    table.setRowFactory(
        tv -> {
          javafx.scene.control.TableRow<Row> r = new javafx.scene.control.TableRow<>();
          r.setOnMouseClicked(
              e -> {
                if (e.getClickCount() == 2 && !r.isEmpty()) {
                  open.accept(r.getItem());
                }
              });
          return r;
        });
    total.setId("ageingTotal");
    total.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    message.setId("ageingMessage");
    message.getStyleClass().add(Styles.ERROR_TEXT);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox foot = new HBox(10, message, grow, new Label(m.get("ageing.total")), total);
    foot.setAlignment(Pos.CENTER_LEFT);
    Label hint = new Label(m.get("ageing.hint"));
    hint.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    VBox top = new VBox(4, heading, asOf, hint);
    VBox.setVgrow(table, Priority.ALWAYS);
    VBox body = new VBox(10, top, table, foot);
    body.setPadding(new Insets(12));
    setCenter(body);
  }

  /** Shows the ageing: its rows, the day it is as of and the total. */
  public void show(String asOfText, List<Row> rows, String totalText) {
    asOf.setText(asOfText);
    table.getItems().setAll(rows);
    total.setText(totalText);
    message.setText("");
    if (!rows.isEmpty()) {
      table.getSelectionModel().selectFirst();
    }
  }

  public void failed(String text) {
    message.setText(text);
  }

  public TableView<Row> table() {
    return table;
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(table::requestFocus);
  }

  private static TableColumn<Row, String> column(
      String title, double width, boolean right, java.util.function.Function<Row, String> text) {
    TableColumn<Row, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new SimpleStringProperty(text.apply(cd.getValue())));
    c.setPrefWidth(width);
    if (right) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }
}
