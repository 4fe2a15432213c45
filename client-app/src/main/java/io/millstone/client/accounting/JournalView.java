package io.millstone.client.accounting;

import io.millstone.api.accounting.v1.Account;
import io.millstone.api.accounting.v1.JournalEntry;
import io.millstone.api.accounting.v1.JournalLine;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Posting;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.Styles;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A journal voucher: date, narration and lines (account picked by code or name, debit or credit,
 * line narration), the totals and their difference live under the lines; Post (or Ctrl+P) after a
 * confirmation. The voucher last posted or opened stands below with its lines and Reverse.
 */
public final class JournalView extends BorderPane {
  private final JournalViewModel vm;
  private final Messages messages;
  private final GridPane grid = new GridPane();
  private final DatePicker date = new DatePicker();

  public JournalView(JournalViewModel vm, Messages messages, DialogService dialogs) {
    this.vm = vm;
    this.messages = messages;
    setId("journal");
    Dates.useFor(date);
    date.setId("jvDate");
    date.valueProperty().bindBidirectional(vm.dateProperty());
    Label dateError = error("jvDateError");
    dateError.textProperty().bind(vm.dateErrorProperty());
    TextField memo = new TextField();
    memo.setId("jvMemo");
    memo.setPrefColumnCount(40);
    memo.textProperty().bindBidirectional(vm.memoProperty());
    Label dateLabel = new Label(messages.get("accounting.jv.date"));
    dateLabel.setLabelFor(date);
    dateLabel.setMnemonicParsing(true);
    Label memoLabel = new Label(messages.get("accounting.jv.memo"));
    memoLabel.setLabelFor(memo);
    memoLabel.setMnemonicParsing(true);
    HBox head = new HBox(10, dateLabel, date, dateError, memoLabel, memo);
    head.setAlignment(Pos.CENTER_LEFT);

    grid.setId("jvLines");
    grid.setHgap(8);
    grid.setVgap(4);
    // Rebuilt when lines come or go, not on each key typed into them (that would lose the focus).
    vm.lines()
        .addListener(
            (ListChangeListener<JournalViewModel.Line>)
                c -> {
                  boolean structural = false;
                  while (c.next()) {
                    structural |= c.wasAdded() || c.wasRemoved() || c.wasReplaced();
                  }
                  if (structural) {
                    rebuild();
                  }
                });
    vm.accounts().addListener((ListChangeListener<Account>) c -> rebuild());
    rebuild();

    Button add = new Button(messages.get("accounting.jv.addLine"), new FontIcon(Material2AL.ADD));
    add.setId("jvAddLine");
    add.setMnemonicParsing(true);
    add.setOnAction(
        e -> {
          vm.addLine();
          focusAccount(vm.lines().size() - 1);
        });
    Label totals = new Label();
    totals.setId("jvTotals");
    totals
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    messages.get(
                        "accounting.jv.totals",
                        vm.totalDebitProperty().get(),
                        vm.totalCreditProperty().get()),
                vm.totalDebitProperty(),
                vm.totalCreditProperty()));
    totals.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    Label balance = new Label();
    balance.setId("jvBalance");
    balance.textProperty().bind(vm.balanceProperty());
    FontIcon ok = new FontIcon(Material2AL.CHECK_CIRCLE);
    ok.getStyleClass().add(atlantafx.base.theme.Styles.SUCCESS);
    FontIcon bad = new FontIcon(Material2AL.ERROR);
    bad.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
    balance
        .graphicProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.balancedProperty())
                .then((javafx.scene.Node) ok)
                .otherwise(bad));
    Label balanceError = error("jvBalanceError");
    balanceError.textProperty().bind(vm.balanceErrorProperty());
    HBox sums = new HBox(16, add, totals, balance, balanceError);
    sums.setAlignment(Pos.CENTER_LEFT);

    Button post = new Button(messages.get("accounting.jv.post"), new FontIcon(Material2MZ.SEND));
    post.setId("jvPost");
    post.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    post.disableProperty().bind(vm.busyProperty());
    Posting.wire(this, post, dialogs, vm::summary, vm::post);
    Label message = error("jvMessage");
    message.textProperty().bind(vm.messageProperty());
    message.setMaxWidth(900);
    HBox buttons = new HBox(10, post, message);
    buttons.setAlignment(Pos.CENTER_LEFT);

    // The voucher posted or opened last, with Reverse.
    Label postedTitle = new Label();
    postedTitle.setId("jvPostedTitle");
    postedTitle.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_4);
    Label postedLines = new Label();
    postedLines.setId("jvPostedLines");
    postedLines.setStyle("-fx-font-family: monospace;");
    Button reverse =
        new Button(messages.get("accounting.jv.reverse"), new FontIcon(Material2MZ.UNDO));
    reverse.setId("jvReverse");
    reverse.setMnemonicParsing(true);
    reverse.visibleProperty().bind(vm.reversibleProperty());
    reverse.disableProperty().bind(vm.busyProperty());
    reverse.setOnAction(
        e -> {
          if (dialogs.confirmPosting(
              new PostingSummary(
                  messages.get("accounting.jv.reverseTitle"), vm.reverseQuestion(), List.of()))) {
            vm.reverse();
          }
        });
    VBox postedBox = new VBox(6, postedTitle, postedLines, reverse);
    postedBox.visibleProperty().bind(vm.postedProperty().isNotNull());
    vm.postedProperty()
        .addListener(
            (o, a, e) -> {
              if (e != null) {
                postedTitle.setText(title(e));
                postedLines.setText(lines(e));
              }
            });

    VBox body = new VBox(12, head, grid, sums, buttons, postedBox);
    body.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
    vm.load();
  }

  private String title(JournalEntry e) {
    return messages.get(
        "accounting.jv.postedTitle",
        e.getNumber(),
        Dates.date(io.millstone.client.remote.ProtoValues.date(e.getEntryDate())),
        GeneralLedgerView.source(messages, e.getSource()),
        e.getMemo(),
        e.getPostedBy());
  }

  private static String lines(JournalEntry e) {
    StringBuilder b = new StringBuilder();
    for (JournalLine l : e.getLinesList()) {
      String d =
          Amounts.of(l.getDebit().getValue()).signum() == 0
              ? ""
              : Amounts.money(l.getDebit().getValue());
      String c =
          Amounts.of(l.getCredit().getValue()).signum() == 0
              ? ""
              : Amounts.money(l.getCredit().getValue());
      b.append(String.format("%-6s %16s %16s  %s%n", l.getAccountCode(), d, c, l.getMemo()));
    }
    return b.toString().stripTrailing();
  }

  private void rebuild() {
    grid.getChildren().clear();
    grid.addRow(
        0,
        muted(messages.get("accounting.jv.account")),
        muted(""),
        muted(messages.get("accounting.tb.debit")),
        muted(messages.get("accounting.tb.credit")),
        muted(messages.get("accounting.jv.lineMemo")));
    List<String> choices =
        vm.accounts().stream().map(a -> a.getCode() + " " + a.getName()).toList();
    int row = 1;
    for (JournalViewModel.Line l : vm.lines()) {
      int i = row - 1;
      ComboBox<String> account = new ComboBox<>();
      account.setId("jv-" + i + "-account");
      account.setEditable(true);
      account.getItems().setAll(choices);
      account.setPrefWidth(220);
      account.getEditor().textProperty().bindBidirectional(l.accountProperty());
      Label name = new Label();
      name.setId("jv-" + i + "-name");
      name.textProperty().bind(l.accountNameProperty());
      name.setPrefWidth(200);
      TextField debit = amount("jv-" + i + "-debit", l.debitProperty());
      TextField credit = amount("jv-" + i + "-credit", l.creditProperty());
      TextField memo = new TextField();
      memo.setId("jv-" + i + "-memo");
      memo.setPrefColumnCount(20);
      memo.textProperty().bindBidirectional(l.memoProperty());
      // Enter in the last field of the last line starts a new line.
      memo.setOnKeyPressed(
          e -> {
            if (e.getCode() == KeyCode.ENTER && i == vm.lines().size() - 1) {
              e.consume();
              vm.addLine();
              focusAccount(i + 1);
            }
          });
      Button remove = new Button(null, new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
      remove.setId("jv-" + i + "-remove");
      remove.setFocusTraversable(false);
      remove.setOnAction(e -> vm.removeLine(l));
      Label error = error("jv-" + i + "-error");
      error.textProperty().bind(l.errorProperty());
      grid.addRow(row++, account, name, debit, credit, memo, remove, error);
    }
  }

  private void focusAccount(int i) {
    Platform.runLater(
        () -> {
          var n = grid.lookup("#jv-" + i + "-account");
          if (n != null) {
            n.requestFocus();
          }
        });
  }

  private static TextField amount(String id, javafx.beans.property.StringProperty p) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(10);
    f.setAlignment(Pos.CENTER_RIGHT);
    f.textProperty().bindBidirectional(p);
    return f;
  }

  static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass()
        .addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
    return l;
  }

  static Label error(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    l.setWrapText(true);
    return l;
  }

  public void focusFirst() {
    Platform.runLater(date::requestFocus);
  }
}
