package io.millstone.server.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A company and its settings; every business row belongs to exactly one. */
@Entity
@Table(name = "company")
public class Company {
  @Id private UUID id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "currency_code", nullable = false, length = 3)
  private String currencyCode;

  @Column(name = "vat_rate_percent", nullable = false, precision = 7, scale = 4)
  private BigDecimal vatRatePercent;

  @Column(name = "fiscal_year_start_month", nullable = false)
  private int fiscalYearStartMonth;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "number_grouping", nullable = false, length = 16)
  private String numberGrouping;

  @Column(name = "date_format", nullable = false, length = 16)
  private String dateFormat;

  @Column(nullable = false, length = 32)
  private String bin = "";

  @Column(nullable = false, length = 500)
  private String address = "";

  @Column(name = "credit_policy", nullable = false, length = 16)
  private String creditPolicy = "REFUSE";

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Version private long version;

  protected Company() {}

  public Company(UUID id, CompanySettings settings, String by, Instant now) {
    this.id = id;
    this.createdAt = now;
    DisplayFormats d = DisplayFormats.defaultsFor(settings.currencyCode());
    this.numberGrouping = d.numberGrouping();
    this.dateFormat = d.dateFormat();
    apply(settings, by, now);
  }

  /** Changes how the company writes amounts and dates; null fields stay as they are. */
  public void applyFormats(DisplayFormats change, String by, Instant now) {
    DisplayFormats d = formats().with(change);
    this.numberGrouping = d.numberGrouping();
    this.dateFormat = d.dateFormat();
    this.updatedAt = now;
    this.updatedBy = by;
  }

  /** Sets the BIN and address where {@code change} names them (null keeps). */
  public void applyDetails(CompanyDetails change, String by, Instant now) {
    if (change.bin() != null) {
      this.bin = change.bin();
    }
    if (change.address() != null) {
      this.address = change.address();
    }
    if (change.creditPolicy() != null) {
      this.creditPolicy = change.creditPolicy();
    }
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public CompanyDetails details() {
    return new CompanyDetails(bin, address, creditPolicy);
  }

  public DisplayFormats formats() {
    return new DisplayFormats(numberGrouping, dateFormat);
  }

  public void apply(CompanySettings s, String by, Instant now) {
    this.name = s.name();
    this.currencyCode = s.currencyCode();
    this.vatRatePercent = s.vatRatePercent();
    this.fiscalYearStartMonth = s.fiscalYearStartMonth();
    this.timeZone = s.timeZone();
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public UUID id() {
    return id;
  }

  public CompanySettings settings() {
    return new CompanySettings(name, currencyCode, vatRatePercent, fiscalYearStartMonth, timeZone);
  }

  public String name() {
    return name;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public long version() {
    return version;
  }
}
