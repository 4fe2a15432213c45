package io.millstone.server.masterdata.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person's named quick filter for one list screen. */
@Entity
@Table(name = "saved_search")
public class SavedSearch {
  @Id private UUID id;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String screen;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String filter;

  @Column(name = "order_by", nullable = false)
  private String orderBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SavedSearch() {}

  public SavedSearch(
      UUID id,
      UUID companyId,
      UUID userId,
      String screen,
      String name,
      String filter,
      String orderBy,
      Instant now) {
    this.id = id;
    this.companyId = companyId;
    this.userId = userId;
    this.screen = screen;
    this.name = name;
    this.filter = filter;
    this.orderBy = orderBy;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String screen() {
    return screen;
  }

  public String name() {
    return name;
  }

  public String filter() {
    return filter;
  }

  public String orderBy() {
    return orderBy;
  }

  public void replace(String filter, String orderBy, Instant now) {
    this.filter = filter;
    this.orderBy = orderBy;
    this.updatedAt = now;
  }
}
