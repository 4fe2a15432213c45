package io.millstone.server.telemetry.model;

import io.millstone.server.masterdata.model.MasterRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A machine on the floor that reports readings. */
@Entity
@Table(name = "machine")
public class Machine extends MasterRecord {
  @Column(nullable = false)
  private String area;

  protected Machine() {}

  public Machine(
      UUID id, UUID companyId, String code, String name, String area, String by, Instant now) {
    super(id, companyId, code, name, by, now);
    this.area = area;
  }

  public String area() {
    return area;
  }
}
