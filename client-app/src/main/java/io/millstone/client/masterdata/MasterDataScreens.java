package io.millstone.client.masterdata;

import io.millstone.api.masterdata.v1.Dimension;
import io.millstone.api.masterdata.v1.Item;
import io.millstone.api.masterdata.v1.ItemKind;
import io.millstone.api.masterdata.v1.Party;
import io.millstone.api.masterdata.v1.TaxCategory;
import io.millstone.api.masterdata.v1.Unit;
import io.millstone.api.masterdata.v1.Warehouse;
import io.millstone.client.core.Amounts;
import io.millstone.client.core.Messages;
import io.millstone.client.core.RecordLookup;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.SidePanels;
import io.millstone.client.core.form.Checks;
import io.millstone.client.core.form.FieldSpec;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.SavedSearchStore;
import io.millstone.client.remote.Items;
import io.millstone.client.remote.Parties;
import io.millstone.client.remote.Units;
import io.millstone.client.remote.Warehouses;
import java.util.Arrays;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The master-data screens: items, units, customers, suppliers and warehouses. */
public final class MasterDataScreens {
  private MasterDataScreens() {}

  static <E extends Enum<E>> List<String> choices(E[] values) {
    return Arrays.stream(values)
        .map(Enum::name)
        .filter(n -> !n.endsWith("_UNSPECIFIED") && !n.equals("UNRECOGNIZED"))
        .toList();
  }

  static String active(boolean active, Messages m) {
    return active ? m.get("common.yes") : m.get("common.no");
  }

  static List<FieldSpec> itemFields(PageSource<Unit> units) {
    return List.of(
        FieldSpec.text("code", "items.code", true).checked(Checks.CODE).fixedAfterCreate(),
        FieldSpec.text("name", "items.name", true),
        FieldSpec.text("unit_code", "items.unit", true).picked(() -> unitChoices(units)),
        FieldSpec.text("kind", "items.kind", true).choice(choices(ItemKind.values())),
        FieldSpec.text("default_sale_price.amount", "items.price", false)
            .checked(Checks.DECIMAL_NOT_NEGATIVE),
        FieldSpec.text("tax_category", "items.tax", true).choice(choices(TaxCategory.values())),
        FieldSpec.text("reorder_level", "items.reorderLevel", false)
            .checked(Checks.DECIMAL_NOT_NEGATIVE));
  }

  /** The company's active units, as the item form's unit picker offers them. */
  static List<FieldSpec.Choice> unitChoices(PageSource<Unit> units) throws Exception {
    return units.fetch(new PageSource.Query("", "code"), "", 500).rows().stream()
        .map(u -> new FieldSpec.Choice(u.getCode(), u.getCode() + " — " + u.getName()))
        .toList();
  }

  static List<ColumnSpec<Item>> itemColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("code", "items.code", Item::getCode, "code", 140),
        new ColumnSpec<>("name", "items.name", Item::getName, "name", 260),
        new ColumnSpec<>("unit", "items.unit", Item::getUnitCode, "unit", 80),
        new ColumnSpec<>(
            "kind", "items.kind", i -> m.get("choice." + i.getKind().name()), "kind", 140),
        ColumnSpec.numeric(
            "price",
            "items.price",
            i -> Amounts.money(i.getDefaultSalePrice().getAmount()),
            "price",
            110),
        new ColumnSpec<>(
            "tax", "items.tax", i -> m.get("choice." + i.getTaxCategory().name()), null, 120),
        new ColumnSpec<>("active", "common.active", i -> active(i.getActive(), m), null, 70));
  }

  static List<FieldSpec> unitFields() {
    return List.of(
        FieldSpec.text("code", "units.code", true).fixedAfterCreate(),
        FieldSpec.text("name", "units.name", true),
        FieldSpec.text("dimension", "units.dimension", true)
            .choice(choices(Dimension.values()))
            .fixedAfterCreate(),
        FieldSpec.text("factor_to_base", "units.factor", true).checked(Checks.POSITIVE_DECIMAL));
  }

  static List<ColumnSpec<Unit>> unitColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("code", "units.code", Unit::getCode, "code", 100),
        new ColumnSpec<>("name", "units.name", Unit::getName, "name", 200),
        new ColumnSpec<>(
            "dimension",
            "units.dimension",
            u -> m.get("choice." + u.getDimension().name()),
            null,
            120),
        ColumnSpec.numeric(
            "factor", "units.factor", u -> u.getFactorToBase().getValue(), null, 170),
        new ColumnSpec<>("active", "common.active", u -> active(u.getActive(), m), null, 70));
  }

  /**
   * A customer's credit: up to the limit typed (zero gives none), or no limit at all, which the
   * accounts office chooses in so many words (the server refuses both changes to anyone else).
   */
  static List<FieldSpec> customerFields() {
    List<FieldSpec> fields = new java.util.ArrayList<>();
    for (FieldSpec f : partyFields()) {
      fields.add(f);
      if (f.name().equals("credit_limit.amount")) {
        fields.add(
            FieldSpec.text("no_credit_limit", "parties.credit", false)
                .choice(List.of(Parties.CREDIT_LIMITED, Parties.CREDIT_UNLIMITED)));
      }
    }
    return List.copyOf(fields);
  }

  static List<FieldSpec> partyFields() {
    return List.of(
        FieldSpec.text("code", "parties.code", true).checked(Checks.CODE).fixedAfterCreate(),
        FieldSpec.text("name", "parties.name", true),
        FieldSpec.text("address", "parties.address", false).area(),
        FieldSpec.text("phone", "parties.phone", false),
        FieldSpec.text("bin", "parties.bin", false).checked(Checks.BIN),
        FieldSpec.text("credit_limit.amount", "parties.creditLimit", false)
            .checked(Checks.DECIMAL_NOT_NEGATIVE),
        FieldSpec.text("payment_terms_days", "parties.terms", false).checked(Checks.WHOLE_DAYS));
  }

  static List<ColumnSpec<Party>> partyColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("code", "parties.code", Party::getCode, "code", 120),
        new ColumnSpec<>("name", "parties.name", Party::getName, "name", 240),
        new ColumnSpec<>("phone", "parties.phone", Party::getPhone, null, 130),
        new ColumnSpec<>("bin", "parties.bin", Party::getBin, "bin", 140),
        ColumnSpec.numeric(
            "creditLimit",
            "parties.creditLimit",
            p ->
                p.getNoCreditLimit()
                    ? m.get("parties.noLimit")
                    : Amounts.money(p.getCreditLimit().getAmount()),
            "credit_limit",
            120),
        new ColumnSpec<>(
            "terms",
            "parties.termsShort",
            p -> Integer.toString(p.getPaymentTermsDays()),
            null,
            110),
        new ColumnSpec<>("active", "common.active", p -> active(p.getActive(), m), null, 70));
  }

  static List<FieldSpec> warehouseFields() {
    return List.of(
        FieldSpec.text("code", "warehouses.code", true).checked(Checks.CODE).fixedAfterCreate(),
        FieldSpec.text("name", "warehouses.name", true),
        FieldSpec.text("address", "warehouses.address", false).area(),
        FieldSpec.text("locations", "warehouses.locations", false).area());
  }

  static List<ColumnSpec<Warehouse>> warehouseColumns(Messages m) {
    return List.of(
        new ColumnSpec<>("code", "warehouses.code", Warehouse::getCode, "code", 120),
        new ColumnSpec<>("name", "warehouses.name", Warehouse::getName, "name", 240),
        new ColumnSpec<>("address", "warehouses.address", Warehouse::getAddress, null, 260),
        new ColumnSpec<>(
            "locations",
            "warehouses.locations",
            w -> Long.toString(Warehouses.activeLocations(w)),
            null,
            90),
        new ColumnSpec<>("active", "common.active", w -> active(w.getActive(), m), null, 70));
  }

  /** Every master-data screen, for the shell to show where the person's permissions allow. */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx,
      Items items,
      Units units,
      Parties customers,
      Parties suppliers,
      Warehouses warehouses,
      SavedSearchStore saved) {
    return definitions(ctx, items, units, customers, suppliers, warehouses, saved, SidePanels.NONE);
  }

  /** The same, each record's form with its side panel (notes, attachments, history). */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx,
      Items items,
      Units units,
      Parties customers,
      Parties suppliers,
      Warehouses warehouses,
      SavedSearchStore saved,
      SidePanels panels) {
    return screens(ctx.messages(), items, units, customers, suppliers, warehouses, saved).stream()
        .map(s -> s.definition(ctx, panels))
        .toList();
  }

  /**
   * The records the command palette finds by typing: items, customers, suppliers and warehouses
   * (units are few and found through their screen).
   */
  public static List<RecordLookup> lookups(
      ScreenContext ctx,
      Items items,
      Units units,
      Parties customers,
      Parties suppliers,
      Warehouses warehouses,
      SavedSearchStore saved) {
    return screens(ctx.messages(), items, units, customers, suppliers, warehouses, saved).stream()
        .filter(s -> !s.id().equals("units"))
        .map(s -> s.lookup(ctx, SidePanels.NONE))
        .toList();
  }

  /** The same, a record opened from the palette with its side panel. */
  public static List<RecordLookup> lookups(
      ScreenContext ctx,
      Items items,
      Units units,
      Parties customers,
      Parties suppliers,
      Warehouses warehouses,
      SavedSearchStore saved,
      SidePanels panels) {
    return screens(ctx.messages(), items, units, customers, suppliers, warehouses, saved).stream()
        .filter(s -> !s.id().equals("units"))
        .map(s -> s.lookup(ctx, panels))
        .toList();
  }

  private static List<RecordScreen<?, ?>> screens(
      Messages m,
      Items items,
      Units units,
      Parties customers,
      Parties suppliers,
      Warehouses warehouses,
      SavedSearchStore saved) {
    return List.of(
        new RecordScreen<>(
            "items",
            "screen.items",
            "masterdata.items.read",
            "masterdata.items.manage",
            Material2AL.CATEGORY,
            items,
            saved,
            itemColumns(m),
            itemFields(units)),
        new RecordScreen<>(
                "units",
                "screen.units",
                "masterdata.units.read",
                "masterdata.units.manage",
                Material2MZ.STRAIGHTEN,
                units,
                saved,
                unitColumns(m),
                unitFields())
            .withFooter(
                ctx ->
                    new UnitConverterView(
                        new UnitConverterViewModel(units::convert, ctx.executor(), ctx.messages()),
                        ctx.messages())),
        new RecordScreen<>(
            "customers",
            "screen.customers",
            "masterdata.customers.read",
            "masterdata.customers.manage",
            Material2AL.BUSINESS,
            customers,
            saved,
            partyColumns(m),
            customerFields()),
        new RecordScreen<>(
            "suppliers",
            "screen.suppliers",
            "masterdata.suppliers.read",
            "masterdata.suppliers.manage",
            Material2AL.LOCAL_SHIPPING,
            suppliers,
            saved,
            partyColumns(m),
            partyFields()),
        new RecordScreen<>(
            "warehouses",
            "screen.warehouses",
            "masterdata.warehouses.read",
            "masterdata.warehouses.manage",
            Material2MZ.STORE,
            warehouses,
            saved,
            warehouseColumns(m),
            warehouseFields()));
  }
}
