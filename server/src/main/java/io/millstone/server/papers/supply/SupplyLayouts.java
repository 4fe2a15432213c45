package io.millstone.server.papers.supply;

import io.millstone.server.papers.Letterhead;
import io.millstone.server.papers.PaperLanguage;
import io.millstone.server.papers.supply.Sheet.Column;
import io.millstone.server.papers.supply.Sheet.Field;
import io.millstone.server.papers.supply.Sheet.Row;
import io.millstone.server.papers.supply.Sheet.Table;
import io.millstone.server.papers.supply.SupplyRecords.BillLoad;
import io.millstone.server.papers.supply.SupplyRecords.CaneBill;
import io.millstone.server.papers.supply.SupplyRecords.Deduction;
import io.millstone.server.papers.supply.SupplyRecords.GoodsReceipt;
import io.millstone.server.papers.supply.SupplyRecords.OrderLine;
import io.millstone.server.papers.supply.SupplyRecords.Party;
import io.millstone.server.papers.supply.SupplyRecords.PurchaseOrder;
import io.millstone.server.papers.supply.SupplyRecords.ReceiptLine;
import io.millstone.server.papers.supply.SupplyRecords.Ticket;
import io.millstone.server.platform.NumberGrouping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the four supply papers as {@link Sheet}s in English or Bangla: labels from the server's
 * bundle, amounts grouped as the company groups them (lakh and crore by default), weights in kg
 * with three decimals, dates dd/MM/yyyy and times in the company's zone.
 */
final class SupplyLayouts {
  private static final BigDecimal QUINTAL_KG = new BigDecimal(100);

  private final PaperLanguage lang;

  private SupplyLayouts(PaperLanguage lang) {
    this.lang = lang;
  }

  static SupplyLayouts in(PaperLanguage lang) {
    return new SupplyLayouts(lang);
  }

  PaperLanguage language() {
    return lang;
  }

  Sheet purchaseOrder(PurchaseOrder o) {
    Letterhead co = o.company();
    List<Row> rows = new ArrayList<>();
    for (OrderLine l : o.lines()) {
      rows.add(
          new Row(
              List.of(
                  lang.digits(Integer.toString(l.lineNo())),
                  l.itemCode() + " " + l.itemName(),
                  l.unit(),
                  lang.qty(l.quantity()),
                  money(l.unitPrice(), co),
                  lang.qty(l.vatRate()),
                  money(l.net(), co),
                  money(l.vat(), co)),
              false));
    }
    rows.add(
        new Row(
            List.of("", label("total"), "", "", "", "", money(o.net(), co), money(o.vat(), co)),
            true));
    rows.add(
        new Row(
            List.of(
                "",
                label("grandTotal") + " (" + co.currencyCode() + ")",
                "",
                "",
                "",
                "",
                "",
                money(o.gross(), co)),
            true));
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
            Field.of(label("date"), day(o.date(), co)),
            Field.of(label("state"), label("state." + o.state()))),
        List.of(lines),
        List.of(),
        words(o.gross()),
        o.note(),
        List.of(
            label("sign.preparedBy") + ": " + o.raisedBy(),
            label("sign.approvedBy") + (o.approvedBy().isBlank() ? "" : ": " + o.approvedBy()),
            label("sign.supplier")));
  }

  Sheet goodsReceipt(GoodsReceipt r) {
    Letterhead co = r.company();
    List<Row> rows = new ArrayList<>();
    for (ReceiptLine l : r.lines()) {
      rows.add(
          new Row(
              List.of(
                  lang.digits(Integer.toString(l.lineNo())),
                  l.itemCode() + " " + l.itemName(),
                  l.unit(),
                  l.lot(),
                  lang.qty(l.ordered()),
                  lang.qty(l.received()),
                  money(l.unitPrice(), co),
                  money(l.value(), co)),
              false));
    }
    rows.add(
        new Row(
            List.of(
                "",
                label("value") + " (" + co.currencyCode() + ")",
                "",
                "",
                "",
                "",
                "",
                money(r.value(), co)),
            true));
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
            Field.of(label("date"), day(r.date(), co)),
            Field.of(label("order"), r.orderNumber() + ", " + day(r.orderDate(), co)),
            Field.of(label("warehouse"), r.warehouseCode() + " " + r.warehouseName())),
        List.of(lines),
        List.of(),
        words(r.value()),
        "",
        List.of(
            label("sign.storekeeper") + ": " + r.postedBy(),
            label("sign.inspectedBy"),
            label("sign.supplier")));
  }

  Sheet ticket(Ticket tk) {
    Letterhead co = tk.company();
    String stamp =
        switch (tk.state()) {
          case "VOIDED" -> label("voided", tk.voidReason());
          case "OPEN" -> label("open");
          default -> "";
        };
    List<Field> weights = new ArrayList<>();
    weights.add(
        Field.of(
            label("gross"),
            kg(tk.grossKg(), co) + " " + label("kg") + "  (" + source(tk.grossSource()) + ")"));
    if (tk.tareKg() != null) {
      weights.add(
          Field.of(
              label("tare"),
              kg(tk.tareKg(), co) + " " + label("kg") + "  (" + source(tk.tareSource()) + ")"));
    }
    if (tk.netKg() != null) {
      weights.add(
          Field.strong(
              label("netWeight"),
              kg(tk.netKg(), co)
                  + " "
                  + label("kg")
                  + " = "
                  + label("quintal", quintal(tk.netKg(), co))));
      if (tk.overQuotaKg() != null && tk.overQuotaKg().signum() > 0) {
        weights.add(Field.of(label("overQuota"), kg(tk.overQuotaKg(), co) + " " + label("kg")));
      }
    }
    if (tk.value() != null) {
      weights.add(Field.of(label("pricePerQuintal"), money(tk.pricePerQuintal(), co)));
      weights.add(
          Field.strong(label("caneValue") + " (" + co.currencyCode() + ")", money(tk.value(), co)));
    }
    List<Field> document = new ArrayList<>();
    document.add(Field.strong(label("number"), tk.number()));
    document.add(Field.of(label("date"), day(tk.date(), co)));
    document.add(Field.of(label("centre"), tk.centreCode() + " " + tk.centreName()));
    document.add(Field.of(label("permit"), tk.permitNumber()));
    document.add(Field.of(label("quota"), lang.qty(tk.quotaQuintals())));
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
    Letterhead co = b.company();
    List<Row> loads = new ArrayList<>();
    for (BillLoad l : b.loads()) {
      loads.add(
          new Row(
              List.of(
                  l.ticketNumber(),
                  day(l.date(), co),
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
                    day(d.loanDate(), co),
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
    totals.add(Field.of(label("gross"), kg(b.grossKg(), co) + " " + label("kg")));
    totals.add(Field.of(label("tare"), kg(b.tareKg(), co) + " " + label("kg")));
    totals.add(
        Field.of(
            label("netWeight"),
            kg(b.netKg(), co)
                + " "
                + label("kg")
                + " = "
                + label("quintal", quintal(b.netKg(), co))));
    totals.add(Field.of(label("caneValue"), money(b.caneValue(), co)));
    totals.add(Field.of(label("deducted"), money(b.deducted(), co)));
    totals.add(
        Field.strong(
            label("netPayable") + " (" + co.currencyCode() + ")", money(b.netPayable(), co)));
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
            Field.of(label("date"), day(b.billDate(), co)),
            Field.of(label("season"), b.seasonCode() + " " + b.seasonName()),
            Field.of(label("period"), day(b.from(), co) + " - " + day(b.to(), co))),
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
    return lang.label("paper.supply." + key, args);
  }

  private String words(BigDecimal amount) {
    return label("inWords") + ": " + lang.inWords(amount);
  }

  private String source(String source) {
    return "MANUAL".equals(source) ? label("manual") : label("scale");
  }

  private String money(BigDecimal v, Letterhead co) {
    return lang.money(v, co.grouping());
  }

  private String kg(BigDecimal v, Letterhead co) {
    return lang.digits(grouped(v.setScale(3, RoundingMode.HALF_UP), co.grouping()));
  }

  private String quintal(BigDecimal kg, Letterhead co) {
    return lang.digits(
        grouped(kg.divide(QUINTAL_KG).setScale(2, RoundingMode.HALF_UP), co.grouping()));
  }

  private String when(Instant at, Letterhead co) {
    return at == null ? "" : lang.dateTime(at, co.dateFormat(), co.zone());
  }

  private String day(LocalDate d, Letterhead co) {
    return lang.date(d, co.dateFormat());
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
