package io.millstone.server.identity;

import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.DisplaySettings;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.GetDisplaySettingsRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.identity.model.CompanyDetails;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.identity.model.DisplayFormats;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Validator;
import java.math.BigDecimal;

/** Adapter from the CompanyService contract to {@link CompanyAdmin}. */
public final class CompanyGrpcService extends CompanyServiceGrpc.CompanyServiceImplBase {
  private final CompanyAdmin companies;

  public CompanyGrpcService(CompanyAdmin companies) {
    this.companies = companies;
  }

  @Override
  public void getCompany(GetCompanyRequest req, StreamObserver<Company> out) {
    out.onNext(IdentityProtos.company(companies.get(GatewayContext.actor())));
    out.onCompleted();
  }

  @Override
  public void updateCompany(UpdateCompanyRequest req, StreamObserver<Company> out) {
    BigDecimal vat = parseDecimal(req.getVatRatePercent().getValue(), "vat_rate_percent");
    CompanySettings s =
        new CompanySettings(
            req.getName().trim(),
            req.getCurrencyCode().trim(),
            vat,
            req.getFiscalYearStartMonth(),
            req.getTimeZone().trim());
    DisplayFormats formats =
        new DisplayFormats(
            IdentityProtos.grouping(req.getNumberGrouping()),
            req.getDateFormat().isBlank() ? null : req.getDateFormat().trim());
    CompanyDetails details =
        new CompanyDetails(
            // Spaces and dashes people type between the digit groups are not kept.
            req.hasBin() ? req.getBin().replace(" ", "").replace("-", "") : null,
            req.hasAddress() ? req.getAddress().strip() : null,
            switch (req.getCreditPolicy()) {
              case CREDIT_POLICY_REFUSE -> "REFUSE";
              case CREDIT_POLICY_OFF -> "OFF";
              default -> null;
            });
    out.onNext(
        IdentityProtos.company(
            companies.update(GatewayContext.actor(), s, formats, details, req.getVersion())));
    out.onCompleted();
  }

  @Override
  public void getDisplaySettings(
      GetDisplaySettingsRequest req, StreamObserver<DisplaySettings> out) {
    out.onNext(IdentityProtos.displaySettings(companies.displaySettings(GatewayContext.actor())));
    out.onCompleted();
  }

  /**
   * Read like every other decimal field, judged by its digits and exponent before any arithmetic
   * ({@link Decimals}): "0E+2147483647" must be a field violation, not a database error. Null when
   * left empty or not a fit number; the settings' own checks then name the field.
   */
  private static BigDecimal parseDecimal(String s, String field) {
    Validator v = new Validator();
    BigDecimal d = Decimals.parse(v, field, s, 4, 3, false);
    // Bad: null, so the settings' own checks name it along with every other bad field.
    return v.hasViolation(field) ? null : d;
  }
}
