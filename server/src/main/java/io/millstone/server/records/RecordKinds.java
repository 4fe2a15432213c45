package io.millstone.server.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of record the search finds and the side panel annotates: the table each lives in, the
 * permission that reads it (its list's), and the entity type its audit events carry. Each kind has
 * its search function in the database, {@code search_<kind>} (V31).
 */
final class RecordKinds {
  private RecordKinds() {}

  /** One kind; {@code filter} narrows a shared table (customers and suppliers are parties). */
  record Kind(String name, String table, String permission, String auditType, String filter) {
    String searchFunction() {
      return "search_" + name;
    }
  }

  static final Map<String, Kind> ALL = new LinkedHashMap<>();

  static {
    List.of(
            new Kind("item", "item", "masterdata.items.read", "item", null),
            new Kind("customer", "party", "masterdata.customers.read", "party", "x.is_customer"),
            new Kind("supplier", "party", "masterdata.suppliers.read", "party", "x.is_supplier"),
            new Kind("warehouse", "warehouse", "masterdata.warehouses.read", "warehouse", null),
            new Kind("machine", "machine", "telemetry.machines.read", "machine", null),
            new Kind("grower", "grower", "cane.read", "grower", null),
            new Kind("sales_order", "sales_order", "sales.read", "sales_order", null),
            new Kind("delivery", "delivery", "sales.read", "delivery", null),
            new Kind("sales_invoice", "sales_invoice", "sales.read", "sales_invoice", null),
            new Kind(
                "customer_payment", "customer_payment", "sales.read", "customer_payment", null),
            new Kind("purchase_order", "purchase_order", "purchasing.read", "purchase_order", null),
            new Kind("goods_receipt", "goods_receipt", "purchasing.read", "goods_receipt", null),
            new Kind("supplier_bill", "supplier_bill", "purchasing.read", "supplier_bill", null),
            new Kind(
                "supplier_payment",
                "supplier_payment",
                "purchasing.read",
                "supplier_payment",
                null),
            new Kind("journal_entry", "journal_entry", "accounting.read", "journal_entry", null),
            new Kind("cane_permit", "cane_permit", "cane.read", "cane_permit", null),
            new Kind(
                "weighbridge_ticket",
                "weighbridge_ticket",
                "cane.read",
                "weighbridge_ticket",
                null),
            new Kind("cane_bill", "cane_bill", "cane.read", "cane_bill", null),
            new Kind("cane_payment_run", "cane_payment_run", "cane.read", "cane_payment_run", null),
            new Kind("grower_loan", "grower_loan", "cane.read", "grower_loan", null),
            new Kind("production_run", "production_run", "production.read", "production_run", null))
        .forEach(k -> ALL.put(k.name(), k));
  }

  static Optional<Kind> of(String name) {
    return Optional.ofNullable(name == null ? null : ALL.get(name));
  }
}
