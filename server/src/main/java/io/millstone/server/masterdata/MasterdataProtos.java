package io.millstone.server.masterdata;

import io.millstone.api.common.v1.PageResponse;
import io.millstone.api.masterdata.v1.ChangeStamp;
import io.millstone.api.masterdata.v1.Dimension;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.Location;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.server.gateway.ProtoValues;
import io.millstone.server.masterdata.MasterdataView.ItemView;
import io.millstone.server.masterdata.MasterdataView.PartyView;
import io.millstone.server.masterdata.MasterdataView.Stamp;
import io.millstone.server.masterdata.MasterdataView.UnitView;
import io.millstone.server.masterdata.MasterdataView.WarehouseView;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.masterdata.model.Unit;
import io.millstone.server.platform.ListQuery;

/** Conversions between master-data views and their contract messages. */
final class MasterdataProtos {
  private MasterdataProtos() {}

  static PageResponse page(ListQuery.Page<?> p) {
    return PageResponse.newBuilder()
        .setNextPageToken(p.nextPageToken())
        .setTotalSize(p.totalSize())
        .build();
  }

  static ChangeStamp stamp(Stamp s) {
    return ChangeStamp.newBuilder()
        .setUpdatedBy(s.updatedBy())
        .setUpdatedAt(ProtoValues.timestamp(s.updatedAt()))
        .build();
  }

  static io.millstone.api.masterdata.v1.Unit unit(UnitView u) {
    return io.millstone.api.masterdata.v1.Unit.newBuilder()
        .setId(u.id().toString())
        .setCode(u.code())
        .setName(u.name())
        .setDimension(Dimension.valueOf("DIMENSION_" + u.dimension().name()))
        .setFactorToBase(ProtoValues.decimal(u.factorToBase()))
        .setActive(u.stamp().active())
        .setVersion(u.stamp().version())
        .setChanged(stamp(u.stamp()))
        .build();
  }

  static Unit.Dimension dimension(Dimension d) {
    return switch (d) {
      case DIMENSION_MASS -> Unit.Dimension.MASS;
      case DIMENSION_VOLUME -> Unit.Dimension.VOLUME;
      case DIMENSION_COUNT -> Unit.Dimension.COUNT;
      case DIMENSION_LENGTH -> Unit.Dimension.LENGTH;
      default -> null;
    };
  }

  static io.millstone.api.masterdata.v1.Item item(ItemView i) {
    return io.millstone.api.masterdata.v1.Item.newBuilder()
        .setId(i.id().toString())
        .setCode(i.code())
        .setName(i.details().name())
        .setUnitCode(i.details().unitCode())
        .setKind(ItemKind.valueOf("ITEM_KIND_" + i.details().kind().name()))
        .setDefaultSalePrice(ProtoValues.money(i.details().defaultSalePrice(), i.currency()))
        .setTaxCategory(TaxCategory.valueOf("TAX_CATEGORY_" + i.details().taxCategory().name()))
        .setReorderLevel(ProtoValues.decimal(i.details().reorderLevel()))
        .setActive(i.stamp().active())
        .setVersion(i.stamp().version())
        .setChanged(stamp(i.stamp()))
        .build();
  }

  static Item.Kind kind(ItemKind k) {
    return switch (k) {
      case ITEM_KIND_RAW_MATERIAL -> Item.Kind.RAW_MATERIAL;
      case ITEM_KIND_FINISHED_GOOD -> Item.Kind.FINISHED_GOOD;
      case ITEM_KIND_BY_PRODUCT -> Item.Kind.BY_PRODUCT;
      case ITEM_KIND_SERVICE -> Item.Kind.SERVICE;
      case ITEM_KIND_CONSUMABLE -> Item.Kind.CONSUMABLE;
      default -> null;
    };
  }

  static Item.TaxCategory tax(TaxCategory t) {
    return switch (t) {
      case TAX_CATEGORY_STANDARD -> Item.TaxCategory.STANDARD;
      case TAX_CATEGORY_ZERO_RATED -> Item.TaxCategory.ZERO_RATED;
      case TAX_CATEGORY_EXEMPT -> Item.TaxCategory.EXEMPT;
      default -> null;
    };
  }

  static io.millstone.api.masterdata.v1.Party party(PartyView p) {
    return io.millstone.api.masterdata.v1.Party.newBuilder()
        .setId(p.id().toString())
        .setCode(p.code())
        .setName(p.details().name())
        .setAddress(p.details().address())
        .setPhone(p.details().phone())
        .setBin(p.details().bin())
        .setCreditLimit(ProtoValues.money(p.details().creditLimit(), p.currency()))
        .setNoCreditLimit(p.details().noCreditLimit())
        .setPaymentTermsDays(p.details().paymentTermsDays())
        .setIsCustomer(p.customer())
        .setIsSupplier(p.supplier())
        .setActive(p.stamp().active())
        .setVersion(p.stamp().version())
        .setChanged(stamp(p.stamp()))
        .build();
  }

  static io.millstone.api.masterdata.v1.Warehouse warehouse(WarehouseView w) {
    var b =
        io.millstone.api.masterdata.v1.Warehouse.newBuilder()
            .setId(w.id().toString())
            .setCode(w.code())
            .setName(w.name())
            .setAddress(w.address())
            .setActive(w.stamp().active())
            .setVersion(w.stamp().version())
            .setChanged(stamp(w.stamp()));
    w.locations()
        .forEach(
            l ->
                b.addLocations(
                    Location.newBuilder()
                        .setId(l.id().toString())
                        .setCode(l.code())
                        .setName(l.name())
                        .setActive(l.active())));
    return b.build();
  }
}
