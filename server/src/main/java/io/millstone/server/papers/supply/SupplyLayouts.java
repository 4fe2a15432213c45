package io.millstone.server.papers.supply;

import io.millstone.server.papers.supply.Sheet.Column;
import io.millstone.server.papers.supply.Sheet.Field;
import io.millstone.server.papers.supply.Sheet.Row;
import io.millstone.server.papers.supply.Sheet.Table;
import io.millstone.server.papers.supply.SupplyRecords.BillLoad;
import io.millstone.server.papers.supply.SupplyRecords.CaneBill;
import io.millstone.server.papers.supply.SupplyRecords.Company;
import io.millstone.server.papers.supply.SupplyRecords.Deduction;
import io.millstone.server.papers.supply.SupplyRecords.GoodsReceipt;
import io.millstone.server.papers.supply.SupplyRecords.OrderLine;
import io.millstone.server.papers.supply.SupplyRecords.Party;
import io.millstone.server.papers.supply.SupplyRecords.PurchaseOrder;
import io.millstone.server.papers.supply.SupplyRecords.ReceiptLine;
import io.millstone.server.papers.supply.SupplyRecords.Ticket;
import io.millstone.server.platform.NumberGrouping;
import io.millstone.server.platform.error.ErrorMessages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out the four supply papers as {@link Sheet}s in English or Bangla: labels from the server's
 * bundle, amounts grouped as the company groups them (lakh and crore by default), weights in kg
 * with three decimals, dates dd/MM/yyyy and times in the company's zone.
 */
final class SupplyLayouts {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final BigDecimal QUINTAL_KG = new BigDecimal(100);

  private final Locale locale;
  private final boolean bangla;

  private SupplyLayouts(String language) {
    this.bangla = "bn".equalsIgnoreCase(language == null ? "" : language.trim());
    this.locale = bangla ? ErrorMessages.BANGLA : ErrorMessages.ENGLISH;
  }

  static SupplyLayouts in(String language) {
    return new SupplyLayouts(language);
  }

  Locale locale() {
    return locale;
  }

  Sheet purchaseOrder(PurchaseOrder o) {
    Company co = o.company();
    List<Row> rows = new ArrayList<>();
    for (OrderLine l : o.lines()) {
      rows.add(
          new Row(
              List.of(
                  Integer.toString(l.lineNo()),
                  l.itemCode() + " " + l.itemName(),
                  l.unit(),
                  qty(l.quantity()),
                  money(l.unitPrice(), co),
                  qty(l.vatRate()),
                  money(l.net(), co),
                  money(l.vat(), co)),
              false));
    }
    Table lines =
        new Table(
            "",
            List.of(
                col("col.no", false, 0.5f),
                col("col.item", false, 5f),
                col("col.unit", false, 0.9f),
                col("col.quantity", true, 1.4f),
                col("col.price", true, 1.8f),
                col("col.vatRate", true, 0.9f),
                col("col.net", true, 2f),
                col("col.vat", true, 1.8f)),
            rows);
    return new Sheet(
        co,
        o.number() + ".pdf",
        label("po.title"),
        "",
        partyFields(o.supplier(), "supplier"),
        List.of(
            Field.strong(label("number"), o.number()),
            Field.of(label("date"), DAY.format(o.date())),
            Field.of(label("state"), label("state." + o.state()))),
        List.of(lines),
        List.of(
            Field.of(label("net"), money(o.net(), co)),
            Field.of(label("vat"), money(o.vat(), co)),
            Field.strong(label("total") + " (" + co.currency() + ")", money(o.gross(), co))),
        words(o.gross()),
        o.note(),
        List.of(
            label("sign.preparedBy") + ": " + o.raisedBy(),
            label("sign.approvedBy") + (o.approvedBy().isBlank() ? "" : ": " + o.approvedBy()),
            label("sign.supplier")));
  }

  Sheet goodsReceipt(GoodsReceipt r) {
    Company co = r.company();
    List<Row> rows = new ArrayList<>();
    for (ReceiptLine l : r.lines()) {
      rows.add(
          new Row(
              List.of(
                  Integer.toString(l.lineNo()),
                  l.itemCode() + " " + l.itemName(),
                  l.unit(),
                  l.lot(),
                  qty(l.ordered()),
                  qty(l.received()),
                  money(l.unitPrice(), co),
                  money(l.value(), co)),
              false));
    }
    Table lines =
        new Table(
            "",
            List.of(
                col("col.no", false, 0.5f),
                col("col.item", false, 5f),
                col("col.unit", false, 0.9f),
                col("col.lot", false, 1.3f),
                col("col.ordered", true, 1.4f),
                col("col.received", true, 1.4f),
                col("col.price", true, 1.8f),
                col("col.value", true, 2f)),
            rows);
    return new Sheet(
        co,
        r.number() + ".pdf",
        label("grn.title"),
        "",
        partyFields(r.supplier(), "supplier"),
        List.of(
            Field.strong(label("number"), r.number()),
            Field.of(label("date"), DAY.format(r.date())),
            Field.of(label("order"), r.orderNumber() + ", " + DAY.format(r.orderDate())),
            Field.of(label("warehouse"), r.warehouseCode() + " " + r.warehouseName())),
        List.of(lines),
        List.of(Field.strong(label("value") + " (" + co.currency() + ")", money(r.value(), co))),
        words(r.value()),
        "",
        List.of(
            label("sign.storekeeper") + ": " + r.postedBy(),
            label("sign.inspectedBy"),
            label("sign.supplier")));
  }

  Sheet ticket(Ticket tk) {
    Company co = tk.company();
    String stamp =
        switch (tk.state()) {
          case "VOIDED" -> label("voided", tk.voidReason());
          case "OPEN" -> label("open");
          default -> "";
        };
    List<Field> weights = new ArrayList<>();
    weights.add(
        Field.of(label("gross"), kg(tk.grossKg(), co) + " kg  (" + source(tk.grossSource()) + ")"));
    if (tk.tareKg() != null) {
      weights.add(
          Field.of(label("tare"), kg(tk.tareKg(), co) + " kg  (" + source(tk.tareSource()) + ")"));
    }
    if (tk.netKg() != null) {
      weights.add(
          Field.strong(
              label("netWeight"),
              kg(tk.netKg(), co) + " kg = " + label("quintal", quintal(tk.netKg(), co))));
      if (tk.overQuotaKg() != null && tk.overQuotaKg().signum() > 0) {
        weights.add(Field.of(label("overQuota"), kg(tk.overQuotaKg(), co) + " kg"));
      }
    }
    if (tk.value() != null) {
      weights.add(Field.of(label("pricePerQuintal"), money(tk.pricePerQuintal(), co)));
      weights.add(
          Field.strong(label("caneValue") + " (" + co.currency() + ")", money(tk.value(), co)));
    }
    List<Field> document = new ArrayList<>();
    document.add(Field.strong(label("number"), tk.number()));
    document.add(Field.of(label("date"), DAY.format(tk.date())));
    document.add(Field.of(label("centre"), tk.centreCode() + " " + tk.centreName()));
    document.add(Field.of(label("permit"), tk.permitNumber()));
    document.add(Field.of(label("quota"), qty(tk.quotaQuintals())));
    document.add(Field.strong(label("vehicle"), tk.vehicle()));
    document.add(
        Field.of(label("weighedIn"), label("byAt", when(tk.weighedInAt(), co), tk.weighedInBy())));
    if (tk.weighedOutAt() != null) {
      document.add(
          Field.of(
              label("weighedOut"), label("byAt", when(tk.weighedOutAt(), co), tk.weighedOutBy())));
    }
    List<Field> grower = new ArrayList<>(partyFields(tk.grower(), "grower"));
    grower.add(1, Field.of(label("growerNumber"), tk.growerNumber()));
    grower.add(2, Field.of(label("village"), tk.village()));
    return new Sheet(
        co,
        tk.number() + ".pdf",
        label("ticket.title"),
        stamp,
        grower,
        document,
        List.of(),
        weights,
        tk.value() == null ? "" : words(tk.value()),
        "",
        List.of(label("sign.operator"), label("sign.driver")));
  }

  Sheet caneBill(CaneBill b) {
    Company co = b.company();
    List<Row> loads = new ArrayList<>();
    for (BillLoad l : b.loads()) {
      loads.add(
          new Row(
              List.of(
                  l.ticketNumber(),
                  DAY.format(l.date()),
                  l.vehicle(),
                  kg(l.grossKg(), co),
                  kg(l.tareKg(), co),
                  kg(l.netKg(), co),
                  money(l.pricePerQuintal(), co),
                  money(l.value(), co)),
              false));
    }
    loads.add(
        new Row(
            List.of(
                label("total"),
                "",
                "",
                kg(b.grossKg(), co),
                kg(b.tareKg(), co),
                kg(b.netKg(), co),
                "",
                money(b.caneValue(), co)),
            true));
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            "",
            List.of(
                col("col.ticket", false, 2f),
                col("col.date", false, 1.5f),
                col("vehicle", false, 1.5f),
                col("col.gross", true, 1.6f),
                col("col.tare", true, 1.6f),
                col("col.netKg", true, 1.6f),
                col("col.pricePerQuintal", true, 1.6f),
                col("col.value", true, 1.9f)),
            loads));
    if (!b.deductions().isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (Deduction d : b.deductions()) {
        rows.add(
            new Row(
                List.of(
                    d.loanNumber(),
                    label("loan." + d.kind()),
                    DAY.format(d.loanDate()),
                    money(d.amount(), co)),
                false));
      }
      tables.add(
          new Table(
              label("deductions"),
              List.of(
                  col("col.loan", false, 2f),
                  col("col.kind", false, 2f),
                  col("col.date", false, 1.5f),
                  col("col.amount", true, 2f)),
              rows));
    }
    List<Field> grower = new ArrayList<>(partyFields(b.grower(), "grower"));
    grower.add(1, Field.of(label("growerNumber"), b.growerNumber()));
    grower.add(2, Field.of(label("village"), b.village()));
    List<Field> totals = new ArrayList<>();
    totals.add(Field.of(label("gross"), kg(b.grossKg(), co) + " kg"));
    totals.add(Field.of(label("tare"), kg(b.tareKg(), co) + " kg"));
    totals.add(
        Field.of(
            label("netWeight"),
            kg(b.netKg(), co) + " kg = " + label("quintal", quintal(b.netKg(), co))));
    totals.add(Field.of(label("caneValue"), money(b.caneValue(), co)));
    totals.add(Field.of(label("deducted"), money(b.deducted(), co)));
    totals.add(
        Field.strong(label("netPayable") + " (" + co.currency() + ")", money(b.netPayable(), co)));
    if (b.paid().signum() > 0) {
      totals.add(Field.of(label("paid"), money(b.paid(), co)));
    }
    return new Sheet(
        co,
        b.number() + ".pdf",
        label("bill.title"),
        "REVERSED".equals(b.state()) ? label("reversed") : "",
        grower,
        List.of(
            Field.strong(label("number"), b.number()),
            Field.of(label("date"), DAY.format(b.billDate())),
            Field.of(label("season"), b.seasonCode() + " " + b.seasonName()),
            Field.of(label("period"), DAY.format(b.from()) + " - " + DAY.format(b.to()))),
        tables,
        totals,
        words(b.netPayable()),
        "",
        List.of(label("sign.preparedBy"), label("sign.accounts"), label("sign.grower")));
  }

  // ---------------------------------------------------------------------------------------------

  private List<Field> partyFields(Party p, String role) {
    List<Field> out = new ArrayList<>();
    out.add(Field.strong(label(role), p.name() + " (" + p.code() + ")"));
    if (!p.address().isBlank()) {
      out.add(Field.of(label("address"), p.address()));
    }
    if (!p.phone().isBlank()) {
      out.add(Field.of(label("phone"), p.phone()));
    }
    if (!p.bin().isBlank()) {
      out.add(Field.of(label("bin"), p.bin()));
    }
    return out;
  }

  private Column col(String key, boolean right, float weight) {
    return new Column(label(key), right, weight);
  }

  String label(String key, Object... args) {
    String id = "paper.supply." + key;
    return ErrorMessages.sentence(id, locale, id, args);
  }

  private String words(BigDecimal amount) {
    return label("inWords") + ": " + AmountWords.of(amount, bangla);
  }

  private String source(String source) {
    return "MANUAL".equals(source) ? label("manual") : label("scale");
  }

  static String money(BigDecimal v, Company co) {
    return grouped(v.setScale(2, RoundingMode.HALF_UP), co.grouping());
  }

  static String kg(BigDecimal v, Company co) {
    return grouped(v.setScale(3, RoundingMode.HALF_UP), co.grouping());
  }

  static String quintal(BigDecimal kg, Company co) {
    return grouped(kg.divide(QUINTAL_KG).setScale(2, RoundingMode.HALF_UP), co.grouping());
  }

  static String qty(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  private static String when(Instant at, Company co) {
    return at == null ? "" : WHEN.format(at.atZone(co.zone()));
  }

  static String day(LocalDate d) {
    return DAY.format(d);
  }

  /** Digits grouped in lakh and crore (INDIAN, the default) or in thousands (WESTERN). */
  static String grouped(BigDecimal v, NumberGrouping grouping) {
    String plain = v.toPlainString();
    boolean negative = plain.startsWith("-");
    int point = plain.indexOf('.');
    String digits = plain.substring(negative ? 1 : 0, point < 0 ? plain.length() : point);
    int group = grouping == NumberGrouping.WESTERN ? 3 : 2;
    StringBuilder out = new StringBuilder();
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      int left = n - i;
      if (i > 0 && left >= 3 && (left - 3) % group == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return (negative ? "-" : "") + out + (point < 0 ? "" : plain.substring(point));
  }
}
