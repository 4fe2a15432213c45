package io.millstone.client.accounting;

import static io.millstone.client.accounting.GeneralLedgerView.column;

import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The VAT summary: per month output, input and net payable, each month's rates under it. */
public final class VatSummaryView extends BorderPane {
  public VatSummaryView(VatSummaryViewModel vm, Messages messages) {
    setId("vatSummary");
    DatePicker from = Dates.picker("vatFrom", vm.fromProperty());
    DatePicker to = Dates.picker("vatTo", vm.toProperty());
    Button show = new Button(messages.get("accounting.gl.show"), new FontIcon(Material2MZ.REFRESH));
    show.setId("vatShow");
    show.setMnemonicParsing(true);
    show.setDefaultButton(true);
    show.disableProperty().bind(vm.busyProperty());
    show.setOnAction(e -> vm.load());
    HBox bar =
        new HBox(
            8,
            new Label(messages.get("accounting.gl.from")),
            from,
            new Label(messages.get("accounting.gl.to")),
            to,
            show);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    setTop(bar);
    TableView<VatSummaryViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("vatTable");
    table
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
    table.setPlaceholder(new Label(messages.get("list.empty")));
    table
        .getColumns()
        .addAll(
            List.of(
                column(
                    messages.get("accounting.vat.month"),
                    160,
                    false,
                    VatSummaryViewModel.Row::month),
                column(
                    messages.get("accounting.vat.rate"), 110, false, VatSummaryViewModel.Row::rate),
                column(
                    messages.get("accounting.vat.output"),
                    170,
                    true,
                    VatSummaryViewModel.Row::output),
                column(
                    messages.get("accounting.vat.input"),
                    170,
                    true,
                    VatSummaryViewModel.Row::input),
                column(
                    messages.get("accounting.vat.net"), 170, true, VatSummaryViewModel.Row::net)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    setCenter(table);
    Label total = new Label();
    total.setId("vatTotal");
    total.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    total.textProperty().bind(vm.totalProperty());
    Label message = JournalView.error("vatMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox bottom = new VBox(4, total, message);
    bottom.setPadding(new Insets(6, 8, 6, 8));
    setBottom(bottom);
    vm.load();
  }
}
