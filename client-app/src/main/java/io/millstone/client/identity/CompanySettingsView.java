package io.millstone.client.identity;

import io.millstone.client.core.Messages;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The company's settings in one form, saved with Save (Enter). */
public final class CompanySettingsView extends BorderPane {
  public CompanySettingsView(CompanySettingsViewModel vm, Messages m) {
    setId("companySettingsView");
    GridPane g = Forms.grid();
    int row = 0;
    Forms.row(
        g, row++, m.get("company.name"), text("companyName", vm.nameProperty()), vm.error("name"));
    Forms.row(
        g, row++, m.get("company.bin"), text("companyBin", vm.binProperty()), vm.error("bin"));
    TextArea address = new TextArea();
    address.setId("companyAddress");
    address.setPrefRowCount(3);
    address.setPrefColumnCount(30);
    address.textProperty().bindBidirectional(vm.addressProperty());
    Forms.row(g, row++, m.get("company.address"), address, vm.error("address"));
    Forms.row(
        g,
        row++,
        m.get("company.currency"),
        text("companyCurrency", vm.currencyProperty()),
        vm.error("currency_code"));
    Forms.row(
        g,
        row++,
        m.get("company.vat"),
        text("companyVat", vm.vatProperty()),
        vm.error("vat_rate_percent"));
    ComboBox<Integer> month = new ComboBox<>();
    month.setId("companyFiscalMonth");
    for (int i = 1; i <= 12; i++) {
      month.getItems().add(i);
    }
    month.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer i) {
            return i == null ? "" : Month.of(i).getDisplayName(TextStyle.FULL, m.locale());
          }

          @Override
          public Integer fromString(String s) {
            return null;
          }
        });
    month
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.fiscalMonthProperty().set(b);
              }
            });
    vm.fiscalMonthProperty().addListener((o, a, b) -> month.setValue(b.intValue()));
    month.setValue(vm.fiscalMonthProperty().get());
    Forms.row(g, row++, m.get("company.fiscalStart"), month, vm.error("fiscal_year_start_month"));
    ComboBox<String> zone = new ComboBox<>();
    zone.setId("companyTimeZone");
    zone.setEditable(true);
    zone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().toList());
    zone.valueProperty().bindBidirectional(vm.timeZoneProperty());
    Forms.row(g, row++, m.get("company.timeZone"), zone, vm.error("time_zone"));
    ComboBox<String> dates = new ComboBox<>();
    dates.setId("companyDateFormat");
    dates.getItems().setAll(CompanySettingsViewModel.DATE_FORMATS);
    dates.valueProperty().bindBidirectional(vm.dateFormatProperty());
    Forms.row(g, row++, m.get("company.dateFormat"), dates, vm.error("date_format"));
    ComboBox<String> grouping = new ComboBox<>();
    grouping.setId("companyGrouping");
    grouping.getItems().setAll("INDIAN", "WESTERN");
    grouping.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null ? "" : m.get("company.grouping." + s);
          }

          @Override
          public String fromString(String s) {
            return null;
          }
        });
    grouping.valueProperty().bindBidirectional(vm.groupingProperty());
    Forms.row(g, row++, m.get("company.grouping"), grouping, vm.error("number_grouping"));
    ComboBox<String> credit = new ComboBox<>();
    credit.setId("companyCreditPolicy");
    credit.getItems().setAll("REFUSE", "OFF");
    credit.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String s) {
            return s == null ? "" : m.get("company.creditPolicy." + s);
          }

          @Override
          public String fromString(String s) {
            return null;
          }
        });
    credit.valueProperty().bindBidirectional(vm.creditPolicyProperty());
    Forms.row(g, row++, m.get("company.creditPolicy"), credit, vm.error("credit_policy"));
    if (vm.withPurchasing()) {
      Forms.row(
          g,
          row++,
          m.get("company.approvalThreshold"),
          text("companyApprovalThreshold", vm.thresholdProperty()),
          vm.error("approval_threshold"));
    }
    Button save = new Button(m.get("form.save"), new FontIcon(Material2MZ.SAVE));
    save.setId("companySave");
    save.setDefaultButton(true);
    save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
    save.disableProperty().bind(vm.busyProperty());
    save.setOnAction(e -> vm.save());
    Label message = Forms.error("companyMessage");
    message.textProperty().bind(vm.messageProperty());
    VBox body =
        new VBox(
            12,
            Forms.section(m.get("screen.companySettings")),
            Forms.muted(m.get("company.hint")),
            g,
            new HBox(10, save, message, Forms.notice("companyNotice", vm.noticeProperty())));
    body.setPadding(new Insets(16));
    body.setMaxWidth(900);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    setCenter(scroll);
  }

  private static TextField text(String id, javafx.beans.property.StringProperty p) {
    TextField t = new TextField();
    t.setId(id);
    t.textProperty().bindBidirectional(p);
    return t;
  }
}
