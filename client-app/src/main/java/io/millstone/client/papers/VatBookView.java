package io.millstone.client.papers;

import io.millstone.api.papers.v1.VatBookKind;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.Styles;
import java.util.List;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * VAT registers: the purchase book (Mushak 6.1) or sales book (6.2) for a period; its lines in a
 * table, the totals under it; Print (Ctrl+P), Save as PDF… and Save as Excel….
 */
public final class VatBookView extends BorderPane {
  private final ComboBox<VatBookKind> kind;

  public VatBookView(VatBookViewModel vm, ScreenContext ctx) {
    Messages m = ctx.messages();
    setId("vatBookView");
    kind =
        new ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(
                VatBookKind.VAT_BOOK_KIND_SALES, VatBookKind.VAT_BOOK_KIND_PURCHASE));
    kind.setId("vatBookKind");
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    kind.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(VatBookKind k) {
            return k == null
                ? ""
                : m.get(
                    k == VatBookKind.VAT_BOOK_KIND_PURCHASE
                        ? "vat.book.purchase"
                        : "vat.book.sales");
          }

          @Override
          public VatBookKind fromString(String s) {
            return null;
          }
        });
    Label kindLabel = label(m.get("vat.book.kind"), kind);
    DatePicker from = Dates.picker("vatBookFrom", vm.fromProperty());
    DatePicker to = Dates.picker("vatBookTo", vm.toProperty());
    Label fromError = error("vatBookFromError", vm.fromErrorProperty());
    Label toError = error("vatBookToError", vm.toErrorProperty());
    Button show = new Button(m.get("vat.book.show"), new FontIcon(Material2MZ.REFRESH));
    show.setId("vatBookShow");
    show.setMnemonicParsing(true);
    show.setDefaultButton(true);
    show.disableProperty().bind(vm.busyProperty());
    show.setOnAction(e -> vm.load());
    HBox bar =
        new HBox(
            8,
            kindLabel,
            kind,
            label(m.get("vat.book.from"), from),
            new VBox(2, from, fromError),
            label(m.get("vat.book.to"), to),
            new VBox(2, to, toError),
            show);
    bar.setAlignment(Pos.TOP_LEFT);
    bar.setPadding(new Insets(8, 8, 4, 8));
    HBox papers =
        new HBox(
            8,
            PaperButtons.of(ctx, this, "vat-book", vm::title, vm::paper, vm::fileName, vm::save));
    papers.setPadding(new Insets(0, 8, 8, 8));
    for (javafx.scene.Node n : bar.getChildren()) {
      if (n instanceof javafx.scene.control.Labeled l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    for (javafx.scene.Node n : papers.getChildren()) {
      ((javafx.scene.control.Labeled) n).setMinWidth(Region.USE_PREF_SIZE);
    }
    kind.setMinWidth(Region.USE_PREF_SIZE);
    VBox top = new VBox(bar, papers);
    top.getStyleClass().add(Styles.TOOLBAR);
    setTop(top);

    TableView<VatBookViewModel.Row> table = new TableView<>(vm.rows());
    table.setId("vatBookTable");
    table
        .getStyleClass()
        .addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.STRIPED);
    table.setPlaceholder(new Label(m.get("list.empty")));
    table
        .getColumns()
        .addAll(
            List.of(
                column(m.get("vat.book.serial"), 50, true, VatBookViewModel.Row::serial),
                column(m.get("vat.book.date"), 100, false, VatBookViewModel.Row::date),
                column(m.get("vat.book.number"), 120, false, VatBookViewModel.Row::number),
                column(m.get("vat.book.party"), 180, false, VatBookViewModel.Row::party),
                column(m.get("vat.book.bin"), 110, false, VatBookViewModel.Row::bin),
                column(m.get("vat.book.item"), 180, false, VatBookViewModel.Row::item),
                column(m.get("vat.book.quantity"), 110, true, VatBookViewModel.Row::quantity),
                column(m.get("vat.book.taxable"), 130, true, VatBookViewModel.Row::taxable),
                column(m.get("vat.book.sd"), 90, true, VatBookViewModel.Row::sd),
                column(m.get("vat.book.rate"), 70, true, VatBookViewModel.Row::rate),
                column(m.get("vat.book.vat"), 120, true, VatBookViewModel.Row::vat),
                column(m.get("vat.book.total"), 130, true, VatBookViewModel.Row::total)));
    setCenter(table);
    Label count = new Label();
    count.setId("vatBookCount");
    count.textProperty().bind(vm.countProperty());
    Label totals = new Label();
    totals.setId("vatBookTotals");
    totals.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    totals.textProperty().bind(vm.totalsProperty());
    Label message = error("vatBookMessage", vm.messageProperty());
    VBox bottom = new VBox(4, new HBox(16, totals, count), message);
    bottom.setPadding(new Insets(6, 8, 6, 8));
    setBottom(bottom);
    vm.kindProperty().addListener((o, a, b) -> vm.load());
    vm.load();
  }

  public void focusFirst() {
    javafx.application.Platform.runLater(kind::requestFocus);
  }

  static Label label(String text, javafx.scene.Node target) {
    Label l = new Label(text);
    l.setMnemonicParsing(true);
    l.setLabelFor(target);
    return l;
  }

  static Label error(String id, javafx.beans.value.ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(Styles.ERROR_TEXT);
    l.setWrapText(true);
    l.textProperty().bind(text);
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    return l;
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
}
