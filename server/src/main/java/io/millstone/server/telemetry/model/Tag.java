package io.millstone.server.telemetry.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A signal of a machine, with its expected range and alarm limits. */
@Entity
@Table(name = "tag")
public class Tag {
  /** How a tag's values are written and stored. */
  public enum ValueType {
    NUMBER,
    BOOLEAN,
    COUNTER
  }

  /** The definable fields as one value; limits may be null. */
  public record Definition(
      String name,
      String unit,
      ValueType valueType,
      BigDecimal expectedMin,
      BigDecimal expectedMax,
      BigDecimal alarmLow,
      BigDecimal alarmHigh,
      BigDecimal hysteresis,
      boolean runState) {}

  @Id private UUID id;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(name = "machine_id", nullable = false)
  private UUID machineId;

  @Column(nullable = false)
  private String key;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String unit;

  @Enumerated(EnumType.STRING)
  @Column(name = "value_type", nullable = false)
  private ValueType valueType;

  @Column(name = "expected_min", precision = 30, scale = 6)
  private BigDecimal expectedMin;

  @Column(name = "expected_max", precision = 30, scale = 6)
  private BigDecimal expectedMax;

  @Column(name = "alarm_low", precision = 30, scale = 6)
  private BigDecimal alarmLow;

  @Column(name = "alarm_high", precision = 30, scale = 6)
  private BigDecimal alarmHigh;

  @Column(nullable = false, precision = 30, scale = 6)
  private BigDecimal hysteresis;

  @Column(name = "is_run_state", nullable = false)
  private boolean runState;

  protected Tag() {}

  public Tag(UUID id, UUID companyId, UUID machineId, String key, Definition d) {
    this.id = id;
    this.companyId = companyId;
    this.machineId = machineId;
    this.key = key;
    define(d);
  }

  public void define(Definition d) {
    this.name = d.name();
    this.unit = d.unit();
    this.valueType = d.valueType();
    this.expectedMin = d.expectedMin();
    this.expectedMax = d.expectedMax();
    this.alarmLow = d.alarmLow();
    this.alarmHigh = d.alarmHigh();
    this.hysteresis = d.hysteresis();
    this.runState = d.runState();
  }

  public UUID id() {
    return id;
  }

  public UUID machineId() {
    return machineId;
  }

  public String key() {
    return key;
  }

  public ValueType valueType() {
    return valueType;
  }

  public Definition definition() {
    return new Definition(
        name, unit, valueType, expectedMin, expectedMax, alarmLow, alarmHigh, hysteresis, runState);
  }
}
