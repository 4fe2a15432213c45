package io.millstone.server.masterdata;

import io.millstone.server.masterdata.MasterdataView.ItemView;
import io.millstone.server.masterdata.model.Item;
import io.millstone.server.masterdata.model.Unit;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.ListQuery;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/** The item master: what the mill buys, makes, stocks and sells. */
public final class ItemAdmin {
  private static final ListQuery<Item> LIST =
      ListQuery.over(Item.class)
          .text("code", "e.code")
          .text("name", "e.name")
          .text("unit", "e.unitCode")
          .choice(
              "kind",
              "e.kind",
              Map.of(
                  "raw_material", Item.Kind.RAW_MATERIAL,
                  "finished_good", Item.Kind.FINISHED_GOOD,
                  "by_product", Item.Kind.BY_PRODUCT,
                  "service", Item.Kind.SERVICE,
                  "consumable", Item.Kind.CONSUMABLE))
          .choice(
              "tax",
              "e.taxCategory",
              Map.of(
                  "standard", Item.TaxCategory.STANDARD,
                  "zero_rated", Item.TaxCategory.ZERO_RATED,
                  "exempt", Item.TaxCategory.EXEMPT))
          .freeText("e.code", "e.name")
          .sort("code", "e.code", ListQuery.SortType.TEXT)
          .sort("name", "e.name", ListQuery.SortType.TEXT)
          .sort("kind", "e.kind", ListQuery.SortType.TEXT)
          .sort("unit", "e.unitCode", ListQuery.SortType.TEXT)
          .sort("price", "e.defaultSalePrice", ListQuery.SortType.DECIMAL);

  /** An item's fields as a client sends them: text, not yet checked. */
  public record Input(
      String name,
      String unitCode,
      Item.Kind kind,
      String priceAmount,
      String priceCurrency,
      Item.TaxCategory taxCategory,
      String reorderLevel) {
    /** An item without a reorder level. */
    public Input(
        String name,
        String unitCode,
        Item.Kind kind,
        String priceAmount,
        String priceCurrency,
        Item.TaxCategory taxCategory) {
      this(name, unitCode, kind, priceAmount, priceCurrency, taxCategory, "");
    }
  }

  private final Transactions tx;
  private final Clock clock;

  public ItemAdmin(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public ListQuery.Page<ItemView> list(
      Actor actor, String filter, String orderBy, int pageSize, String pageToken) {
    return tx.inCompany(
        actor,
        t -> {
          String currency = CompanyCurrency.of(t);
          return ListQuery.map(
              LIST.run(t, filter, orderBy, pageSize, pageToken), i -> ItemView.of(i, currency));
        });
  }

  public ItemView get(Actor actor, String id) {
    return tx.inCompany(
        actor, t -> ItemView.of(Records.byId(t, Item.class, "Item", id), CompanyCurrency.of(t)));
  }

  public ItemView create(Actor actor, String idempotencyKey, String code, Input in) {
    String c = Codes.normalize(code);
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    Codes.check(v, c, 32);
    BigDecimal price = checkFields(v, in);
    BigDecimal reorder = reorderLevel(v, in);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Item.Details d = details(t, in, price, reorder);
          var outcome =
              Idempotency.once(
                  t,
                  idempotencyKey,
                  "masterdata.item.create",
                  c + '\u001f' + d,
                  id -> {
                    if (Records.byCode(t, Item.class, c).isPresent()) {
                      throw InvalidInputException.of(
                          "code", "is already used by another item; choose another code");
                    }
                    t.session()
                        .persist(
                            new Item(
                                id, actor.companyId(), c, d, actor.username(), clock.instant()));
                    t.audit(
                        "masterdata.item.create",
                        "item",
                        id,
                        "created item " + c + ": " + describe(d));
                    return id;
                  });
          return ItemView.of(t.session().get(Item.class, outcome.id()), CompanyCurrency.of(t));
        });
  }

  public ItemView update(Actor actor, String id, long version, Input in) {
    Validator v = new Validator();
    BigDecimal price = checkFields(v, in);
    BigDecimal reorder = reorderLevel(v, in);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Item item = Records.byId(t, Item.class, "Item", id);
          Versions.check(
              "Item " + item.code(), version, item.version(), item.updatedBy(), item.updatedAt());
          Item.Details d = details(t, in, price, reorder);
          Item.Details before = item.details();
          item.change(d, actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "masterdata.item.update", "item", item.id(), describe(before) + " -> " + describe(d));
          return ItemView.of(item, CompanyCurrency.of(t));
        });
  }

  public ItemView deactivate(Actor actor, String id, long version) {
    return tx.inCompany(
        actor,
        t -> {
          Item item = Records.byId(t, Item.class, "Item", id);
          Versions.check(
              "Item " + item.code(), version, item.version(), item.updatedBy(), item.updatedAt());
          item.deactivate(actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "masterdata.item.deactivate", "item", item.id(), "deactivated item " + item.code());
          return ItemView.of(item, CompanyCurrency.of(t));
        });
  }

  private static BigDecimal checkFields(Validator v, Input in) {
    v.text(in.name() == null ? null : in.name().trim(), "name", 200);
    v.text(in.unitCode(), "unit_code", 16);
    v.check(
        in.kind() != null,
        "kind",
        "is required: raw material, finished good, by-product, service or consumable");
    v.check(
        in.taxCategory() != null, "tax_category", "is required: standard, zero-rated or exempt");
    BigDecimal price = Decimals.parse(v, "default_sale_price.amount", in.priceAmount(), 4, false);
    v.check(
        price == null || price.signum() >= 0, "default_sale_price.amount", "must not be negative");
    return price;
  }

  /** Blank means no reorder level (zero); otherwise a quantity of the item's unit, not negative. */
  private static BigDecimal reorderLevel(Validator v, Input in) {
    BigDecimal r = Decimals.parse(v, "reorder_level", in.reorderLevel(), 6, false);
    v.check(r == null || r.signum() >= 0, "reorder_level", "must not be negative");
    return r == null ? BigDecimal.ZERO : r;
  }

  /** Checks what needs the company's data (unit exists, currency), then builds the details. */
  private static Item.Details details(Tx t, Input in, BigDecimal price, BigDecimal reorder) {
    Validator v = new Validator();
    String unitCode = in.unitCode().trim();
    Unit unit = Records.byCode(t, Unit.class, unitCode).orElse(null);
    v.check(
        unit != null && unit.active(),
        "unit_code",
        "'" + unitCode + "' is not an active unit of this company");
    CompanyCurrency.check(
        v, "default_sale_price.currency_code", in.priceCurrency(), CompanyCurrency.of(t));
    v.throwIfInvalid();
    return new Item.Details(
        in.name().trim(), unit.code(), in.kind(), price, in.taxCategory(), reorder);
  }

  private static String describe(Item.Details d) {
    return d.name()
        + ", unit "
        + d.unitCode()
        + ", "
        + d.kind()
        + ", price "
        + d.defaultSalePrice().toPlainString()
        + ", tax "
        + d.taxCategory()
        + (d.reorderLevel().signum() == 0
            ? ""
            : ", reorder below " + d.reorderLevel().stripTrailingZeros().toPlainString());
  }
}
