package io.millstone.client.remote;

import io.millstone.api.masterdata.v1.CreateItemRequest;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.ItemServiceGrpc;
import io.millstone.api.masterdata.v1.ListItemsResponse;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.masterdata.v1.UpdateItemRequest;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.list.Page;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Items on the server (ItemService). */
public final class Items extends MasterDataGateway<Item>
    implements io.millstone.client.core.form.Deactivating<Item> {
  public Items(Session session) {
    super(session);
  }

  private ItemServiceGrpc.ItemServiceBlockingStub stub() {
    return session.stub(ItemServiceGrpc.newBlockingStub(session.connection().channel()));
  }

  /** Deactivates the record: it stays in its documents but is not offered for new use. */
  @Override
  public Item deactivate(Item r) throws RemoteException {
    io.millstone.api.masterdata.v1.DeactivateRequest q =
        io.millstone.api.masterdata.v1.DeactivateRequest.newBuilder()
            .setId(r.getId())
            .setVersion(r.getVersion())
            .build();
    return Calls.call(() -> stub().deactivateItem(q));
  }

  @Override
  public boolean isActive(Item r) {
    return r.getActive();
  }

  @Override
  public Page<Item> fetch(Query query, String pageToken, int pageSize) throws RemoteException {
    ListItemsResponse r =
        Calls.call(() -> stub().listItems(listRequest(query, pageToken, pageSize)));
    return new Page<>(r.getItemsList(), r.getPage().getNextPageToken(), r.getPage().getTotalSize());
  }

  @Override
  public Item get(String id) throws RemoteException {
    return Calls.call(() -> stub().getItem(getRequest(id)));
  }

  @Override
  public Item create(Map<String, String> v, String idempotencyKey) throws RemoteException {
    CreateItemRequest.Builder b =
        CreateItemRequest.newBuilder()
            .setIdempotencyKey(key(idempotencyKey))
            .setCode(text(v, "code"))
            .setName(text(v, "name"))
            .setUnitCode(text(v, "unit_code"))
            .setKind(enumOf(ItemKind.class, v.get("kind"), ItemKind.ITEM_KIND_UNSPECIFIED))
            .setTaxCategory(
                enumOf(
                    TaxCategory.class,
                    v.get("tax_category"),
                    TaxCategory.TAX_CATEGORY_UNSPECIFIED));
    if (!text(v, "default_sale_price.amount").isEmpty()) {
      b.setDefaultSalePrice(money(v, "default_sale_price"));
    }
    b.setReorderLevel(reorderLevel(v));
    return Calls.call(() -> stub().createItem(b.build()));
  }

  @Override
  public Item update(Item original, Map<String, String> v) throws RemoteException {
    UpdateItemRequest.Builder b =
        UpdateItemRequest.newBuilder()
            .setId(original.getId())
            .setVersion(original.getVersion())
            .setName(text(v, "name"))
            .setUnitCode(text(v, "unit_code"))
            .setKind(enumOf(ItemKind.class, v.get("kind"), ItemKind.ITEM_KIND_UNSPECIFIED))
            .setTaxCategory(
                enumOf(
                    TaxCategory.class,
                    v.get("tax_category"),
                    TaxCategory.TAX_CATEGORY_UNSPECIFIED));
    if (!text(v, "default_sale_price.amount").isEmpty()) {
      b.setDefaultSalePrice(money(v, "default_sale_price"));
    }
    b.setReorderLevel(reorderLevel(v));
    return Calls.call(() -> stub().updateItem(b.build()));
  }

  @Override
  public Map<String, String> valuesOf(Item i) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("code", i.getCode());
    v.put("name", i.getName());
    v.put("unit_code", i.getUnitCode());
    v.put("kind", i.getKind().name());
    v.put("default_sale_price.amount", Amounts.money(i.getDefaultSalePrice().getAmount()));
    v.put("tax_category", i.getTaxCategory().name());
    BigDecimal reorder = Amounts.of(i.getReorderLevel().getValue());
    v.put("reorder_level", reorder.signum() == 0 ? "" : Amounts.quantity(reorder));
    return v;
  }

  /** Blank is no reorder level; a number as typed (grouped or in Bangla digits) is sent plain. */
  private io.millstone.api.common.v1.Decimal reorderLevel(Map<String, String> v) {
    String typed = text(v, "reorder_level");
    BigDecimal d = Amounts.parse(typed);
    return io.millstone.api.common.v1.Decimal.newBuilder()
        .setValue(d == null ? typed : d.toPlainString())
        .build();
  }

  @Override
  public String idOf(Item record) {
    return record.getId();
  }
}
