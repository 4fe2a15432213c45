package io.millstone.client.remote;

import io.millstone.api.masterdata.v1.CreateWarehouseRequest;
import io.millstone.api.masterdata.v1.ListWarehousesResponse;
import io.millstone.api.masterdata.v1.Location;
import io.millstone.api.masterdata.v1.LocationInput;
import io.millstone.api.masterdata.v1.UpdateWarehouseRequest;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.api.masterdata.v1.WarehouseServiceGrpc;
import io.millstone.client.core.list.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warehouses on the server (WarehouseService). Locations are edited as lines of text, one per
 * location: {@code CODE Name}; a line starting with '-' marks an inactive location.
 */
public final class Warehouses extends MasterDataGateway<Warehouse>
    implements io.millstone.client.core.form.Deactivating<Warehouse> {
  public Warehouses(Session session) {
    super(session);
  }

  private WarehouseServiceGrpc.WarehouseServiceBlockingStub stub() {
    return session.stub(WarehouseServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  /** Deactivates the record: it stays in its documents but is not offered for new use. */
  @Override
  public Warehouse deactivate(Warehouse r) throws RemoteException {
    io.millstone.api.masterdata.v1.DeactivateRequest q =
        io.millstone.api.masterdata.v1.DeactivateRequest.newBuilder()
            .setId(r.getId())
            .setVersion(r.getVersion())
            .build();
    return Calls.call(() -> stub().deactivateWarehouse(q));
  }

  @Override
  public boolean isActive(Warehouse r) {
    return r.getActive();
  }

  @Override
  public Page<Warehouse> fetch(Query query, String pageToken, int pageSize) throws RemoteException {
    ListWarehousesResponse r =
        Calls.call(() -> stub().listWarehouses(listRequest(query, pageToken, pageSize)));
    return new Page<>(
        r.getWarehousesList(), r.getPage().getNextPageToken(), r.getPage().getTotalSize());
  }

  @Override
  public Warehouse get(String id) throws RemoteException {
    return Calls.call(() -> stub().getWarehouse(getRequest(id)));
  }

  static List<LocationInput> locations(String text) {
    List<LocationInput> out = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean active = !line.startsWith("-");
      if (!active) {
        line = line.substring(1).strip();
      }
      String[] parts = line.split("\\s+", 2);
      out.add(
          LocationInput.newBuilder()
              .setCode(parts[0])
              .setName(parts.length > 1 ? parts[1] : parts[0])
              .setActive(active)
              .build());
    }
    return out;
  }

  @Override
  public Warehouse create(Map<String, String> v, String idempotencyKey) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .createWarehouse(
                    CreateWarehouseRequest.newBuilder()
                        .setIdempotencyKey(key(idempotencyKey))
                        .setCode(text(v, "code"))
                        .setName(text(v, "name"))
                        .setAddress(text(v, "address"))
                        .addAllLocations(locations(text(v, "locations")))
                        .build()));
  }

  @Override
  public Warehouse update(Warehouse original, Map<String, String> v) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .updateWarehouse(
                    UpdateWarehouseRequest.newBuilder()
                        .setId(original.getId())
                        .setVersion(original.getVersion())
                        .setName(text(v, "name"))
                        .setAddress(text(v, "address"))
                        .addAllLocations(locations(text(v, "locations")))
                        .build()));
  }

  @Override
  public Map<String, String> valuesOf(Warehouse w) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", w.getCode());
    v.put("name", w.getName());
    v.put("address", w.getAddress());
    v.put(
        "locations",
        w.getLocationsList().stream()
            .map(l -> (l.getActive() ? "" : "-") + l.getCode() + " " + l.getName())
            .collect(Collectors.joining("\n")));
    return v;
  }

  /** How many active locations, for the list. */
  public static long activeLocations(Warehouse w) {
    return w.getLocationsList().stream().filter(Location::getActive).count();
  }

  @Override
  public String idOf(Warehouse record) {
    return record.getId();
  }
}
