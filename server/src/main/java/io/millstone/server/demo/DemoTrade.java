package io.millstone.server.demo;

import io.millstone.server.MillstoneServer;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.purchasing.PurchaseDesk;
import io.millstone.server.sales.SalesDesk;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A few weeks of the demo mill's trade, so every screen has something real: opening stock, cane,
 * lime and sulphur bought and paid, sugar and molasses sold, delivered in parts, invoiced and
 * partly collected, a credit note, an open quotation and a purchase order waiting for approval.
 * Everything goes through the same domain code the screens use, as the demo users.
 */
final class DemoTrade {
  private DemoTrade() {}

  static void seed(MillstoneServer server, UUID companyId) {
    Actor admin = Actor.system(companyId, "admin");
    Actor stores = Actor.system(companyId, "stores");
    Actor sales = Actor.system(companyId, "sales");
    Actor accounts = Actor.system(companyId, "accounts");
    SalesDesk desk = server.salesDesk();
    if (!desk.listOrders(admin, "", "", 1, "").orders().isEmpty()) {
      return; // seeded before
    }
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Dhaka"));
    LocalDate start = today.minusDays(27);

    StockLedger stock = server.stockLedger();
    stock.receive(
        stores,
        "demo-opening-stock",
        List.of(
            new StockLedger.LineInput("SUG-L30", "MAIN", "L-2610", "400"),
            new StockLedger.LineInput("SUG-M30", "MAIN", "M-2610", "250"),
            new StockLedger.LineInput("SUG-S30", "MAIN", "S-2610", "150"),
            new StockLedger.LineInput("MOLASSES", "MOL-TANKS", "", "800"),
            new StockLedger.LineInput("BAGASSE", "CANE-YARD", "", "1200"),
            new StockLedger.LineInput("JUTE-BAG", "STORES", "", "20000")),
        List.of("98000", "96000", "94000", "6000", "900", "38"),
        "Opening stock");

    // Buying: cane from the growers, lime and sulphur from their suppliers.
    PurchaseDesk buy = server.purchaseDesk();
    Object[][] purchases = {
      {"G-0001", "CANE", "67", "6000", 0, "CANE-YARD"},
      {"G-0002", "CANE", "82", "6000", 2, "CANE-YARD"},
      {"G-0003", "CANE", "56", "6050", 5, "CANE-YARD"},
      {"S-LIME-01", "LIME", "8000", "24", 3, "STORES"},
      {"S-CHEM-02", "SULPHUR", "2500", "82", 6, "STORES"},
    };
    int n = 0;
    for (Object[] p : purchases) {
      n++;
      LocalDate day = start.plusDays((Integer) p[4]);
      var po =
          buy.createOrder(
              stores,
              "demo-po-" + n,
              (String) p[0],
              day,
              List.of(new PurchaseDesk.LineInput((String) p[1], (String) p[2], (String) p[3])),
              "");
      po = buy.submit(stores, po.id().toString(), po.version());
      buy.receive(
          stores,
          "demo-grn-" + n,
          po.id().toString(),
          (String) p[5],
          day.plusDays(1),
          List.of(new PurchaseDesk.ReceiptLineInput(1, (String) p[2], "")));
      var bill =
          buy.bill(
              accounts,
              "demo-bill-" + n,
              po.id().toString(),
              "INV-" + p[0] + "-" + (100 + n),
              day.plusDays(2),
              List.of(new PurchaseDesk.BillLineInput(1, (String) p[2], (String) p[3])));
      if (n <= 3) {
        buy.pay(
            accounts,
            "demo-pv-" + n,
            (String) p[0],
            day.plusDays(7),
            bill.gross().toPlainString(),
            "BANK",
            "Grower payment " + n,
            List.of(
                new PurchaseDesk.AllocationInput(
                    bill.id().toString(), bill.gross().toPlainString())));
      }
    }
    // A big cane order waits for the manager's approval.
    var big =
        buy.createOrder(
            stores,
            "demo-po-big",
            "G-0001",
            today.minusDays(1),
            List.of(new PurchaseDesk.LineInput("CANE", "220", "6000")),
            "Second crushing fortnight");
    buy.submit(stores, big.id().toString(), big.version());

    // Selling: orders over four weeks, delivered (some in parts), invoiced, partly collected.
    Object[][] orders = {
      {"C-DHK-001", "SUG-L30", "10", 0, "L-2610"},
      {"C-CTG-002", "MOLASSES", "120", 1, ""},
      {"C-RAJ-003", "SUG-M30", "8", 3, "M-2610"},
      {"C-DHK-001", "SUG-S30", "5", 6, "S-2610"},
      {"C-BOG-005", "SUG-L30", "3", 8, "L-2610"},
      {"C-KHL-004", "SUG-M30", "5", 11, "M-2610"},
      {"C-CTG-002", "MOLASSES", "200", 14, ""},
      {"C-RAJ-003", "SUG-L30", "6", 17, "L-2610"},
      {"C-DHK-001", "SUG-L30", "8", 20, "L-2610"},
      {"C-BOG-005", "SUG-S30", "2", 23, "S-2610"},
      {"C-KHL-004", "BAGASSE", "150", 25, ""},
    };
    int k = 0;
    for (Object[] o : orders) {
      k++;
      LocalDate day = start.plusDays((Integer) o[3]);
      String warehouse =
          o[1].equals("MOLASSES") ? "MOL-TANKS" : o[1].equals("BAGASSE") ? "CANE-YARD" : "MAIN";
      var so =
          desk.createOrder(
              sales,
              "demo-so-" + k,
              (String) o[0],
              day,
              List.of(new SalesDesk.OrderLineInput((String) o[1], (String) o[2], "")),
              "",
              false);
      if (k == orders.length) {
        continue; // the newest order is still waiting for the lorry
      }
      boolean partial = k % 4 == 0;
      String first = partial ? half((String) o[2]) : (String) o[2];
      desk.postDelivery(
          stores,
          "demo-dn-" + k,
          so.id().toString(),
          warehouse,
          day.plusDays(1),
          List.of(new SalesDesk.DeliveryLineInput(1, first, (String) o[4])));
      if (k == orders.length - 1) {
        continue; // delivered yesterday, to be invoiced
      }
      var inv = desk.postInvoice(accounts, "demo-inv-" + k, so.id().toString(), day.plusDays(1));
      if (k == 2) {
        desk.postCreditNote(
            accounts,
            "demo-cn-" + k,
            inv.id().toString(),
            day.plusDays(4),
            "2 t short at the buyer's weighbridge",
            List.of(new SalesDesk.CreditLineInput(1, "2")));
        inv = desk.getInvoice(accounts, inv.id().toString());
      }
      if (k <= 6) {
        desk.postPayment(
            accounts,
            "demo-rv-" + k,
            (String) o[0],
            day.plusDays(10),
            inv.open().toPlainString(),
            "BANK",
            "TT " + (4400 + k),
            List.of(
                new SalesDesk.AllocationInput(inv.id().toString(), inv.open().toPlainString())));
      }
    }
    // A quotation the buyer has not yet accepted.
    desk.createOrder(
        sales,
        "demo-qt-1",
        "C-CTG-002",
        today,
        List.of(
            new SalesDesk.OrderLineInput("SUG-L30", "25", "133500"),
            new SalesDesk.OrderLineInput("SVC-TRANSPORT", "5", "")),
        "Price held for 7 days",
        true);
  }

  private static String half(String qty) {
    return new java.math.BigDecimal(qty).divide(java.math.BigDecimal.valueOf(2)).toPlainString();
  }
}
