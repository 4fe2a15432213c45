package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A store: the main godown, the molasses tanks, a cane yard. */
@Entity
@Table(name = "warehouse")
public class Warehouse extends MasterRecord {
  @Column(nullable = false)
  private String address;

  protected Warehouse() {}

  public Warehouse(
      UUID id, UUID companyId, String code, String name, String address, String by, Instant now) {
    super(id, companyId, code, name, by, now);
    this.address = address;
  }

  public String address() {
    return address;
  }

  public void change(String name, String address, String by, Instant now) {
    rename(name);
    this.address = address;
    touch(by, now);
  }
}
