package io.millstone.client.accounting;

import static io.millstone.client.accounting.GeneralLedgerView.column;

import io.millstone.api.accounting.v1.Period;
import io.millstone.client.core.Dates;
import io.millstone.client.core.DialogService;
import io.millstone.client.core.Messages;
import io.millstone.client.core.PostingSummary;
import io.millstone.client.core.Styles;
import io.millstone.client.remote.ProtoValues;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The fiscal periods with open/closed; Close and Reopen act on the selected month after a
 * confirmation, and a refusal (documents left unposted) stands under the table.
 */
public final class PeriodsView extends BorderPane {
  private final TableView<Period> table;

  public PeriodsView(
      PeriodsViewModel vm, Messages messages, DialogService dialogs, boolean mayReopen) {
    setId("periods");
    DatePicker day = new DatePicker();
    Dates.useFor(day);
    day.setId("periodsYearDay");
    day.valueProperty().bindBidirectional(vm.yearDayProperty());
    Button open =
        new Button(messages.get("accounting.periods.openYear"), new FontIcon(Material2AL.ADD));
    open.setId("periodsOpenYear");
    open.setMnemonicParsing(true);
    open.setOnAction(e -> vm.openYear());
    table = new TableView<>(vm.periods());
    Button close =
        new Button(messages.get("accounting.periods.close"), new FontIcon(Material2AL.LOCK));
    close.setId("periodsClose");
    close.setMnemonicParsing(true);
    Button reopen =
        new Button(messages.get("accounting.periods.reopen"), new FontIcon(Material2AL.LOCK_OPEN));
    reopen.setId("periodsReopen");
    reopen.setMnemonicParsing(true);
    reopen.setVisible(mayReopen);
    reopen.setManaged(mayReopen);
    var selected = table.getSelectionModel().selectedItemProperty();
    close
        .disableProperty()
        .bind(
            vm.busyProperty()
                .or(selected.isNull())
                .or(
                    javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> selected.get() != null && selected.get().getClosed(), selected)));
    reopen
        .disableProperty()
        .bind(
            vm.busyProperty()
                .or(selected.isNull())
                .or(
                    javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> selected.get() != null && !selected.get().getClosed(), selected)));
    close.setOnAction(e -> act(vm, dialogs, messages, true));
    reopen.setOnAction(e -> act(vm, dialogs, messages, false));
    Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
    refresh.setId("periodsRefresh");
    refresh.setOnAction(e -> vm.load());
    HBox bar =
        new HBox(
            8,
            new Label(messages.get("accounting.periods.yearOf")),
            day,
            open,
            new Label("  "),
            close,
            reopen,
            refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);

    table.setId("periodsTable");
    table
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
    table.setPlaceholder(new Label(messages.get("accounting.periods.none")));
    table
        .getColumns()
        .addAll(
            List.of(
                column(messages.get("accounting.periods.year"), 120, false, Period::getFiscalYear),
                column(
                    messages.get("accounting.periods.number"),
                    70,
                    true,
                    p -> String.valueOf(p.getNumber())),
                column(messages.get("accounting.vat.month"), 170, false, PeriodsViewModel::month),
                column(
                    messages.get("accounting.gl.from"),
                    110,
                    false,
                    p -> Dates.date(ProtoValues.date(p.getStartDate()))),
                column(
                    messages.get("accounting.gl.to"),
                    110,
                    false,
                    p -> Dates.date(ProtoValues.date(p.getEndDate()))),
                column(
                    messages.get("accounting.periods.state"),
                    220,
                    false,
                    p ->
                        p.getClosed()
                            ? messages.get("accounting.periods.closedBy", p.getClosedBy())
                            : messages.get("accounting.periods.open"))));
    setCenter(table);
    Label message = JournalView.error("periodsMessage");
    message.textProperty().bind(vm.messageProperty());
    message.setMaxWidth(1100);
    message.setPadding(new Insets(6, 8, 6, 8));
    setBottom(message);
    vm.load();
  }

  private void act(PeriodsViewModel vm, DialogService dialogs, Messages messages, boolean close) {
    Period p = table.getSelectionModel().getSelectedItem();
    if (p != null
        && dialogs.confirmPosting(
            new PostingSummary(
                messages
                    .get(close ? "accounting.periods.close" : "accounting.periods.reopen")
                    .replace("_", ""),
                vm.question(p, close),
                List.of()))) {
      if (close) {
        vm.close(p);
      } else {
        vm.reopen(p);
      }
    }
  }
}
