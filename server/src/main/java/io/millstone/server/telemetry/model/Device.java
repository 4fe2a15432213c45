package io.millstone.server.telemetry.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An edge agent: enrolled once with a one-time token, then known by a revocable secret. */
@Entity
@Table(name = "device")
public class Device {
  /** Where the device is in its life. */
  public enum State {
    ENROLLMENT_PENDING,
    ACTIVE,
    REVOKED
  }

  @Id private UUID id;

  @Column(name = "company_id", nullable = false)
  private UUID companyId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "enrollment_token_hash")
  private byte[] enrollmentTokenHash;

  @Column(name = "enrollment_expires_at")
  private Instant enrollmentExpiresAt;

  @Column(name = "secret_hash")
  private byte[] secretHash;

  @Column(name = "high_water_mark", nullable = false)
  private long highWaterMark;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "agent_version", nullable = false)
  private String agentVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Device() {}

  public Device(
      UUID id, UUID companyId, String name, byte[] tokenHash, Instant expires, Instant now) {
    this.id = id;
    this.companyId = companyId;
    this.name = name;
    this.state = State.ENROLLMENT_PENDING;
    this.enrollmentTokenHash = tokenHash;
    this.enrollmentExpiresAt = expires;
    this.agentVersion = "";
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public State state() {
    return state;
  }

  public long highWaterMark() {
    return highWaterMark;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public String agentVersion() {
    return agentVersion;
  }

  public Instant enrollmentExpiresAt() {
    return enrollmentExpiresAt;
  }

  /** A new token for a device not enrolled yet; the old one stops working. */
  public void reissue(byte[] tokenHash, Instant expires) {
    this.enrollmentTokenHash = tokenHash;
    this.enrollmentExpiresAt = expires;
  }

  public void revoke() {
    this.state = State.REVOKED;
    this.secretHash = null;
    this.enrollmentTokenHash = null;
  }
}
