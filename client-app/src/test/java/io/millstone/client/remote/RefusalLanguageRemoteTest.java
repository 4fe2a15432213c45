package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.CompanyServiceGrpc;
import io.millstone.api.identity.v1.GetCompanyRequest;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.client.core.Notation;
import io.millstone.client.support.LiveServer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client tells the server the person's language on every call and learns the company's way of
 * writing amounts, dates and times at sign-in; against the real server.
 */
class RefusalLanguageRemoteTest {
  static LiveServer server;
  static String admin;
  @TempDir Path dir;

  @BeforeAll
  static void aMill() {
    server = LiveServer.shared();
    UUID company = server.createCompany("Language Mill");
    admin = server.createUser(company, server.fresh("admin"), "admin");
  }

  private Session signIn(String language) throws RemoteException {
    return new SignIn(new ChannelFactory(new CertificatePins(dir), (s, f) -> false, () -> language))
        .signIn(ServerAddress.parse(server.address()), admin, LiveServer.PASSWORD.toCharArray());
  }

  private static String staleUpdate(Session s) {
    var companies = s.stub(CompanyServiceGrpc.newBlockingStub(s.connection().channel()));
    Company c = companies.getCompany(GetCompanyRequest.getDefaultInstance());
    UpdateCompanyRequest update =
        UpdateCompanyRequest.newBuilder()
            .setName(c.getName())
            .setCurrencyCode(c.getCurrencyCode())
            .setVatRatePercent(c.getVatRatePercent())
            .setFiscalYearStartMonth(c.getFiscalYearStartMonth())
            .setTimeZone(c.getTimeZone())
            .setVersion(c.getVersion())
            .build();
    companies.updateCompany(update);
    RemoteException e =
        catchThrowableOfType(
            RemoteException.class, () -> Calls.call(() -> companies.updateCompany(update)));
    assertThat(e.kind()).isEqualTo(RemoteException.Kind.CONFLICT);
    return e.getMessage();
  }

  @Test
  void aPersonReadingBanglaGetsTheServersRefusalInBangla() throws Exception {
    try (Session s = signIn("bn")) {
      assertThat(staleUpdate(s)).startsWith("আপনি খোলার পরে " + admin).contains("আবার লোড করুন");
    }
  }

  @Test
  void aPersonReadingEnglishGetsItInEnglish() throws Exception {
    try (Session s = signIn("en")) {
      assertThat(staleUpdate(s)).startsWith("The company settings was changed by " + admin);
    }
  }

  @Test
  void signingInReadsHowTheCompanyWritesAmountsDatesAndTimes() throws Exception {
    try (Session s = signIn("en")) {
      assertThat(s.notation())
          .isEqualTo(
              new Notation(Notation.Grouping.INDIAN, "dd/MM/yyyy", ZoneId.of("Asia/Dhaka"), false));
      assertThat(s.currencyCode()).isEqualTo("BDT");
    }
  }
}
