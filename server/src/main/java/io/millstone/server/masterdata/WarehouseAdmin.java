package io.millstone.server.masterdata;

import io.millstone.server.masterdata.MasterdataView.WarehouseView;
import io.millstone.server.masterdata.model.Warehouse;
import io.millstone.server.masterdata.model.WarehouseLocation;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.ListQuery;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.InvalidInputException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Warehouses and the locations inside them. */
public final class WarehouseAdmin {
  private static final ListQuery<Warehouse> LIST =
      ListQuery.over(Warehouse.class)
          .text("code", "e.code")
          .text("name", "e.name")
          .text("address", "e.address")
          .freeText("e.code", "e.name")
          .sort("code", "e.code", ListQuery.SortType.TEXT)
          .sort("name", "e.name", ListQuery.SortType.TEXT);

  /** A location as a client sends it. */
  public record LocationInput(String code, String name, boolean active) {}

  private final Transactions tx;
  private final Clock clock;

  public WarehouseAdmin(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public ListQuery.Page<WarehouseView> list(
      Actor actor, String filter, String orderBy, int pageSize, String pageToken) {
    return tx.inCompany(
        actor,
        t -> ListQuery.map(LIST.run(t, filter, orderBy, pageSize, pageToken), w -> view(t, w)));
  }

  public WarehouseView get(Actor actor, String id) {
    return tx.inCompany(actor, t -> view(t, Records.byId(t, Warehouse.class, "Warehouse", id)));
  }

  public WarehouseView create(
      Actor actor,
      String idempotencyKey,
      String code,
      String name,
      String address,
      List<LocationInput> locations) {
    String c = Codes.normalize(code);
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    Codes.check(v, c, 32);
    List<LocationInput> locs = check(v, name, address, locations);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  idempotencyKey,
                  "masterdata.warehouse.create",
                  c + '\u001f' + name.trim() + '\u001f' + address + '\u001f' + locs,
                  id -> {
                    if (Records.byCode(t, Warehouse.class, c).isPresent()) {
                      throw InvalidInputException.of(
                          "code", "is already used by another warehouse; choose another code");
                    }
                    t.session()
                        .persist(
                            new Warehouse(
                                id,
                                actor.companyId(),
                                c,
                                name.trim(),
                                address == null ? "" : address.trim(),
                                actor.username(),
                                clock.instant()));
                    t.session().flush();
                    for (LocationInput l : locs) {
                      t.session()
                          .persist(
                              new WarehouseLocation(
                                  Ids.newId(),
                                  actor.companyId(),
                                  id,
                                  l.code(),
                                  l.name(),
                                  l.active()));
                    }
                    t.audit(
                        "masterdata.warehouse.create",
                        "warehouse",
                        id,
                        "created warehouse " + c + " with " + locs.size() + " location(s)");
                    return id;
                  });
          return view(t, t.session().get(Warehouse.class, outcome.id()));
        });
  }

  public WarehouseView update(
      Actor actor,
      String id,
      long version,
      String name,
      String address,
      List<LocationInput> locations) {
    Validator v = new Validator();
    List<LocationInput> locs = check(v, name, address, locations);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Warehouse w = Records.byId(t, Warehouse.class, "Warehouse", id);
          Versions.check(
              "Warehouse " + w.code(), version, w.version(), w.updatedBy(), w.updatedAt());
          w.change(
              name.trim(),
              address == null ? "" : address.trim(),
              actor.username(),
              clock.instant());
          Map<String, WarehouseLocation> existing = new HashMap<>();
          locations(t, w.id()).forEach(l -> existing.put(l.code(), l));
          Set<String> sent = new HashSet<>();
          for (LocationInput l : locs) {
            sent.add(l.code());
            WarehouseLocation found = existing.get(l.code());
            if (found == null) {
              t.session()
                  .persist(
                      new WarehouseLocation(
                          Ids.newId(), actor.companyId(), w.id(), l.code(), l.name(), l.active()));
            } else {
              found.change(l.name(), l.active());
            }
          }
          // Locations left out are deactivated, never deleted: stock may refer to them.
          existing.values().stream()
              .filter(l -> !sent.contains(l.code()))
              .forEach(l -> l.change(l.name(), false));
          t.session().flush();
          t.audit(
              "masterdata.warehouse.update",
              "warehouse",
              w.id(),
              "updated warehouse " + w.code() + ": " + name.trim() + ", locations " + sent);
          return view(t, w);
        });
  }

  public WarehouseView deactivate(Actor actor, String id, long version) {
    return tx.inCompany(
        actor,
        t -> {
          Warehouse w = Records.byId(t, Warehouse.class, "Warehouse", id);
          Versions.check(
              "Warehouse " + w.code(), version, w.version(), w.updatedBy(), w.updatedAt());
          w.deactivate(actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "masterdata.warehouse.deactivate", "warehouse", w.id(), "deactivated " + w.code());
          return view(t, w);
        });
  }

  private static List<WarehouseLocation> locations(Tx t, UUID warehouseId) {
    return t.session()
        .createSelectionQuery(
            "from WarehouseLocation where warehouseId = :w order by code", WarehouseLocation.class)
        .setParameter("w", warehouseId)
        .getResultList();
  }

  private static WarehouseView view(Tx t, Warehouse w) {
    return WarehouseView.of(w, locations(t, w.id()));
  }

  private static List<LocationInput> check(
      Validator v, String name, String address, List<LocationInput> locations) {
    v.text(name == null ? null : name.trim(), "name", 200);
    v.check(
        address == null || address.length() <= 500,
        "address",
        "is too long (at most 500 characters)");
    Set<String> seen = new HashSet<>();
    List<LocationInput> out = new java.util.ArrayList<>();
    for (int i = 0; i < locations.size(); i++) {
      LocationInput l = locations.get(i);
      String code = Codes.normalize(l.code());
      String field = "locations[" + i + "]";
      Validator lv = new Validator();
      Codes.check(lv, code, 32);
      v.check(
          !lv.hasViolation("code"),
          field + ".code",
          "must be a code of letters, digits and . _ / -, at most 32");
      v.text(l.name() == null ? null : l.name().trim(), field + ".name", 200);
      v.check(code.isEmpty() || seen.add(code), field + ".code", "'" + code + "' appears twice");
      out.add(new LocationInput(code, l.name() == null ? "" : l.name().trim(), l.active()));
    }
    return out;
  }
}
