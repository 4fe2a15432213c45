package io.millstone.client.remote;

import io.millstone.api.masterdata.v1.CreateUnitRequest;
import io.millstone.api.masterdata.v1.DeactivateRequest;
import io.millstone.api.masterdata.v1.Dimension;
import io.millstone.api.masterdata.v1.ListUnitsResponse;
import io.millstone.api.masterdata.v1.Unit;
import io.millstone.api.masterdata.v1.UnitServiceGrpc;
import io.millstone.api.masterdata.v1.UpdateUnitRequest;
import io.millstone.client.core.list.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/** Units of measure on the server (UnitService). */
public final class Units extends MasterDataGateway<Unit>
    implements io.millstone.client.core.form.Deactivating<Unit> {
  public Units(Session session) {
    super(session);
  }

  private UnitServiceGrpc.UnitServiceBlockingStub stub() {
    return session.stub(UnitServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  @Override
  public Page<Unit> fetch(Query query, String pageToken, int pageSize) throws RemoteException {
    ListUnitsResponse r =
        Calls.call(() -> stub().listUnits(listRequest(query, pageToken, pageSize)));
    return new Page<>(r.getUnitsList(), r.getPage().getNextPageToken(), r.getPage().getTotalSize());
  }

  @Override
  public Unit get(String id) throws RemoteException {
    return Calls.call(() -> stub().getUnit(getRequest(id)));
  }

  @Override
  public Unit create(Map<String, String> v, String idempotencyKey) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .createUnit(
                    CreateUnitRequest.newBuilder()
                        .setIdempotencyKey(key(idempotencyKey))
                        .setCode(text(v, "code"))
                        .setName(text(v, "name"))
                        .setDimension(
                            enumOf(
                                Dimension.class,
                                v.get("dimension"),
                                Dimension.DIMENSION_UNSPECIFIED))
                        .setFactorToBase(decimal(v, "factor_to_base"))
                        .build()));
  }

  @Override
  public Unit update(Unit original, Map<String, String> v) throws RemoteException {
    return Calls.call(
        () ->
            stub()
                .updateUnit(
                    UpdateUnitRequest.newBuilder()
                        .setId(original.getId())
                        .setVersion(original.getVersion())
                        .setName(text(v, "name"))
                        .setFactorToBase(decimal(v, "factor_to_base"))
                        .build()));
  }

  @Override
  public boolean isActive(Unit r) {
    return r.getActive();
  }

  /**
   * {@code quantity} of {@code from} in {@code to}, as the server converts it ("1 t" is "1000 kg").
   */
  public String convert(String quantity, String from, String to) throws RemoteException {
    io.millstone.api.masterdata.v1.ConvertQuantityRequest r =
        io.millstone.api.masterdata.v1.ConvertQuantityRequest.newBuilder()
            .setQuantity(
                io.millstone.api.common.v1.Decimal.newBuilder()
                    .setValue(quantity == null ? "" : quantity.trim()))
            .setFromUnitCode(from == null ? "" : from.trim())
            .setToUnitCode(to == null ? "" : to.trim())
            .build();
    return Calls.call(() -> stub().convertQuantity(r)).getQuantity().getValue();
  }

  /** Deactivates the unit: items keep it, but it is no longer offered for new use. */
  @Override
  public Unit deactivate(Unit u) throws RemoteException {
    DeactivateRequest r =
        DeactivateRequest.newBuilder().setId(u.getId()).setVersion(u.getVersion()).build();
    return Calls.call(() -> stub().deactivateUnit(r));
  }

  @Override
  public Map<String, String> valuesOf(Unit u) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", u.getCode());
    v.put("name", u.getName());
    v.put("dimension", u.getDimension().name());
    v.put("factor_to_base", u.getFactorToBase().getValue());
    return v;
  }

  @Override
  public String idOf(Unit record) {
    return record.getId();
  }
}
