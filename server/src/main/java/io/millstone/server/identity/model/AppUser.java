package io.millstone.server.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who can sign in; which companies they work in is in {@link CompanyMember}. */
@Entity
@Table(name = "app_user")
public class AppUser {
  @Id private UUID id;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(name = "password_changed_at", nullable = false)
  private Instant passwordChangedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Version private long version;

  protected AppUser() {}

  public AppUser(UUID id, String username, String displayName, String passwordHash, Instant now) {
    this.id = id;
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.passwordChangedAt = now;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }

  /** Whether the password is a one-time one the user must change before doing anything else. */
  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** The user's own new password: the one-time restriction ends. */
  public void changePassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.passwordChangedAt = now;
    this.mustChangePassword = false;
  }

  /** A password an administrator gave: it must be changed at the next sign-in. */
  public void setOneTimePassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.passwordChangedAt = now;
    this.mustChangePassword = true;
  }
}
