package io.millstone.server.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's place in one company: the roles they hold there and whether they may still work. */
@Entity
@Table(name = "company_member")
public class CompanyMember {
  @Id private UUID id;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "varchar(32)[]")
  private String[] roles;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Version private long version;

  protected CompanyMember() {}

  public CompanyMember(
      UUID id, UUID companyId, UUID userId, List<String> roles, String by, Instant now) {
    this.id = id;
    this.companyId = companyId;
    this.userId = userId;
    this.roles = roles.toArray(String[]::new);
    this.active = true;
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

  public UUID userId() {
    return userId;
  }

  public List<String> roles() {
    return Arrays.asList(roles.clone());
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

  public void changeRoles(List<String> newRoles, String by, Instant now) {
    this.roles = newRoles.toArray(String[]::new);
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public void deactivate(String by, Instant now) {
    this.active = false;
    this.updatedAt = now;
    this.updatedBy = by;
  }
}
