package io.millstone.server.identity;

import io.millstone.server.identity.model.Company;
import io.millstone.server.identity.model.CompanyDetails;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.identity.model.DisplayFormats;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.NumberGrouping;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** A company's settings, and creating a company (admin command and demo only). */
public final class CompanyAdmin {
  private final Transactions tx;
  private final Clock clock;
  private final List<CompanySetup> setups;

  public CompanyAdmin(Transactions tx, Clock clock, List<CompanySetup> setups) {
    this.tx = tx;
    this.clock = clock;
    this.setups = List.copyOf(setups);
  }

  /** Creates a company with its audit chain; the first entry records the creation. */
  public CompanyView create(CompanySettings settings, String by) {
    validate(settings);
    UUID id = Ids.newId();
    Actor actor = Actor.system(id, by);
    return tx.inCompany(
        actor,
        t -> {
          Company c = new Company(id, settings, by, clock.instant());
          t.session().persist(c);
          t.session().flush();
          t.audit("identity.company.create", "company", id, "created " + describe(settings));
          setups.forEach(s -> s.setUp(t, id));
          return new CompanyView(id, c.settings(), c.formats(), c.details(), c.version());
        });
  }

  public CompanyView get(Actor actor) {
    return tx.inCompany(
        actor,
        t -> {
          Company c = t.session().get(Company.class, actor.companyId());
          if (c == null) {
            throw new NotFoundException("Company", actor.companyId().toString());
          }
          return new CompanyView(c.id(), c.settings(), c.formats(), c.details(), c.version());
        });
  }

  public CompanyView update(Actor actor, CompanySettings settings, long version) {
    return update(actor, settings, new DisplayFormats(null, null), CompanyDetails.KEEP, version);
  }

  /**
   * The company's settings and how it writes amounts and dates: what any signed-in person's client
   * needs to show them, whatever their roles.
   */
  public DisplaySettingsView displaySettings(Actor actor) {
    CompanyView c = get(actor);
    return new DisplaySettingsView(
        c.settings().currencyCode(),
        c.formats().numberGrouping(),
        c.formats().dateFormat(),
        c.settings().timeZone());
  }

  /** What the client formats with; see {@link #displaySettings}. */
  public record DisplaySettingsView(
      String currencyCode, String numberGrouping, String dateFormat, String timeZone) {}

  /** Updates the settings and, where {@code formats} names them, the display formats. */
  public CompanyView update(
      Actor actor, CompanySettings settings, DisplayFormats formats, long version) {
    return update(actor, settings, formats, CompanyDetails.KEEP, version);
  }

  /**
   * Updates the settings and, where {@code formats} and {@code details} name them, the display
   * formats, the BIN and the address. Nothing caches them: every transaction's first statement
   * reads the company row ({@code begin_work}), so the next call sees the change.
   */
  public CompanyView update(
      Actor actor,
      CompanySettings settings,
      DisplayFormats formats,
      CompanyDetails details,
      long version) {
    validate(settings);
    validate(formats);
    validate(details);
    return tx.inCompany(
        actor,
        t -> {
          Company c = t.session().get(Company.class, actor.companyId());
          if (c == null) {
            throw new NotFoundException("Company", actor.companyId().toString());
          }
          Versions.check(
              "The company settings", version, c.version(), c.updatedBy(), c.updatedAt());
          CompanySettings before = c.settings();
          DisplayFormats formatsBefore = c.formats();
          c.apply(settings, actor.username(), clock.instant());
          c.applyFormats(formats, actor.username(), clock.instant());
          CompanyDetails detailsBefore = c.details();
          c.applyDetails(details, actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "identity.company.update",
              "company",
              c.id(),
              describe(before)
                  + describe(formatsBefore)
                  + " -> "
                  + describe(settings)
                  + describe(c.formats())
                  + (detailsBefore.equals(c.details())
                      ? ""
                      : ", BIN "
                          + c.details().bin()
                          + ", address changed, credit policy "
                          + c.details().creditPolicy()));
          return new CompanyView(c.id(), c.settings(), c.formats(), c.details(), c.version());
        });
  }

  /** The currency of the company a transaction works in, read in that transaction. */
  public static String currencyOf(io.millstone.server.platform.Tx t) {
    return settingsOf(t).currencyCode();
  }

  /**
   * What the statement that starts each company transaction answers ({@code begin_work}): the
   * settings, and how the company groups digits, for the refusals that leave the transaction.
   */
  public record WorkSettings(CompanySettings settings, String numberGrouping) {}

  /**
   * {@link WorkSettings} as {@code begin_work} answers them, in the column order of the query
   * below.
   */
  public static final io.millstone.server.platform.Transactions.CompanyContext<WorkSettings>
      SETTINGS =
          new io.millstone.server.platform.Transactions.CompanyContext<>(
              WorkSettings.class,
              rs ->
                  new WorkSettings(
                      new CompanySettings(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getBigDecimal(3),
                          rs.getInt(4),
                          rs.getString(5)),
                      rs.getString(6)),
              s -> ZoneId.of(s.settings().timeZone()),
              s -> NumberGrouping.of(s.numberGrouping()));

  /**
   * The company's settings for a transaction: as the statement that began it answered them, or,
   * where the company did not exist yet then (the transaction that creates it), read once with one
   * plain query. Not for the transaction that changes them.
   */
  public static CompanySettings settingsOf(io.millstone.server.platform.Tx t) {
    UUID company = t.actor().orElseThrow().companyId();
    return t.memo(
            WorkSettings.class,
            () ->
                io.millstone.server.platform.Jdbc.work(
                    t,
                    c -> {
                      try (java.sql.PreparedStatement ps =
                          c.prepareStatement(
                              "SELECT name, currency_code, vat_rate_percent,"
                                  + " fiscal_year_start_month, time_zone, number_grouping"
                                  + " FROM company WHERE id = ?")) {
                        ps.setObject(1, company);
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                          if (!rs.next()) {
                            throw new IllegalStateException("company " + company + " not found");
                          }
                          return SETTINGS.reader().read(rs);
                        }
                      }
                    }))
        .settings();
  }

  /** The company's time zone id (Asia/Dhaka), read in the caller's transaction. */
  public static String timeZoneOf(io.millstone.server.platform.Tx t) {
    return settingsOf(t).timeZone();
  }

  /** The company's standard VAT rate in percent, read in the caller's transaction. */
  public static java.math.BigDecimal vatRateOf(io.millstone.server.platform.Tx t) {
    return settingsOf(t).vatRatePercent();
  }

  static String describe(CompanySettings s) {
    return "name="
        + s.name()
        + ", currency="
        + s.currencyCode()
        + ", vat="
        + s.vatRatePercent().toPlainString()
        + "%, fiscal year from month "
        + s.fiscalYearStartMonth()
        + ", time zone "
        + s.timeZone();
  }

  static String describe(DisplayFormats f) {
    return ", grouping " + f.numberGrouping() + ", dates " + f.dateFormat();
  }

  /** Checks the BIN and address an update names; null fields are left as they are. */
  static void validate(CompanyDetails d) {
    Validator v = new Validator();
    // As a customer's or supplier's BIN is checked (masterdata.PartyAdmin).
    v.check(
        d.bin() == null || d.bin().isEmpty() || d.bin().matches("[0-9]{13}"),
        "bin",
        "must be the 13-digit BIN (9- and 11-digit BINs are no longer valid since 30 November 2019)");
    v.check(
        d.address() == null || d.address().length() <= CompanyDetails.MAX_ADDRESS,
        "address",
        "must be at most " + CompanyDetails.MAX_ADDRESS + " characters");
    v.throwIfInvalid();
  }

  /** Checks the formats an update names; null fields are left as they are. */
  static void validate(DisplayFormats f) {
    Validator v = new Validator();
    v.check(
        f.numberGrouping() == null
            || f.numberGrouping().equals(DisplayFormats.INDIAN)
            || f.numberGrouping().equals(DisplayFormats.WESTERN),
        "number_grouping",
        "must be INDIAN (lakh/crore) or WESTERN");
    v.check(
        f.dateFormat() == null || DisplayFormats.DATE_FORMATS.contains(f.dateFormat()),
        "date_format",
        "must be one of " + String.join(", ", DisplayFormats.DATE_FORMATS));
    v.throwIfInvalid();
  }

  /** Checks every field; field names are those of the UpdateCompany request. */
  public static void validate(CompanySettings s) {
    Validator v = new Validator();
    v.text(s.name() == null ? null : s.name().trim(), "name", 200);
    boolean currencyOk = false;
    if (s.currencyCode() != null && s.currencyCode().matches("[A-Z]{3}")) {
      try {
        Currency.getInstance(s.currencyCode());
        currencyOk = true;
      } catch (IllegalArgumentException e) {
        currencyOk = false;
      }
    }
    v.check(currencyOk, "currency_code", "must be an ISO 4217 currency code such as BDT");
    BigDecimal vat = s.vatRatePercent();
    v.check(
        vat != null
            && vat.signum() >= 0
            && vat.compareTo(BigDecimal.valueOf(100)) <= 0
            && vat.scale() <= 4,
        "vat_rate_percent",
        "must be a percentage from 0 to 100 with at most 4 decimals, such as 15");
    v.check(
        s.fiscalYearStartMonth() >= 1 && s.fiscalYearStartMonth() <= 12,
        "fiscal_year_start_month",
        "must be a month from 1 (January) to 12 (December)");
    boolean zoneOk = s.timeZone() != null && ZoneId.getAvailableZoneIds().contains(s.timeZone());
    v.check(zoneOk, "time_zone", "must be a time zone name such as Asia/Dhaka");
    v.throwIfInvalid();
  }
}
