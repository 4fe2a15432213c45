package io.millstone.server.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.millstone.api.common.v1.Date;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.IdempotencyKey;
import io.millstone.api.common.v1.Money;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.CreditPolicy;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.sales.v1.CreateOrderRequest;
import io.millstone.api.sales.v1.OrderLineInput;
import io.millstone.api.sales.v1.OrderState;
import io.millstone.api.sales.v1.SalesOrder;
import io.millstone.api.sales.v1.SalesServiceGrpc;
import io.millstone.server.TestServer;
import io.millstone.server.masterdata.MasterdataFixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The company's credit-limit policy, set in company settings: REFUSE (the default) refuses an order
 * past a customer's limit; OFF, for a company that does not control credit, lets it through; and
 * the change takes effect on the next order, with no restart.
 */
class CreditPolicyTest {
  static TestServer t;
  static MasterdataFixtures md;
  static SalesServiceGrpc.SalesServiceBlockingStub sales;
  static CompanyServiceGrpc.CompanyServiceBlockingStub companies;

  @BeforeAll
  static void start() {
    t = new TestServer();
    UUID mill = t.createCompany("Credit Policy Mill").id();
    String admin = t.createUser(mill, t.unique("cp.admin"), "admin");
    md = MasterdataFixtures.of(t.channel(), t.login(admin, TestServer.PASSWORD).getSessionToken());
    companies = t.as(admin, CompanyServiceGrpc.newBlockingStub(t.channel()));
    sales =
        t.as(
            t.createUser(mill, t.unique("cp.sales"), "sales"),
            SalesServiceGrpc.newBlockingStub(t.channel()));
    md.items.createItem(
        MasterdataFixtures.itemRequest("SUG-CP", "Refined sugar L30")
            .setDefaultSalePrice(Money.newBuilder().setAmount("95000").setCurrencyCode("BDT"))
            .build());
    md.customers.createCustomer(
        MasterdataFixtures.partyRequest("CUS-CASH", "Cash-only Traders")
            .setCreditLimit(Money.newBuilder().setAmount("0").setCurrencyCode("BDT"))
            .build());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static SalesOrder order() {
    return sales.createOrder(
        CreateOrderRequest.newBuilder()
            .setIdempotencyKey(
                IdempotencyKey.newBuilder().setValue(UUID.randomUUID().toString()).build())
            .setCustomerCode("CUS-CASH")
            .setOrderDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(2))
            .addLines(
                OrderLineInput.newBuilder()
                    .setItemCode("SUG-CP")
                    .setQuantity(Decimal.newBuilder().setValue("1")))
            .build());
  }

  private static Company setPolicy(CreditPolicy policy) {
    Company c = companies.getCompany(GetCompanyRequest.getDefaultInstance());
    return companies.updateCompany(
        UpdateCompanyRequest.newBuilder()
            .setName(c.getName())
            .setCurrencyCode(c.getCurrencyCode())
            .setVatRatePercent(c.getVatRatePercent())
            .setFiscalYearStartMonth(c.getFiscalYearStartMonth())
            .setTimeZone(c.getTimeZone())
            .setCreditPolicy(policy)
            .setVersion(c.getVersion())
            .build());
  }

  @Test
  void limitsAreCheckedUnlessTheCompanyTurnsCreditControlOff() {
    assertThat(companies.getCompany(GetCompanyRequest.getDefaultInstance()).getCreditPolicy())
        .isEqualTo(CreditPolicy.CREDIT_POLICY_REFUSE);
    var refused = TestServer.failure(CreditPolicyTest::order);
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refused.getStatus().getDescription()).contains("credit limit of 0.00");

    assertThat(setPolicy(CreditPolicy.CREDIT_POLICY_OFF).getCreditPolicy())
        .isEqualTo(CreditPolicy.CREDIT_POLICY_OFF);
    assertThat(order().getState()).isEqualTo(OrderState.ORDER_STATE_CONFIRMED);

    // An update that leaves the policy out keeps it.
    Company kept = setPolicy(CreditPolicy.CREDIT_POLICY_UNSPECIFIED);
    assertThat(kept.getCreditPolicy()).isEqualTo(CreditPolicy.CREDIT_POLICY_OFF);

    setPolicy(CreditPolicy.CREDIT_POLICY_REFUSE);
    assertThat(TestServer.failure(CreditPolicyTest::order).getStatus().getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
  }
}
