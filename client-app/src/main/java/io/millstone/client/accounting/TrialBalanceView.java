package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.TrialBalanceLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The trial balance as of a date, with the debit and credit totals under the columns. */
public final class TrialBalanceView extends BorderPane {

  public TrialBalanceView(TrialBalanceViewModel vm, Messages messages) {
    this(vm, messages, l -> {});
  }

  /**
   * With Enter (or a double click) on an account opening its general ledger ({@code drill}) up to
   * the same date.
   */
  public TrialBalanceView(
      TrialBalanceViewModel vm,
      Messages messages,
      java.util.function.Consumer<TrialBalanceLine> drill) {
    setId("trialBalance");
    DatePicker asOf = new DatePicker();
    Dates.useFor(asOf);
    asOf.setId("tbAsOf");
    asOf.valueProperty().bindBidirectional(vm.asOfProperty());
    asOf.valueProperty().addListener((o, a, b) -> vm.load());
    Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
    refresh.setId("tbRefresh");
    refresh.setOnAction(e -> vm.load());
    refresh.disableProperty().bind(vm.busyProperty());
    HBox bar = new HBox(8, new Label(messages.get("accounting.tb.asOf")), asOf, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);

    TableView<TrialBalanceLine> table = new TableView<>(vm.lines());
    table.setId("tbTable");
    table
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
    table.setPlaceholder(new Label(messages.get("list.empty")));
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.ENTER
              && table.getSelectionModel().getSelectedItem() != null) {
            e.consume();
            drill.accept(table.getSelectionModel().getSelectedItem());
          }
        });
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
            drill.accept(table.getSelectionModel().getSelectedItem());
          }
        });
    TableColumn<TrialBalanceLine, String> debit =
        column(
            messages.get("accounting.tb.debit"),
            170,
            true,
            l -> blankZero(l.getDebit().getValue()));
    TableColumn<TrialBalanceLine, String> credit =
        column(
            messages.get("accounting.tb.credit"),
            170,
            true,
            l -> blankZero(l.getCredit().getValue()));
    table
        .getColumns()
        .addAll(
            java.util.List.of(
                column(
                    messages.get("accounting.tb.code"),
                    90,
                    false,
                    TrialBalanceLine::getAccountCode),
                column(
                    messages.get("accounting.tb.account"),
                    300,
                    false,
                    TrialBalanceLine::getAccountName),
                column(
                    messages.get("accounting.tb.type"),
                    110,
                    false,
                    l -> {
                      String k = "accounting.type." + l.getType().toLowerCase(Locale.ROOT);
                      return messages.has(k) ? messages.get(k) : l.getType();
                    }),
                debit,
                credit));
    // The columns fill the width, so the totals below sit under Debit and Credit.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    setCenter(table);

    Label totalsLabel = new Label(messages.get("accounting.tb.totals"));
    totalsLabel.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    Label dr = total("tbTotalDebit", vm.totalDebitProperty());
    Label cr = total("tbTotalCredit", vm.totalCreditProperty());
    dr.prefWidthProperty().bind(debit.widthProperty());
    cr.prefWidthProperty().bind(credit.widthProperty());
    Label verdict = new Label();
    verdict.setId("tbVerdict");
    verdict.textProperty().bind(vm.verdictProperty());
    FontIcon ok = new FontIcon(Material2AL.CHECK_CIRCLE);
    ok.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    FontIcon bad = new FontIcon(Material2AL.ERROR);
    bad.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    vm.balancedProperty().addListener((o, a, b) -> verdict.setGraphic(b ? ok : bad));
    Label message = new Label();
    message.setId("tbMessage");
    message.getStyleClass().add(Styles.ERROR_TEXT);
    message.textProperty().bind(vm.messageProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox totals = new HBox(0, verdict, grow, totalsLabel, dr, cr);
    totals.setAlignment(Pos.CENTER_LEFT);
    totals.setPadding(new Insets(6, 18, 6, 8));
    VBox bottom = new VBox(4, totals, message);
    setBottom(bottom);
    vm.load();
  }

  private static String blankZero(String v) {
    return Amounts.of(v).signum() == 0 ? "" : Amounts.money(v);
  }

  private static Label total(String id, javafx.beans.value.ObservableStringValue v) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(v);
    l.setAlignment(Pos.CENTER_RIGHT);
    l.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    l.setPadding(new Insets(0, 8, 0, 0));
    return l;
  }

  private static TableColumn<TrialBalanceLine, String> column(
      String title, double width, boolean right, Function<TrialBalanceLine, String> text) {
    TableColumn<TrialBalanceLine, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new SimpleStringProperty(text.apply(cd.getValue())));
    c.setPrefWidth(width);
    if (right) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }
}
