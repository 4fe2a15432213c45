package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** What every master record has: identity, company, code, name, active flag and change stamp. */
@MappedSuperclass
public abstract class MasterRecord {
  @Id private UUID id;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private long version;

  protected MasterRecord() {}

  protected MasterRecord(
      UUID id, UUID companyId, String code, String name, String by, Instant now) {
    this.id = id;
    this.companyId = companyId;
    this.code = code;
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public UUID id() {
    return id;
  }

  public UUID companyId() {
    return companyId;
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

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public long version() {
    return version;
  }

  protected void rename(String name) {
    this.name = name;
  }

  public void touch(String by, Instant now) {
    this.updatedBy = by;
    this.updatedAt = now;
  }

  public void deactivate(String by, Instant now) {
    this.active = false;
    touch(by, now);
  }
}
