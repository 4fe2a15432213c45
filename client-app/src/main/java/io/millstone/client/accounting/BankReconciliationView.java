package io.millstone.client.accounting;

import static io.millstone.client.accounting.GeneralLedgerView.column;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.BookLine;
import io.millstone.api.accounting.v1.StatementLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import io.millstone.client.remote.ProtoValues;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Bank reconciliation: the statement's lines (entered or pasted in the box) on the left, the lines
 * posted to the account on the right. Match (or Enter on a statement line) reconciles the selected
 * statement line with the selected posted line, or with the one the server suggests.
 */
public final class BankReconciliationView extends BorderPane {
  public BankReconciliationView(BankReconciliationViewModel vm, Messages messages) {
    setId("bankReconciliation");
    ComboBox<Account> account = new ComboBox<>(vm.accounts());
    account.setId("bankAccount");
    account.setCellFactory(l -> cell());
    account.setButtonCell(cell());
    account.valueProperty().bindBidirectional(vm.accountProperty());
    account.setOnAction(e -> vm.load());
    DatePicker from = new DatePicker();
    Dates.useFor(from);
    from.setId("bankFrom");
    from.valueProperty().bindBidirectional(vm.fromProperty());
    DatePicker to = new DatePicker();
    Dates.useFor(to);
    to.setId("bankTo");
    to.valueProperty().bindBidirectional(vm.toProperty());
    Button show = new Button(messages.get("accounting.gl.show"), new FontIcon(Material2MZ.REFRESH));
    show.setId("bankShow");
    show.setMnemonicParsing(true);
    show.setOnAction(e -> vm.load());
    HBox bar =
        new HBox(
            8,
            new Label(messages.get("accounting.jv.account")),
            account,
            new Label(messages.get("accounting.gl.from")),
            from,
            new Label(messages.get("accounting.gl.to")),
            to,
            show);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(Styles.TOOLBAR);

    TextArea text = new TextArea();
    text.setId("bankStatementText");
    text.setPrefRowCount(3);
    text.setPromptText(messages.get("accounting.bank.prompt", Dates.prompt()));
    text.textProperty().bindBidirectional(vm.statementTextProperty());
    Button add = new Button(messages.get("accounting.bank.add"), new FontIcon(Material2AL.ADD));
    add.setId("bankAddStatement");
    add.setMnemonicParsing(true);
    add.disableProperty().bind(vm.busyProperty());
    add.setOnAction(e -> vm.addStatement());
    Label statementError = JournalView.error("bankStatementError");
    statementError.textProperty().bind(vm.statementErrorProperty());
    statementError.setMaxWidth(500);
    HBox entry = new HBox(8, text, new VBox(6, add, statementError));
    VBox top = new VBox(8, bar, entry);
    top.setPadding(new Insets(8));
    setTop(top);

    TableView<StatementLine> statement = new TableView<>(vm.statement());
    statement.setId("bankStatement");
    statement.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE);
    statement.setPlaceholder(new Label(messages.get("accounting.bank.noStatement")));
    statement
        .getColumns()
        .addAll(
            List.of(
                column(
                    messages.get("accounting.col.date"),
                    95,
                    false,
                    s -> Dates.date(ProtoValues.date(s.getDate()))),
                column(
                    messages.get("accounting.bank.reference"),
                    150,
                    false,
                    StatementLine::getReference),
                column(
                    messages.get("accounting.bank.amount"),
                    120,
                    true,
                    s -> Amounts.money(s.getAmount().getValue())),
                column(messages.get("accounting.periods.state"), 190, false, vm::state)));
    TableView<BookLine> books = new TableView<>(vm.books());
    books.setId("bankBooks");
    books.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE);
    books.setPlaceholder(new Label(messages.get("list.empty")));
    books
        .getColumns()
        .addAll(
            List.of(
                column(
                    messages.get("accounting.col.date"),
                    95,
                    false,
                    b -> Dates.date(ProtoValues.date(b.getDate()))),
                column(messages.get("accounting.gl.entry"), 130, false, BookLine::getEntryNumber),
                column(messages.get("accounting.col.narration"), 180, false, BookLine::getMemo),
                column(
                    messages.get("accounting.bank.amount"),
                    120,
                    true,
                    b -> Amounts.money(b.getAmount().getValue())),
                column(
                    messages.get("accounting.periods.state"),
                    110,
                    false,
                    b ->
                        messages.get(
                            b.getReconciled()
                                ? "accounting.bank.reconciled"
                                : "accounting.bank.open"))));
    statement.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    books.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Runnable match =
        () ->
            vm.match(
                statement.getSelectionModel().getSelectedItem(),
                books.getSelectionModel().getSelectedItem());
    statement.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            match.run();
          }
        });
    Label statementTitle = new Label(messages.get("accounting.bank.statementSide"));
    statementTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    Label booksTitle = new Label(messages.get("accounting.bank.booksSide"));
    booksTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    VBox left = new VBox(4, statementTitle, statement);
    VBox right = new VBox(4, booksTitle, books);
    VBox.setVgrow(statement, javafx.scene.layout.Priority.ALWAYS);
    VBox.setVgrow(books, javafx.scene.layout.Priority.ALWAYS);
    SplitPane split = new SplitPane(left, right);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setPadding(new Insets(0, 8, 0, 8));
    setCenter(split);

    Button matchButton =
        new Button(messages.get("accounting.bank.match"), new FontIcon(Material2AL.LINK));
    matchButton.setId("bankMatch");
    matchButton.setMnemonicParsing(true);
    matchButton.disableProperty().bind(vm.busyProperty());
    matchButton.setOnAction(e -> match.run());
    Label unreconciled = new Label();
    unreconciled.setId("bankUnreconciled");
    unreconciled.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    unreconciled.textProperty().bind(vm.unreconciledProperty());
    Label message = JournalView.error("bankMessage");
    message.textProperty().bind(vm.messageProperty());
    HBox bottom = new HBox(12, matchButton, unreconciled, message);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(8));
    setBottom(bottom);
    vm.loadAccounts();
  }

  private static ListCell<Account> cell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(Account a, boolean empty) {
        super.updateItem(a, empty);
        setText(empty || a == null ? "" : a.getCode() + " " + a.getName());
      }
    };
  }
}
