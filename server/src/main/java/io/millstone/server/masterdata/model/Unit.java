package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A unit of measure and its exact factor to its dimension's base unit (kg, l, pc, m). */
@Entity
@Table(name = "unit_of_measure")
public class Unit extends MasterRecord {
  /** What a unit measures; conversions only happen within one. */
  public enum Dimension {
    MASS,
    VOLUME,
    COUNT,
    LENGTH
  }

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Dimension dimension;

  @Column(name = "factor_to_base", nullable = false, precision = 30, scale = 12)
  private BigDecimal factorToBase;

  protected Unit() {}

  public Unit(
      UUID id,
      UUID companyId,
      String code,
      String name,
      Dimension dimension,
      BigDecimal factorToBase,
      String by,
      Instant now) {
    super(id, companyId, code, name, by, now);
    this.dimension = dimension;
    this.factorToBase = factorToBase;
  }

  public Dimension dimension() {
    return dimension;
  }

  public BigDecimal factorToBase() {
    return factorToBase;
  }

  public void change(String name, BigDecimal factorToBase, String by, Instant now) {
    rename(name);
    this.factorToBase = factorToBase;
    touch(by, now);
  }
}
