package io.millstone.client.papers;

import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.Styles;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The VAT return (Mushak 9.1) of a month: its parts by rate, then output and input VAT, the
 * adjustments and the net payable; Print (Ctrl+P), Save as PDF… and Save as Excel….
 */
public final class VatReturnView extends BorderPane {
  private final ComboBox<YearMonth> month;

  public VatReturnView(VatReturnViewModel vm, ScreenContext ctx) {
    Messages m = ctx.messages();
    setId("vatReturnView");
    month = new ComboBox<>(vm.months());
    month.setId("vatReturnMonth");
    month.valueProperty().bindBidirectional(vm.monthProperty());
    DateTimeFormatter f = DateTimeFormatter.ofPattern("MMMM yyyy", m.locale());
    month.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(YearMonth ym) {
            return ym == null ? "" : ym.format(f);
          }

          @Override
          public YearMonth fromString(String s) {
            return null;
          }
        });
    Button show = new Button(m.get("vat.book.show"), new FontIcon(Material2MZ.REFRESH));
    show.setId("vatReturnShow");
    show.setMnemonicParsing(true);
    show.setDefaultButton(true);
    show.disableProperty().bind(vm.busyProperty());
    show.setOnAction(e -> vm.load());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(8, VatBookView.label(m.get("vat.return.month"), month), month, show, grow);
    bar.getChildren()
        .addAll(
            PaperButtons.of(ctx, this, "vat-return", vm::title, vm::paper, vm::fileName, vm::save));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));
    bar.getStyleClass().add(Styles.TOOLBAR);
    Label company = new Label();
    company.setId("vatReturnCompany");
    company.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
    company.textProperty().bind(vm.companyProperty());
    HBox who = new HBox(company);
    who.setPadding(new Insets(0, 8, 4, 8));
    setTop(new VBox(bar, who));

    TableView<VatReturnViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("vatReturnTable");
    table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
    table.setPlaceholder(new Label(m.get("list.empty")));
    table
        .getColumns()
        .addAll(
            List.of(
                VatBookView.column(
                    m.get("vat.return.note"), 60, false, VatReturnViewModel.Row::note),
                VatBookView.column(
                    m.get("vat.return.description"),
                    340,
                    false,
                    VatReturnViewModel.Row::description),
                VatBookView.column(m.get("vat.book.rate"), 80, true, VatReturnViewModel.Row::rate),
                VatBookView.column(
                    m.get("vat.return.value"), 150, true, VatReturnViewModel.Row::value),
                VatBookView.column(m.get("vat.book.sd"), 120, true, VatReturnViewModel.Row::sd),
                VatBookView.column(m.get("vat.book.vat"), 150, true, VatReturnViewModel.Row::vat)));
    table.setRowFactory(
        t ->
            new TableRow<>() {
              @Override
              protected void updateItem(VatReturnViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(
                    !empty && r != null && r.heading()
                        ? "-fx-font-weight: bold; -fx-background-color: -color-bg-subtle;"
                        : "");
              }
            });
    setCenter(table);

    GridPane sums = new GridPane();
    sums.setHgap(16);
    sums.setVgap(4);
    sums.setPadding(new Insets(8));
    sum(sums, 0, m.get("vat.return.output"), "vatReturnOutput", vm.outputProperty(), false);
    sum(sums, 1, m.get("vat.return.input"), "vatReturnInput", vm.inputProperty(), false);
    sum(
        sums,
        2,
        m.get("vat.return.increasing"),
        "vatReturnIncreasing",
        vm.increasingProperty(),
        false);
    sum(
        sums,
        3,
        m.get("vat.return.decreasing"),
        "vatReturnDecreasing",
        vm.decreasingProperty(),
        false);
    sum(sums, 4, m.get("vat.return.net"), "vatReturnNet", vm.netProperty(), true);
    Label message = VatBookView.error("vatReturnMessage", vm.messageProperty());
    VBox bottom = new VBox(4, sums, message);
    bottom.setPadding(new Insets(0, 8, 6, 8));
    setBottom(bottom);
    vm.monthProperty().addListener((o, a, b) -> vm.load());
    vm.load();
  }

  private static void sum(
      GridPane grid,
      int row,
      String title,
      String id,
      javafx.beans.value.ObservableStringValue value,
      boolean bold) {
    Label t = new Label(title);
    Label v = new Label();
    v.setId(id);
    v.textProperty().bind(value);
    v.setMinWidth(160);
    v.setAlignment(Pos.CENTER_RIGHT);
    if (bold) {
      t.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
      v.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    }
    grid.addRow(row, t, v);
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(month::requestFocus);
  }
}
