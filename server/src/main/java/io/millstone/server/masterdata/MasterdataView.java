package io.millstone.server.masterdata;

import io.millstone.server.masterdata.model.Item;
import io.millstone.server.masterdata.model.Party;
import io.millstone.server.masterdata.model.Unit;
import io.millstone.server.masterdata.model.Warehouse;
import io.millstone.server.masterdata.model.WarehouseLocation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read-only snapshots of master records, as services return them. */
public final class MasterdataView {
  private MasterdataView() {}

  /** Who changed a record last, and when. */
  public record Stamp(String updatedBy, Instant updatedAt, long version, boolean active) {}

  public record UnitView(
      UUID id,
      String code,
      String name,
      Unit.Dimension dimension,
      BigDecimal factorToBase,
      Stamp stamp) {
    static UnitView of(Unit u) {
      return new UnitView(
          u.id(), u.code(), u.name(), u.dimension(), u.factorToBase(), MasterdataView.stamp(u));
    }
  }

  public record ItemView(UUID id, String code, Item.Details details, String currency, Stamp stamp) {
    static ItemView of(Item i, String currency) {
      return new ItemView(i.id(), i.code(), i.details(), currency, MasterdataView.stamp(i));
    }
  }

  public record PartyView(
      UUID id,
      String code,
      Party.Details details,
      boolean customer,
      boolean supplier,
      String currency,
      Stamp stamp) {
    static PartyView of(Party p, String currency) {
      return new PartyView(
          p.id(),
          p.code(),
          p.details(),
          p.isCustomer(),
          p.isSupplier(),
          currency,
          MasterdataView.stamp(p));
    }
  }

  public record LocationView(UUID id, String code, String name, boolean active) {
    static LocationView of(WarehouseLocation l) {
      return new LocationView(l.id(), l.code(), l.name(), l.active());
    }
  }

  public record WarehouseView(
      UUID id,
      String code,
      String name,
      String address,
      List<LocationView> locations,
      Stamp stamp) {
    static WarehouseView of(Warehouse w, List<WarehouseLocation> locations) {
      return new WarehouseView(
          w.id(),
          w.code(),
          w.name(),
          w.address(),
          locations.stream().map(LocationView::of).toList(),
          MasterdataView.stamp(w));
    }
  }

  static Stamp stamp(io.millstone.server.masterdata.model.MasterRecord r) {
    return new Stamp(r.updatedBy(), r.updatedAt(), r.version(), r.active());
  }
}
