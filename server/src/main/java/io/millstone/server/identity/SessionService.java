package io.millstone.server.identity;

import io.millstone.server.identity.model.AppUser;
import io.millstone.server.identity.model.Company;
import io.millstone.server.identity.model.CompanyMember;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.AccessDeniedException;
import io.millstone.server.platform.error.AuthenticationException;
import io.millstone.server.platform.error.NotFoundException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Signing in and out, and a user's own password. */
public final class SessionService {
  static final String WRONG_CREDENTIALS = "Wrong username or password.";

  /** What a successful sign-in gives the client. */
  public record LoginResult(
      String token, Session session, List<CompanyRef> companies, UserView user) {
    /** Signed in with a one-time password: it must be changed before anything else. */
    public boolean mustChangePassword() {
      return session.mustChangePassword();
    }
  }

  /** A company the user may work in. */
  public record CompanyRef(UUID id, String name) {}

  private final Transactions tx;
  private final PasswordHasher hasher;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final RoleCatalog roles;
  private final Clock clock;

  public SessionService(
      Transactions tx,
      PasswordHasher hasher,
      SessionStore sessions,
      LoginThrottle throttle,
      RoleCatalog roles,
      Clock clock) {
    this.tx = tx;
    this.hasher = hasher;
    this.sessions = sessions;
    this.throttle = throttle;
    this.roles = roles;
    this.clock = clock;
  }

  public LoginResult login(
      String username, String password, String requestedCompany, String address, String requestId) {
    new Validator()
        .text(username, "username", 64)
        .check(password != null && !password.isEmpty(), "password", "is required")
        .check(password == null || password.length() <= 1024, "password", "is too long")
        .throwIfInvalid();
    UUID companyWanted = null;
    if (requestedCompany != null && !requestedCompany.isEmpty()) {
      companyWanted = io.millstone.server.platform.Ids.parseOrNull(requestedCompany);
      new Validator()
          .check(companyWanted != null, "company_id", "is not a valid id")
          .throwIfInvalid();
    }
    throttle.checkAllowed(address, username);
    Optional<Object[]> found =
        tx.asUser(
            null,
            t ->
                t
                    .session()
                    .createNativeQuery(
                        "SELECT id, password_hash FROM find_login_user(:u)", Object[].class)
                    .setParameter("u", username)
                    .getResultList()
                    .stream()
                    .findFirst());
    boolean ok;
    if (found.isEmpty()) {
      hasher.verifyDummy(password);
      ok = false;
    } else {
      ok = hasher.verify(password, (String) found.get()[1]);
    }
    if (!ok) {
      throttle.recordFailure(address, username);
      throw new AuthenticationException("login_failed", WRONG_CREDENTIALS);
    }
    throttle.recordSuccess(address, username);
    UUID userId = (UUID) found.get()[0];
    final UUID wanted = companyWanted;
    record Memberships(AppUser user, List<CompanyMember> members, Map<UUID, String> names) {}
    Memberships m =
        tx.asUser(
            userId,
            t -> {
              AppUser u = t.session().get(AppUser.class, userId);
              List<CompanyMember> ms =
                  t.session()
                      .createSelectionQuery(
                          "from CompanyMember where userId = :u and active = true",
                          CompanyMember.class)
                      .setParameter("u", userId)
                      .getResultList();
              Map<UUID, String> names =
                  t
                      .session()
                      .createSelectionQuery("from Company where id in :ids", Company.class)
                      .setParameter("ids", ms.stream().map(CompanyMember::companyId).toList())
                      .getResultList()
                      .stream()
                      .collect(Collectors.toMap(Company::id, Company::name));
              return new Memberships(u, ms, names);
            });
    if (m.members().isEmpty()) {
      throw new AccessDeniedException(
          "no_active_company",
          "Your account is not active in any company; ask an administrator to reactivate it.");
    }
    List<CompanyRef> companies =
        m.members().stream()
            .map(x -> new CompanyRef(x.companyId(), m.names().getOrDefault(x.companyId(), "")))
            .sorted(Comparator.comparing(CompanyRef::name))
            .toList();
    CompanyMember chosen =
        wanted == null
            ? m.members().stream()
                .filter(x -> x.companyId().equals(companies.get(0).id()))
                .findFirst()
                .orElseThrow()
            : m.members().stream()
                .filter(x -> x.companyId().equals(wanted))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AccessDeniedException(
                            "not_a_member",
                            "You are not an active member of the company you chose; pick another."));
    Set<String> permissions = roles.permissionsOf(chosen.roles());
    String companyName = m.names().getOrDefault(chosen.companyId(), "");
    String token =
        sessions.create(
            userId,
            m.user().username(),
            m.user().displayName(),
            chosen.companyId(),
            companyName,
            chosen.roles(),
            permissions,
            m.user().mustChangePassword());
    Session session = sessions.lookup(token).orElseThrow();
    Actor actor =
        Actor.user(userId, m.user().username(), chosen.companyId(), permissions, requestId);
    tx.inCompany(
        actor,
        t -> {
          t.audit(
              "identity.session.login",
              "user",
              userId,
              "signed in from "
                  + address
                  + (m.user().mustChangePassword() ? " with a one-time password" : ""));
          return null;
        });
    UserView view =
        new UserView(
            userId,
            m.user().username(),
            m.user().displayName(),
            true,
            chosen.roles(),
            m.user().createdAt(),
            chosen.version(),
            m.user().mustChangePassword());
    return new LoginResult(token, session, companies, view);
  }

  /** What {@link #unlock} did: the user and the locks it cleared. */
  public record UnlockResult(UUID userId, int addressLocks, boolean accountLock) {}

  /**
   * Clears every sign-in lock of a username (an admin's command), audited in each company the user
   * is a member of.
   *
   * @throws NotFoundException if no user has that username
   */
  public UnlockResult unlock(String username, String by) {
    new Validator().text(username, "username", 64).throwIfInvalid();
    UUID userId =
        tx.asUser(
                null,
                t ->
                    t
                        .session()
                        .createNativeQuery("SELECT id FROM find_login_user(:u)", UUID.class)
                        .setParameter("u", username)
                        .getResultList()
                        .stream()
                        .findFirst())
            .orElseThrow(() -> new NotFoundException("User", username));
    LoginThrottle.Unlocked cleared = throttle.unlock(username);
    List<UUID> companies =
        tx.asUser(
            userId,
            t ->
                t.session()
                    .createSelectionQuery(
                        "select companyId from CompanyMember where userId = :u", UUID.class)
                    .setParameter("u", userId)
                    .getResultList());
    String summary =
        "sign-in locks cleared by "
            + by
            + " ("
            + cleared.addressLocks()
            + " address lock(s)"
            + (cleared.accountLock() ? ", the account-wide lock" : "")
            + ")";
    for (UUID company : companies) {
      tx.inCompany(
          Actor.system(company, by),
          t -> {
            t.audit("identity.user.unlock", "user", userId, summary);
            return null;
          });
    }
    return new UnlockResult(userId, cleared.addressLocks(), cleared.accountLock());
  }

  public java.time.Duration idleTimeout() {
    return sessions.idleTimeout();
  }

  public void logout(Actor actor, Session session) {
    sessions.revoke(session.tokenHash());
    tx.inCompany(
        actor,
        t -> {
          t.audit("identity.session.logout", "user", session.userId(), "signed out");
          return null;
        });
  }

  /** Changes the caller's password and signs out their other sessions; returns how many. */
  public int changePassword(Actor actor, Session session, String current, String next) {
    Validator v = new Validator();
    v.check(current != null && !current.isEmpty(), "current_password", "is required");
    PasswordPolicy.check(v, "new_password", next, session.username());
    v.check(
        next == null || current == null || !next.equals(current),
        "new_password",
        "must differ from the current password");
    v.throwIfInvalid();
    String changer = "user:" + session.userId();
    throttle.checkAllowed(changer, session.username());
    Function<io.millstone.server.platform.Tx, Boolean> change =
        t -> {
          AppUser u = t.session().get(AppUser.class, session.userId());
          if (!hasher.verify(current, u.passwordHash())) {
            return false;
          }
          u.changePassword(hasher.hash(next), clock.instant());
          t.audit("identity.user.password_change", "user", u.id(), "changed own password");
          return true;
        };
    if (!tx.inCompany(actor, change)) {
      throttle.recordFailure(changer, session.username());
      throw io.millstone.server.platform.error.InvalidInputException.of(
          "current_password", "is not your current password");
    }
    int revoked = sessions.revokeAll(session.userId(), null, session.tokenHash());
    if (session.mustChangePassword()) {
      sessions.passwordChanged(session.tokenHash());
    }
    return revoked;
  }
}
