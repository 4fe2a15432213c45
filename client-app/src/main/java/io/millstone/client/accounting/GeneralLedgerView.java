package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.LedgerLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import io.millstone.client.remote.ProtoValues;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The general ledger of one account over a range: opening balance above the lines, the running
 * balance beside each, the closing balance below. Enter (or a double click) on a line opens its
 * voucher.
 */
public final class GeneralLedgerView extends BorderPane {
  private final TableView<LedgerLine> table;
  private final ComboBox<String> account = new ComboBox<>();

  public GeneralLedgerView(
      GeneralLedgerViewModel vm, Messages messages, Consumer<LedgerLine> openLine) {
    setId("generalLedger");
    account.setId("glAccount");
    account.setEditable(true);
    account.setPrefWidth(260);
    vm.accounts()
        .addListener(
            (javafx.collections.ListChangeListener<io.millstone.api.accounting.v1.Account>)
                c ->
                    account
                        .getItems()
                        .setAll(
                            vm.accounts().stream()
                                .map(a -> a.getCode() + " " + a.getName())
                                .toList()));
    account.getEditor().textProperty().bindBidirectional(vm.accountProperty());
    account.setOnAction(e -> vm.load());
    Label accountError = JournalView.error("glAccountError");
    accountError.textProperty().bind(vm.accountErrorProperty());
    DatePicker from = Dates.picker("glFrom", vm.fromProperty());
    DatePicker to = Dates.picker("glTo", vm.toProperty());
    Button show = new Button(messages.get("accounting.gl.show"), new FontIcon(Material2MZ.REFRESH));
    show.setId("glShow");
    show.setMnemonicParsing(true);
    show.setDefaultButton(true);
    show.disableProperty().bind(vm.busyProperty());
    show.setOnAction(e -> vm.load());
    Label accountLabel = new Label(messages.get("accounting.jv.account"));
    accountLabel.setLabelFor(account);
    HBox bar =
        new HBox(
            8,
            accountLabel,
            account,
            new Label(messages.get("accounting.gl.from")),
            from,
            new Label(messages.get("accounting.gl.to")),
            to,
            show,
            accountError);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(Styles.TOOLBAR);
    Label title = new Label();
    title.setId("glTitle");
    title.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    title.textProperty().bind(vm.titleProperty());
    Label opening = new Label();
    opening.setId("glOpening");
    opening.textProperty().bind(vm.openingProperty());
    VBox top = new VBox(6, bar, title, opening);
    top.setPadding(new Insets(8));
    setTop(top);

    table = new TableView<>(vm.lines());
    table.setId("glTable");
    table
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
    table.setPlaceholder(new Label(messages.get("list.empty")));
    table
        .getColumns()
        .addAll(
            java.util.List.of(
                column(
                    messages.get("accounting.col.date"),
                    100,
                    false,
                    l -> Dates.date(ProtoValues.date(l.getEntryDate()))),
                column(messages.get("accounting.gl.entry"), 140, false, LedgerLine::getEntryNumber),
                column(
                    messages.get("accounting.gl.source"),
                    130,
                    false,
                    l -> source(messages, l.getSource())),
                column(messages.get("accounting.col.narration"), 300, false, LedgerLine::getMemo),
                column(
                    messages.get("accounting.tb.debit"),
                    130,
                    true,
                    l -> blankZero(l.getDebit().getValue())),
                column(
                    messages.get("accounting.tb.credit"),
                    130,
                    true,
                    l -> blankZero(l.getCredit().getValue())),
                column(
                    messages.get("accounting.gl.balance"),
                    150,
                    true,
                    l -> vm.balance(l.getBalance().getValue()))));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
            e.consume();
            openLine.accept(table.getSelectionModel().getSelectedItem());
          }
        });
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
            openLine.accept(table.getSelectionModel().getSelectedItem());
          }
        });
    setCenter(table);
    Label closing = new Label();
    closing.setId("glClosing");
    closing.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    closing.textProperty().bind(vm.closingProperty());
    Label message = JournalView.error("glMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox bottom = new VBox(4, closing, message);
    bottom.setPadding(new Insets(6, 8, 6, 8));
    setBottom(bottom);
    vm.loadAccounts();
  }

  /** The source of an entry in words: "Manual", "Sales invoice", or the code as stored. */
  static String source(Messages messages, String source) {
    String k = "accounting.source." + source.toLowerCase(Locale.ROOT);
    return messages.has(k) ? messages.get(k) : source;
  }

  static String blankZero(String v) {
    return Amounts.of(v).signum() == 0 ? "" : Amounts.money(v);
  }

  static <T> TableColumn<T, String> column(
      String title, double width, boolean right, Function<T, String> text) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new SimpleStringProperty(text.apply(cd.getValue())));
    c.setPrefWidth(width);
    if (right) {
      c.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
    return c;
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(
        () -> {
          if (table.getItems().isEmpty()) {
            account.requestFocus();
          } else {
            table.requestFocus();
            table.getSelectionModel().selectFirst();
          }
        });
  }
}
