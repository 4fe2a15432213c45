package io.millstone.server.identity;

import io.grpc.stub.StreamObserver;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.DisplaySettings;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.GetDisplaySettingsRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.server.gateway.GatewayContext;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.identity.model.DisplayFormats;
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
    out.onNext(
        IdentityProtos.company(
            companies.update(GatewayContext.actor(), s, formats, req.getVersion())));
    out.onCompleted();
  }

  @Override
  public void getDisplaySettings(
      GetDisplaySettingsRequest req, StreamObserver<DisplaySettings> out) {
    out.onNext(IdentityProtos.displaySettings(companies.displaySettings(GatewayContext.actor())));
    out.onCompleted();
  }

  /** Null when not a number; validation then names the field. */
  private static BigDecimal parseDecimal(String s, String field) {
    if (s == null || s.isBlank() || s.length() > 40) {
      return null;
    }
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
