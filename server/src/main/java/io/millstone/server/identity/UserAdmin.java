package io.millstone.server.identity;

import io.millstone.server.identity.model.AppUser;
import io.millstone.server.identity.model.CompanyMember;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import io.millstone.server.platform.error.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The users of a company: create, list, read, change roles, deactivate. */
public final class UserAdmin {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  public static final int DEFAULT_PAGE = 50;
  public static final int MAX_PAGE = 500;

  /** A page of users and the token for the next one (empty at the end). */
  public record UserPage(List<UserView> users, String nextPageToken, long totalSize) {}

  private final Transactions tx;
  private final PasswordHasher hasher;
  private final RoleCatalog roles;
  private final SessionStore sessions;
  private final Clock clock;

  public UserAdmin(
      Transactions tx,
      PasswordHasher hasher,
      RoleCatalog roles,
      SessionStore sessions,
      Clock clock) {
    this.tx = tx;
    this.hasher = hasher;
    this.roles = roles;
    this.sessions = sessions;
    this.clock = clock;
  }

  public UserView create(
      Actor actor,
      String idempotencyKey,
      String username,
      String displayName,
      String password,
      List<String> roleCodes) {
    return create(actor, idempotencyKey, username, displayName, password, roleCodes, false);
  }

  /**
   * Creates a user; with {@code oneTimePassword} the user must change the password at their first
   * sign-in.
   */
  public UserView create(
      Actor actor,
      String idempotencyKey,
      String username,
      String displayName,
      String password,
      List<String> roleCodes,
      boolean oneTimePassword) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    v.text(name, "username", 64);
    if (!v.hasViolation("username")) {
      v.check(
          USERNAME.matcher(name).matches(),
          "username",
          "must be 3 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    v.text(displayName == null ? null : displayName.trim(), "display_name", 200);
    PasswordPolicy.check(v, "password", password, name);
    checkRoles(v, roleCodes);
    v.throwIfInvalid();
    List<String> cleanRoles = List.copyOf(new LinkedHashSet<>(roleCodes));
    // Hash outside the transaction: it is deliberately slow and needs no connection.
    String hash = hasher.hash(password);
    String fingerprint =
        name
            + '\u001f'
            + displayName.trim()
            + '\u001f'
            + cleanRoles
            + (oneTimePassword ? "\u001fone-time" : "");
    return tx.inCompany(
        actor,
        t -> {
          Idempotency.Outcome outcome =
              Idempotency.once(
                  t,
                  idempotencyKey,
                  "identity.user.create",
                  fingerprint,
                  id -> {
                    boolean taken =
                        !t.session()
                            .createNativeQuery("SELECT id FROM find_login_user(:u)", Object.class)
                            .setParameter("u", name)
                            .getResultList()
                            .isEmpty();
                    if (taken) {
                      throw InvalidInputException.of(
                          "username", "is already taken; choose another username");
                    }
                    var now = clock.instant();
                    AppUser user = new AppUser(id, name, displayName.trim(), hash, now);
                    if (oneTimePassword) {
                      user.setOneTimePassword(hash, now);
                    }
                    t.session().persist(user);
                    t.session().flush();
                    t.session()
                        .persist(
                            new CompanyMember(
                                Ids.newId(),
                                actor.companyId(),
                                id,
                                cleanRoles,
                                actor.username(),
                                now));
                    t.audit(
                        "identity.user.create",
                        "user",
                        id,
                        "created user "
                            + name
                            + " ("
                            + displayName.trim()
                            + ") with roles "
                            + cleanRoles
                            + (oneTimePassword ? " and a one-time password" : ""));
                    return id;
                  });
          return view(t, outcome.id());
        });
  }

  public UserPage list(
      Actor actor, String filter, boolean includeInactive, int pageSize, String pageToken) {
    int size = pageSize <= 0 ? DEFAULT_PAGE : Math.min(pageSize, MAX_PAGE);
    Validator v = new Validator();
    v.check(
        filter == null || filter.length() <= 200, "filter", "is too long (at most 200 characters)");
    v.check(pageSize >= 0, "page.page_size", "must not be negative");
    List<String> after = PageToken.decode(pageToken, 2);
    v.check(
        after != null && (after.isEmpty() || Ids.parseOrNull(after.get(1)) != null),
        "page.page_token",
        "is not a token this server gave out; start from the first page");
    v.throwIfInvalid();
    String like =
        filter == null || filter.isBlank()
            ? null
            : "%"
                + filter
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%";
    return tx.inCompany(
        actor,
        t -> {
          StringBuilder where =
              new StringBuilder(
                  " from AppUser u, CompanyMember m where m.userId = u.id and m.companyId = :c");
          if (!includeInactive) {
            where.append(" and m.active = true");
          }
          if (like != null) {
            where.append(
                " and (lower(u.username) like :f escape '\\' or lower(u.displayName) like :f escape '\\')");
          }
          var count = t.session().createSelectionQuery("select count(*)" + where, Long.class);
          count.setParameter("c", actor.companyId());
          if (like != null) {
            count.setParameter("f", like);
          }
          long total = count.getSingleResult();
          String page = where.toString();
          if (!after.isEmpty()) {
            page += " and (u.username > :au or (u.username = :au and u.id > :ai))";
          }
          var q =
              t.session()
                  .createSelectionQuery(
                      "select u, m" + page + " order by u.username, u.id", Object[].class)
                  .setParameter("c", actor.companyId())
                  .setMaxResults(size + 1);
          if (like != null) {
            q.setParameter("f", like);
          }
          if (!after.isEmpty()) {
            q.setParameter("au", after.get(0));
            q.setParameter("ai", UUID.fromString(after.get(1)));
          }
          List<UserView> out = new ArrayList<>();
          for (Object[] row : q.getResultList()) {
            out.add(toView((AppUser) row[0], (CompanyMember) row[1]));
          }
          String next = "";
          if (out.size() > size) {
            out = out.subList(0, size);
            UserView last = out.get(size - 1);
            next = PageToken.encode(last.username(), last.id().toString());
          }
          return new UserPage(List.copyOf(out), next, total);
        });
  }

  public UserView get(Actor actor, String id) {
    UUID userId = parseId(id);
    return tx.inCompany(actor, t -> view(t, userId));
  }

  public UserView updateRoles(Actor actor, String id, List<String> roleCodes, long version) {
    UUID userId = parseId(id);
    Validator v = new Validator();
    checkRoles(v, roleCodes);
    v.throwIfInvalid();
    List<String> cleanRoles = List.copyOf(new LinkedHashSet<>(roleCodes));
    UserView result =
        tx.inCompany(
            actor,
            t -> {
              CompanyMember m = member(t, userId);
              checkVersion(t, m, version);
              if (m.roles().contains("admin") && !cleanRoles.contains("admin")) {
                requireAnotherAdmin(t, userId);
              }
              List<String> before = m.roles();
              m.changeRoles(cleanRoles, actor.username(), clock.instant());
              t.session().flush();
              t.audit(
                  "identity.user.roles", "user", userId, "roles " + before + " -> " + cleanRoles);
              return view(t, userId);
            });
    sessions.updateRoles(userId, actor.companyId(), cleanRoles, roles.permissionsOf(cleanRoles));
    return result;
  }

  public UserView deactivate(Actor actor, String id, long version) {
    UUID userId = parseId(id);
    if (actor.userId().filter(userId::equals).isPresent()) {
      throw new BusinessRuleException(
          "cannot_deactivate_self",
          "You cannot deactivate your own account; ask another administrator.");
    }
    UserView result =
        tx.inCompany(
            actor,
            t -> {
              CompanyMember m = member(t, userId);
              checkVersion(t, m, version);
              if (!m.active()) {
                return view(t, userId);
              }
              if (m.roles().contains("admin")) {
                requireAnotherAdmin(t, userId);
              }
              m.deactivate(actor.username(), clock.instant());
              t.session().flush();
              t.audit("identity.user.deactivate", "user", userId, "deactivated");
              return view(t, userId);
            });
    sessions.revokeAll(userId, actor.companyId(), null);
    return result;
  }

  /** A new one-time password and how many sessions ended; see {@link #resetPassword}. */
  public record Reset(UserView user, String oneTimePassword, int revokedSessions) {}

  /**
   * Gives a user of the actor's company a new one-time password (returned once, stored only as a
   * hash) that they must change at their next sign-in; their sessions in every company end.
   * Administrators change their own password themselves.
   */
  public Reset resetPassword(Actor actor, String id) {
    UUID userId = parseId(id);
    if (actor.userId().filter(userId::equals).isPresent()) {
      throw new BusinessRuleException(
          "cannot_reset_own_password",
          "You cannot reset your own password; change it under My account instead.");
    }
    // Check membership before the slow hashing, so a stranger's id costs nothing.
    tx.inCompany(actor, t -> member(t, userId));
    String password = OneTimePasswords.next();
    String hash = hasher.hash(password);
    UserView user =
        tx.inCompany(
            actor,
            t -> {
              CompanyMember m = member(t, userId);
              if (!m.active()) {
                throw new BusinessRuleException(
                    "reset_inactive_user",
                    "This user is deactivated; a new password would not let them sign in.");
              }
              AppUser u = Objects.requireNonNull(t.session().get(AppUser.class, userId));
              u.setOneTimePassword(hash, clock.instant());
              t.session().flush();
              t.audit(
                  "identity.user.password_reset",
                  "user",
                  userId,
                  "one-time password issued; must be changed at next sign-in");
              return view(t, userId);
            });
    int revoked = sessions.revokeAll(userId, null, null);
    return new Reset(user, password, revoked);
  }

  private void checkRoles(Validator v, List<String> roleCodes) {
    for (int i = 0; i < roleCodes.size(); i++) {
      String r = roleCodes.get(i);
      v.check(
          roles.exists(r),
          "roles[" + i + "]",
          "'"
              + truncate(r)
              + "' is not a role; choose one of "
              + roles.all().stream().map(RoleCatalog.RoleDefinition::code).toList());
    }
  }

  private static String truncate(String s) {
    return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static void checkVersion(Tx t, CompanyMember m, long version) {
    Versions.check("This user", version, m.version(), m.updatedBy(), m.updatedAt());
  }

  private void requireAnotherAdmin(Tx t, UUID userId) {
    long others =
        t.session()
            .createSelectionQuery(
                "select count(*) from CompanyMember where companyId = :c and active = true"
                    + " and userId <> :u and array_contains(roles, 'admin')",
                Long.class)
            .setParameter("c", t.actor().orElseThrow().companyId())
            .setParameter("u", userId)
            .getSingleResult();
    if (others == 0) {
      throw new BusinessRuleException(
          "last_admin",
          "This is the company's last administrator; make another user an administrator first.");
    }
  }

  private static UUID parseId(String id) {
    UUID u = Ids.parseOrNull(id);
    if (u == null) {
      throw InvalidInputException.of("id", "is not a valid user id");
    }
    return u;
  }

  /**
   * The user's membership in the actor's company. The company is named explicitly: row-level
   * security also shows users their own memberships in other companies.
   */
  private static CompanyMember member(Tx t, UUID userId) {
    return t
        .session()
        .createSelectionQuery(
            "from CompanyMember where userId = :u and companyId = :c", CompanyMember.class)
        .setParameter("u", userId)
        .setParameter("c", t.actor().orElseThrow().companyId())
        .getResultList()
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("User", userId.toString()));
  }

  private static UserView view(Tx t, UUID userId) {
    CompanyMember m = member(t, userId);
    AppUser u = Objects.requireNonNull(t.session().get(AppUser.class, userId));
    return toView(u, m);
  }

  private static UserView toView(AppUser u, CompanyMember m) {
    return new UserView(
        u.id(),
        u.username(),
        u.displayName(),
        m.active(),
        m.roles(),
        u.createdAt(),
        m.version(),
        u.mustChangePassword());
  }
}
