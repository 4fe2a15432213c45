package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A place inside a warehouse. Never deleted: stock may refer to it. */
@Entity
@Table(name = "warehouse_location")
public class WarehouseLocation {
  @Id private UUID id;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(name = "warehouse_id", nullable = false)
  private UUID warehouseId;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean active;

  protected WarehouseLocation() {}

  public WarehouseLocation(
      UUID id, UUID companyId, UUID warehouseId, String code, String name, boolean active) {
    this.id = id;
    this.companyId = companyId;
    this.warehouseId = warehouseId;
    this.code = code;
    this.name = name;
    this.active = active;
  }

  public UUID id() {
    return id;
  }

  public UUID warehouseId() {
    return warehouseId;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public boolean active() {
    return active;
  }

  public void change(String name, boolean active) {
    this.name = name;
    this.active = active;
  }
}
