package io.millstone.server.masterdata;

import io.millstone.server.masterdata.model.SavedSearch;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A person's saved quick filters, per list screen. Nobody else sees them. */
public final class SavedSearches {
  static final Set<String> SCREENS =
      Set.of("items", "customers", "suppliers", "warehouses", "units", "users");

  private final Transactions tx;
  private final Clock clock;

  public SavedSearches(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<SavedSearch> list(Actor actor, String screen) {
    new Validator()
        .check(SCREENS.contains(screen), "screen", "must be one of " + SCREENS)
        .throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            t.session()
                .createSelectionQuery(
                    "from SavedSearch where userId = :u and screen = :s order by name",
                    SavedSearch.class)
                .setParameter("u", actor.userId().orElseThrow())
                .setParameter("s", screen)
                .getResultList());
  }

  public SavedSearch save(Actor actor, String screen, String name, String filter, String orderBy) {
    new Validator()
        .check(SCREENS.contains(screen), "screen", "must be one of " + SCREENS)
        .text(name == null ? null : name.trim(), "name", 100)
        .check(
            filter == null || filter.length() <= 500,
            "filter",
            "is too long (at most 500 characters)")
        .check(orderBy == null || orderBy.length() <= 40, "order_by", "is too long")
        .throwIfInvalid();
    UUID user = actor.userId().orElseThrow();
    return tx.inCompany(
        actor,
        t -> {
          SavedSearch existing =
              t
                  .session()
                  .createSelectionQuery(
                      "from SavedSearch where userId = :u and screen = :s and name = :n",
                      SavedSearch.class)
                  .setParameter("u", user)
                  .setParameter("s", screen)
                  .setParameter("n", name.trim())
                  .getResultList()
                  .stream()
                  .findFirst()
                  .orElse(null);
          String f = filter == null ? "" : filter;
          String o = orderBy == null ? "" : orderBy;
          if (existing != null) {
            existing.replace(f, o, clock.instant());
            t.audit(
                "masterdata.saved_search.save",
                "saved_search",
                existing.id(),
                screen + ": " + name.trim());
            return existing;
          }
          SavedSearch s =
              new SavedSearch(
                  Ids.newId(), actor.companyId(), user, screen, name.trim(), f, o, clock.instant());
          t.session().persist(s);
          t.audit(
              "masterdata.saved_search.save", "saved_search", s.id(), screen + ": " + name.trim());
          return s;
        });
  }

  public void delete(Actor actor, String id) {
    UUID searchId = Records.parseId(id);
    tx.inCompany(
        actor,
        t -> {
          SavedSearch s = t.session().get(SavedSearch.class, searchId);
          if (s == null) {
            throw new NotFoundException("Saved search", id);
          }
          t.session().remove(s);
          t.audit(
              "masterdata.saved_search.delete",
              "saved_search",
              s.id(),
              s.screen() + ": " + s.name());
          return null;
        });
  }
}
