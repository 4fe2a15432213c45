package io.millstone.client.identity;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.NumberGrouping;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.purchasing.v1.PurchasingSettings;
import io.millstone.client.core.AbstractViewModel;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.UiTaskExecutor;
import io.millstone.client.remote.ErrorText;
import java.math.BigDecimal;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The company's settings (CompanyService) with the purchase approval threshold (PurchasingService)
 * in one form. The date format and time zone take effect in this client at once and in everyone's
 * next call: the server keeps no copy.
 */
public final class CompanySettingsViewModel extends AbstractViewModel {
  public static final List<String> DATE_FORMATS =
      List.of("dd/MM/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "MM/dd/yyyy");

  /** What one save answered. */
  private record Saved(Company company, PurchasingSettings purchasing) {}

  private final AdminGateway gateway;
  private final Messages messages;
  private final StringProperty notice = new SimpleStringProperty("");
  private final boolean withPurchasing;
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty bin = new SimpleStringProperty("");
  private final StringProperty address = new SimpleStringProperty("");
  private final StringProperty currency = new SimpleStringProperty("");
  private final StringProperty vat = new SimpleStringProperty("");
  private final IntegerProperty fiscalMonth = new SimpleIntegerProperty(7);
  private final StringProperty timeZone = new SimpleStringProperty("");
  private final StringProperty dateFormat = new SimpleStringProperty("dd/MM/yyyy");
  private final StringProperty grouping = new SimpleStringProperty("INDIAN");
  private final StringProperty threshold = new SimpleStringProperty("");
  private final StringProperty creditPolicy = new SimpleStringProperty("REFUSE");
  private final Fields fields =
      new Fields(
          "name",
          "bin",
          "address",
          "currency_code",
          "vat_rate_percent",
          "fiscal_year_start_month",
          "time_zone",
          "date_format",
          "number_grouping",
          "credit_policy",
          "approval_threshold");
  private Company company;
  private PurchasingSettings purchasing;
  private Runnable onSaved = () -> {};

  /**
   * @param withPurchasing whether the session may read and change the purchasing settings (the
   *     approval threshold)
   */
  public CompanySettingsViewModel(
      AdminGateway gateway, UiTaskExecutor executor, Messages messages, boolean withPurchasing) {
    super(executor);
    this.gateway = gateway;
    this.messages = messages;
    this.withPurchasing = withPurchasing;
  }

  public boolean withPurchasing() {
    return withPurchasing;
  }

  /** What the last action achieved (errors go to the message). */
  public StringProperty noticeProperty() {
    return notice;
  }

  public StringProperty error(String field) {
    return fields.error(field);
  }

  /** Called after a save, on the UI thread (the shell shows dates the new way). */
  public void setOnSaved(Runnable onSaved) {
    this.onSaved = onSaved;
  }

  public void refresh() {
    setBusy(true);
    executor.submit(
        () -> new Saved(gateway.company(), withPurchasing ? gateway.purchasingSettings() : null),
        s -> {
          setBusy(false);
          load(s);
        },
        e -> {
          setBusy(false);
          setMessage(ErrorText.of(e, messages));
        });
  }

  private void load(Saved s) {
    company = s.company();
    name.set(company.getName());
    bin.set(company.getBin());
    address.set(company.getAddress());
    currency.set(company.getCurrencyCode());
    vat.set(company.getVatRatePercent().getValue());
    fiscalMonth.set(company.getFiscalYearStartMonth());
    timeZone.set(company.getTimeZone());
    dateFormat.set(company.getDateFormat());
    grouping.set(
        company.getNumberGrouping() == NumberGrouping.NUMBER_GROUPING_WESTERN
            ? "WESTERN"
            : "INDIAN");
    creditPolicy.set(
        company.getCreditPolicy() == io.millstone.api.identity.v1.CreditPolicy.CREDIT_POLICY_OFF
            ? "OFF"
            : "REFUSE");
    if (s.purchasing() != null) {
      purchasing = s.purchasing();
      threshold.set(Amounts.money(purchasing.getApprovalThreshold().getValue()));
    }
  }

  public void save() {
    if (isBusy() || company == null) {
      return;
    }
    fields.clear();
    notice.set("");
    BigDecimal limit = null;
    if (withPurchasing) {
      limit = Amounts.parse(threshold.get());
      if (limit == null) {
        fields.error("approval_threshold").set(messages.get("form.check.decimal"));
        setMessage(messages.get("form.fixFields"));
        return;
      }
    }
    UpdateCompanyRequest req =
        UpdateCompanyRequest.newBuilder()
            .setName(name.get().trim())
            .setBin(bin.get().trim())
            .setAddress(address.get().strip())
            .setCurrencyCode(currency.get().trim())
            .setVatRatePercent(Decimal.newBuilder().setValue(vat.get().trim()))
            .setFiscalYearStartMonth(fiscalMonth.get())
            .setTimeZone(timeZone.get().trim())
            .setDateFormat(dateFormat.get())
            .setNumberGrouping(
                "WESTERN".equals(grouping.get())
                    ? NumberGrouping.NUMBER_GROUPING_WESTERN
                    : NumberGrouping.NUMBER_GROUPING_INDIAN)
            .setCreditPolicy(
                "OFF".equals(creditPolicy.get())
                    ? io.millstone.api.identity.v1.CreditPolicy.CREDIT_POLICY_OFF
                    : io.millstone.api.identity.v1.CreditPolicy.CREDIT_POLICY_REFUSE)
            .setVersion(company.getVersion())
            .build();
    PurchasingSettings newPurchasing =
        withPurchasing
            ? purchasing.toBuilder()
                .setApprovalThreshold(Decimal.newBuilder().setValue(limit.toPlainString()))
                .build()
            : null;
    // Compared as numbers: the server writes 500000.0000 where the form shows 5,00,000.00.
    boolean purchasingChanged =
        withPurchasing
            && limit.compareTo(Amounts.of(purchasing.getApprovalThreshold().getValue())) != 0;
    setBusy(true);
    setMessage("");
    notice.set("");
    executor.submit(
        () -> {
          Company c = gateway.updateCompany(req);
          PurchasingSettings p =
              purchasingChanged ? gateway.updatePurchasingSettings(newPurchasing) : purchasing;
          return new Saved(c, p);
        },
        s -> {
          setBusy(false);
          load(s);
          notice.set(messages.get("company.saved"));
          onSaved.run();
        },
        e -> {
          setBusy(false);
          setMessage(fields.show(e, messages));
        });
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty binProperty() {
    return bin;
  }

  public StringProperty addressProperty() {
    return address;
  }

  public StringProperty currencyProperty() {
    return currency;
  }

  public StringProperty vatProperty() {
    return vat;
  }

  public IntegerProperty fiscalMonthProperty() {
    return fiscalMonth;
  }

  public StringProperty timeZoneProperty() {
    return timeZone;
  }

  public StringProperty dateFormatProperty() {
    return dateFormat;
  }

  public StringProperty groupingProperty() {
    return grouping;
  }

  /** REFUSE (orders past a customer's credit limit are refused) or OFF (limits not checked). */
  public StringProperty creditPolicyProperty() {
    return creditPolicy;
  }

  public StringProperty thresholdProperty() {
    return threshold;
  }
}
