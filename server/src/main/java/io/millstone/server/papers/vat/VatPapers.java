package io.millstone.server.papers.vat;

import io.millstone.server.papers.PaperFile;
import io.millstone.server.papers.PaperLanguage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The VAT books and return on paper: every column of Mushak 6.1 and 6.2 (those the books cannot
 * fill yet are left blank) and the parts of Mushak 9.1 the books fill, as PDF or Excel.
 */
public final class VatPapers {
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String MONEY_FORMAT = "#,##0.00";
  static final String QTY_FORMAT = "#,##0.######";

  private VatPapers() {}

  /** The forms' words in English or Bangla: the server bundle's {@code paper.vat.*} labels. */
  public record Labels(PaperLanguage language) {
    public static Labels of(String language) {
      return new Labels(PaperLanguage.parse(language, "language"));
    }

    public String get(String key, Object... args) {
      return language.label("paper.vat." + key, args);
    }

    /** A 9.1 note's description, empty for a note the bundle does not name. */
    public String note(String note) {
      String s = get("note." + note);
      return s.startsWith("paper.vat.") ? "" : s;
    }

    public String month(int year, int month) {
      return language.digits(
          java.time.YearMonth.of(year, month)
              .format(
                  DateTimeFormatter.ofPattern(
                      "MMMM yyyy", language.bangla() ? Locale.of("bn") : Locale.ENGLISH)));
    }

    public String date(LocalDate d) {
      return language.digits(DATE.format(d));
    }
  }

  /** What a column shows: text, a number, or nothing (the books do not hold it). */
  enum Type {
    TEXT,
    MONEY,
    QTY,
    BLANK
  }

  /** A column of a book: its label key, type and value of a line. */
  record Column(String key, Type type, Function<VatBooks.Line, Object> value, float weight) {
    static Column blank(String key) {
      return new Column(key, Type.BLANK, l -> null, 1.2f);
    }
  }

  /** The columns of the form, in its order. */
  static List<Column> columns(VatBooks.Kind kind) {
    String k = kind.name();
    List<Column> c = new ArrayList<>();
    c.add(new Column("col.serial", Type.TEXT, l -> String.valueOf(l.serial()), 0.7f));
    c.add(new Column("col.date", Type.TEXT, l -> DATE.format(l.date()), 1.5f));
    c.add(Column.blank("col.openingQty"));
    c.add(Column.blank("col.openingValue"));
    if (kind == VatBooks.Kind.SALES) {
      c.add(Column.blank("col.productionQty"));
      c.add(Column.blank("col.productionValue"));
    }
    c.add(new Column("col." + k + ".document", Type.TEXT, VatBooks.Line::documentNumber, 1.8f));
    c.add(new Column("col." + k + ".party", Type.TEXT, VatBooks.Line::partyName, 2f));
    c.add(new Column("col.partyAddress", Type.TEXT, VatBooks.Line::partyAddress, 2f));
    c.add(new Column("col.partyBin", Type.TEXT, VatBooks.Line::partyBin, 1.7f));
    c.add(new Column("col.itemCode", Type.TEXT, VatBooks.Line::itemCode, 1.2f));
    c.add(new Column("col.description", Type.TEXT, VatBooks.Line::description, 2f));
    c.add(new Column("col.quantity", Type.QTY, VatBooks.Line::quantity, 1.2f));
    c.add(new Column("col.unit", Type.TEXT, VatBooks.Line::unitCode, 0.8f));
    c.add(new Column("col.taxableValue", Type.MONEY, VatBooks.Line::taxableValue, 1.7f));
    c.add(new Column("col.sd", Type.MONEY, VatBooks.Line::supplementaryDuty, 1.2f));
    c.add(new Column("col.vatRate", Type.QTY, VatBooks.Line::vatRate, 0.8f));
    c.add(new Column("col.vat", Type.MONEY, VatBooks.Line::vat, 1.5f));
    c.add(new Column("col.total", Type.MONEY, VatBooks.Line::total, 1.7f));
    if (kind == VatBooks.Kind.PURCHASE) {
      c.add(Column.blank("col.usedQty"));
      c.add(Column.blank("col.usedValue"));
    }
    c.add(Column.blank("col.closingQty"));
    c.add(Column.blank("col.closingValue"));
    c.add(new Column("col.remarks", Type.TEXT, l -> "remark:" + l.documentKind(), 1.3f));
    return c;
  }

  /** The total a column shows in the total row, or null. */
  static BigDecimal total(Column c, VatBooks.Book b) {
    return switch (c.key()) {
      case "col.taxableValue" -> b.taxableValue();
      case "col.sd" -> b.supplementaryDuty();
      case "col.vat" -> b.vat();
      case "col.total" -> b.total();
      default -> null;
    };
  }

  static String text(Column c, VatBooks.Line l, Labels labels) {
    Object v = c.value().apply(l);
    if (v instanceof String s && s.startsWith("remark:")) {
      String kind = s.substring("remark:".length());
      return kind.equals("CREDIT_NOTE") ? labels.get("remark." + kind) : "";
    }
    return v == null ? "" : v.toString();
  }

  static String fileName(VatBooks.Book b, String ext) {
    return (b.kind() == VatBooks.Kind.SALES ? "mushak-6.2-" : "mushak-6.1-")
        + b.from()
        + "-to-"
        + b.to()
        + "."
        + ext;
  }

  static String fileName(VatBooks.Return r, String ext) {
    return "mushak-9.1-%04d-%02d.%s".formatted(r.year(), r.month(), ext);
  }

  static String period(VatBooks.Book b, Labels labels) {
    return labels.get("book.period", labels.date(b.from()), labels.date(b.to()));
  }

  // ------------------------------------------------------------------ Excel

  public static PaperFile bookXlsx(VatBooks.Book b, Labels labels) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(bytes, "Millstone", "1.0");
      Worksheet ws = wb.newWorksheet(b.kind() == VatBooks.Kind.SALES ? "Mushak 6.2" : "Mushak 6.1");
      List<Column> cols = columns(b.kind());
      ws.value(0, 0, labels.get("book." + b.kind() + ".title"));
      ws.style(0, 0).bold().fontSize(14).set();
      ws.value(1, 0, labels.get("book." + b.kind() + ".subtitle"));
      ws.value(2, 0, labels.get("book.company", b.company().name()));
      ws.value(3, 0, labels.get("book.bin", b.company().bin()));
      ws.value(4, 0, period(b, labels));
      int row = 6;
      for (int i = 0; i < cols.size(); i++) {
        ws.value(row, i, labels.get(cols.get(i).key()));
        ws.style(row, i).bold().wrapText(true).fillColor("DDDDDD").set();
        ws.width(i, Math.max(8, cols.get(i).weight() * 9));
      }
      for (VatBooks.Line l : b.lines()) {
        row++;
        for (int i = 0; i < cols.size(); i++) {
          Column c = cols.get(i);
          switch (c.type()) {
            case MONEY -> {
              ws.value(row, i, (BigDecimal) c.value().apply(l));
              ws.style(row, i).format(MONEY_FORMAT).set();
            }
            case QTY -> ws.value(row, i, (BigDecimal) c.value().apply(l));
            case TEXT -> ws.value(row, i, text(c, l, labels));
            case BLANK -> {}
          }
        }
      }
      row++;
      ws.value(row, 0, labels.get("book.total"));
      ws.style(row, 0).bold().set();
      for (int i = 0; i < cols.size(); i++) {
        BigDecimal t = total(cols.get(i), b);
        if (t != null) {
          ws.value(row, i, t);
          ws.style(row, i).bold().format(MONEY_FORMAT).set();
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PaperFile(bytes.toByteArray(), fileName(b, "xlsx"), PaperFile.XLSX, 0);
  }

  public static PaperFile returnXlsx(VatBooks.Return r, Labels labels) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(bytes, "Millstone", "1.0");
      Worksheet ws = wb.newWorksheet("Mushak 9.1");
      ws.width(0, 8);
      ws.width(1, 60);
      for (int i = 2; i < 6; i++) {
        ws.width(i, 18);
      }
      ws.value(0, 0, labels.get("return.title"));
      ws.style(0, 0).bold().fontSize(14).set();
      ws.value(1, 0, labels.get("return.subtitle", labels.month(r.year(), r.month())));
      int[] row = {3};
      ws.value(row[0], 0, labels.get("return.part1"));
      ws.style(row[0]++, 0).bold().set();
      ws.value(row[0]++, 1, labels.get("book.company", r.company().name()));
      ws.value(row[0]++, 1, labels.get("book.bin", r.company().bin()));
      ws.value(row[0]++, 1, labels.get("book.address", r.company().address()));
      row[0]++;
      part(ws, row, labels.get("return.part3"), r.supplies(), labels);
      sum(ws, row, labels.get("return.output"), r.outputVat());
      part(ws, row, labels.get("return.part4"), r.purchases(), labels);
      sum(ws, row, labels.get("return.input"), r.inputVat());
      ws.value(row[0], 0, labels.get("return.part5"));
      ws.style(row[0]++, 0).bold().set();
      part(ws, row, labels.get("return.part5.increasing"), r.increasing(), labels);
      sum(ws, row, labels.get("return.increasingTotal"), r.increasingTotal());
      part(ws, row, labels.get("return.part5.decreasing"), r.decreasing(), labels);
      sum(ws, row, labels.get("return.decreasingTotal"), r.decreasingTotal());
      ws.value(row[0], 0, labels.get("return.part6"));
      ws.style(row[0]++, 0).bold().set();
      sum(ws, row, labels.get("return.net"), r.netPayable());
      row[0]++;
      ws.value(row[0], 0, labels.get("return.blank"));
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PaperFile(bytes.toByteArray(), fileName(r, "xlsx"), PaperFile.XLSX, 0);
  }

  private static void part(
      Worksheet ws, int[] row, String title, List<VatBooks.ReturnLine> lines, Labels labels) {
    ws.value(row[0], 0, title);
    ws.style(row[0]++, 0).bold().set();
    String[] heads = {
      "return.col.note",
      "return.col.description",
      "return.col.rate",
      "return.col.value",
      "return.col.sd",
      "return.col.vat"
    };
    for (int i = 0; i < heads.length; i++) {
      ws.value(row[0], i, labels.get(heads[i]));
      ws.style(row[0], i).bold().fillColor("DDDDDD").set();
    }
    row[0]++;
    if (lines.isEmpty()) {
      ws.value(row[0]++, 1, labels.get("return.none"));
    }
    for (VatBooks.ReturnLine l : lines) {
      ws.value(row[0], 0, l.note());
      ws.value(row[0], 1, labels.note(l.note()));
      ws.value(row[0], 2, l.rate());
      ws.value(row[0], 3, l.value());
      ws.value(row[0], 4, l.supplementaryDuty());
      ws.value(row[0], 5, l.vat());
      for (int i = 3; i < 6; i++) {
        ws.style(row[0], i).format(MONEY_FORMAT).set();
      }
      row[0]++;
    }
  }

  private static void sum(Worksheet ws, int[] row, String label, BigDecimal vat) {
    ws.value(row[0], 1, label);
    ws.value(row[0], 5, vat);
    ws.style(row[0], 1).bold().set();
    ws.style(row[0], 5).bold().format(MONEY_FORMAT).set();
    row[0] += 2;
  }

  // ------------------------------------------------------------------ PDF

  public static PaperFile bookPdf(VatBooks.Book b, Labels labels) {
    return VatPdf.book(b, b.company(), labels);
  }

  public static PaperFile returnPdf(VatBooks.Return r, Labels labels) {
    return VatPdf.vatReturn(r, r.company(), labels);
  }
}
