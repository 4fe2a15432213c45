package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A customer, a supplier (cane growers included), or both. */
@Entity
@Table(name = "party")
public class Party extends MasterRecord {
  /** The editable fields, as one value. */
  public record Details(
      String name,
      String address,
      String phone,
      String bin,
      BigDecimal creditLimit,
      boolean noCreditLimit,
      int paymentTermsDays) {}

  @Column(nullable = false)
  private String address;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String bin;

  @Column(name = "credit_limit", nullable = false, precision = 19, scale = 4)
  private BigDecimal creditLimit;

  @Column(name = "no_credit_limit", nullable = false)
  private boolean noCreditLimit;

  @Column(name = "payment_terms_days", nullable = false)
  private int paymentTermsDays;

  @Column(name = "is_customer", nullable = false)
  private boolean customer;

  @Column(name = "is_supplier", nullable = false)
  private boolean supplier;

  protected Party() {}

  public Party(
      UUID id,
      UUID companyId,
      String code,
      Details d,
      boolean customer,
      boolean supplier,
      String by,
      Instant now) {
    super(id, companyId, code, d.name(), by, now);
    this.customer = customer;
    this.supplier = supplier;
    apply(d);
  }

  private void apply(Details d) {
    rename(d.name());
    this.address = d.address();
    this.phone = d.phone();
    this.bin = d.bin();
    this.creditLimit = d.creditLimit();
    this.noCreditLimit = d.noCreditLimit();
    this.paymentTermsDays = d.paymentTermsDays();
  }

  public void change(Details d, String by, Instant now) {
    apply(d);
    touch(by, now);
  }

  public Details details() {
    return new Details(name(), address, phone, bin, creditLimit, noCreditLimit, paymentTermsDays);
  }

  public boolean isCustomer() {
    return customer;
  }

  public boolean isSupplier() {
    return supplier;
  }

  /** Makes an existing supplier a customer too, or the other way round. */
  public void addRole(boolean asCustomer, String by, Instant now) {
    if (asCustomer) {
      customer = true;
    } else {
      supplier = true;
    }
    touch(by, now);
  }
}
