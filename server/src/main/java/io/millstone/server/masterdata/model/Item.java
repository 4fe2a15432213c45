package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Something the company buys, makes, stocks or sells. */
@Entity
@Table(name = "item")
public class Item extends MasterRecord {
  /** What role the item plays in the mill. */
  public enum Kind {
    RAW_MATERIAL,
    FINISHED_GOOD,
    BY_PRODUCT,
    SERVICE,
    CONSUMABLE
  }

  /** How VAT applies to the item when sold. */
  public enum TaxCategory {
    STANDARD,
    ZERO_RATED,
    EXEMPT
  }

  /** The editable fields, as one value. */
  public record Details(
      String name,
      String unitCode,
      Kind kind,
      BigDecimal defaultSalePrice,
      TaxCategory taxCategory,
      BigDecimal reorderLevel) {}

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "default_sale_price", nullable = false, precision = 19, scale = 4)
  private BigDecimal defaultSalePrice;

  @Enumerated(EnumType.STRING)
  @Column(name = "tax_category", nullable = false)
  private TaxCategory taxCategory;

  /** Stock (all warehouses, in the item's unit) below which to reorder; zero for none. */
  @Column(name = "reorder_level", nullable = false, precision = 19, scale = 6)
  private BigDecimal reorderLevel = BigDecimal.ZERO;

  protected Item() {}

  public Item(UUID id, UUID companyId, String code, Details d, String by, Instant now) {
    super(id, companyId, code, d.name(), by, now);
    apply(d);
  }

  private void apply(Details d) {
    rename(d.name());
    this.unitCode = d.unitCode();
    this.kind = d.kind();
    this.defaultSalePrice = d.defaultSalePrice();
    this.taxCategory = d.taxCategory();
    this.reorderLevel = d.reorderLevel();
  }

  public void change(Details d, String by, Instant now) {
    apply(d);
    touch(by, now);
  }

  public Details details() {
    return new Details(name(), unitCode, kind, defaultSalePrice, taxCategory, reorderLevel);
  }
}
