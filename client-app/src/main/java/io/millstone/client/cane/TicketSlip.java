package io.millstone.client.cane;

import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.Weight;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.client.core.Dates;
import io.millstone.client.core.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

/**
 * The printed weighbridge ticket (the slip the driver takes away): the company, the ticket number
 * large, when, the grower and his permit, the truck, and gross, tare and net in kg, quintal and
 * maund, a typed weight marked with its reason, and the clerk. The text is worked out without a
 * screen ({@link #facts()}, {@link #weights()}, {@link #notes()}); {@link #node()} lays it out in
 * black on white for paper, the same node whether printed or saved as a picture.
 */
public final class TicketSlip {
  /** A fact of the ticket: "Grower", "G-001 Abdul Karim". */
  public record Fact(String label, String value) {}

  /** One weighing in the three units; {@code mark} is "MANUAL" for a typed weight. */
  public record WeightRow(String label, String kg, String quintal, String maund, String mark) {}

  /** A remark printed under the weights; a warning stands out (over quota). */
  public record Note(String text, boolean warning) {}

  /** The slip's width in points: about a half A5 sheet or a wide receipt roll. */
  static final double WIDTH = 400;

  private final Messages m;
  private final String company;
  private final String number;
  private final String when;
  private final List<Fact> facts = new ArrayList<>();
  private final List<WeightRow> weights = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private final String clerk;

  private TicketSlip(
      WeighbridgeTicket t,
      String village,
      String company,
      String clerk,
      String overQuota,
      Messages m) {
    this.m = m;
    this.company = company == null ? "" : company;
    this.number = t.getNumber();
    com.google.protobuf.Timestamp ts =
        t.hasWeighedOutAt() ? t.getWeighedOutAt() : t.hasWeighedInAt() ? t.getWeighedInAt() : null;
    Instant at = ts == null ? null : Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    this.when = Dates.dateTime(at);
    this.clerk = clerk == null ? "" : clerk;
    facts.add(new Fact(m.get("cane.slip.grower"), t.getGrowerNumber() + "  " + t.getGrowerName()));
    if (village != null && !village.isBlank()) {
      facts.add(new Fact(m.get("cane.slip.village"), village));
    }
    facts.add(new Fact(m.get("cane.slip.permit"), t.getPermitNumber()));
    facts.add(new Fact(m.get("cane.slip.centre"), t.getWarehouseCode()));
    facts.add(new Fact(m.get("cane.slip.vehicle"), t.getVehicleNumber()));
    weights.add(row(m.get("cane.slip.gross"), t.getGross(), t.getGrossSource()));
    if (t.hasTare() && Weights.kgOf(t.getTare()) != null) {
      weights.add(row(m.get("cane.slip.tare"), t.getTare(), t.getTareSource()));
    }
    if (t.hasNet() && Weights.kgOf(t.getNet()) != null) {
      weights.add(row(m.get("cane.slip.net"), t.getNet(), WeightSource.WEIGHT_SOURCE_UNSPECIFIED));
    }
    if (t.getGrossSource() == WeightSource.WEIGHT_SOURCE_MANUAL) {
      notes.add(new Note(m.get("cane.slip.manualGross", t.getGrossManualReason()), false));
    }
    if (t.getTareSource() == WeightSource.WEIGHT_SOURCE_MANUAL) {
      notes.add(new Note(m.get("cane.slip.manualTare", t.getTareManualReason()), false));
    }
    if (overQuota != null && !overQuota.isBlank()) {
      notes.add(new Note(overQuota, true));
    }
  }

  /**
   * The slip of a ticket; the village and the clerk come from outside the ticket, and {@code
   * overQuota} is the remark on a load above its permit's quota (empty when within it).
   */
  public static TicketSlip of(
      WeighbridgeTicket t,
      String village,
      String company,
      String clerk,
      String overQuota,
      Messages m) {
    return new TicketSlip(t, village, company, clerk, overQuota, m);
  }

  private WeightRow row(String label, Weight w, WeightSource source) {
    BigDecimal kg = Weights.kgOf(w);
    return new WeightRow(
        label,
        Weights.kg(kg),
        Weights.quintalShown(kg),
        Weights.maundShown(kg),
        source == WeightSource.WEIGHT_SOURCE_MANUAL ? m.get("cane.wb.manualMark") : "");
  }

  public String company() {
    return company;
  }

  public String number() {
    return number;
  }

  /** "07/12/2026 10:15", the weighing-out time in the company's pattern and zone. */
  public String when() {
    return when;
  }

  public List<Fact> facts() {
    return List.copyOf(facts);
  }

  public List<WeightRow> weights() {
    return List.copyOf(weights);
  }

  public List<Note> notes() {
    return List.copyOf(notes);
  }

  public String clerk() {
    return clerk;
  }

  // ---- on paper ----

  private static final String INK = "-fx-text-fill: black;";

  private static Label text(String s, String style) {
    Label l = new Label(s);
    l.setStyle(INK + style);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** The slip laid out for paper: black on white, {@link #WIDTH} points wide. */
  public Node node() {
    VBox box = new VBox(6);
    box.setId("ticketSlip");
    box.setPadding(new Insets(14, 18, 14, 18));
    box.setPrefWidth(WIDTH);
    box.setMaxWidth(WIDTH);
    box.setStyle("-fx-background-color: white; -fx-border-color: black; -fx-border-width: 1;");

    Label co = text(company, "-fx-font-size: 15px; -fx-font-weight: bold;");
    co.setMaxWidth(Double.MAX_VALUE);
    co.setAlignment(Pos.CENTER);
    Label title = text(m.get("cane.slip.title"), "-fx-font-size: 12px;");
    title.setMaxWidth(Double.MAX_VALUE);
    title.setAlignment(Pos.CENTER);
    Label big = text(number, "-fx-font-size: 30px; -fx-font-weight: bold;");
    big.setId("slipNumber");
    big.setMaxWidth(Double.MAX_VALUE);
    big.setAlignment(Pos.CENTER);
    Label at = text(when, "-fx-font-size: 12px;");
    at.setId("slipWhen");
    at.setMaxWidth(Double.MAX_VALUE);
    at.setAlignment(Pos.CENTER);
    box.getChildren().addAll(co, title, big, at, rule());

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(3);
    int r = 0;
    for (Fact f : facts) {
      grid.addRow(r++, text(f.label(), "-fx-font-size: 12px;"), text(f.value(), bold(12)));
    }
    box.getChildren().addAll(grid, rule());

    GridPane w = new GridPane();
    w.setId("slipWeights");
    w.setHgap(14);
    w.setVgap(3);
    ColumnConstraints first = new ColumnConstraints();
    first.setHgrow(Priority.ALWAYS);
    w.getColumnConstraints().add(first);
    for (int c = 1; c <= 3; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setHalignment(HPos.RIGHT);
      w.getColumnConstraints().add(cc);
    }
    w.addRow(
        0,
        text("", ""),
        text(m.get("cane.slip.kg"), "-fx-font-size: 11px;"),
        text(m.get("cane.slip.quintal"), "-fx-font-size: 11px;"),
        text(m.get("cane.slip.maund"), "-fx-font-size: 11px;"));
    r = 1;
    for (WeightRow row : weights) {
      boolean net = r == weights.size() && weights.size() == 3;
      String style = net ? bold(14) : "-fx-font-size: 12px;";
      String label = row.mark().isEmpty() ? row.label() : row.label() + "  (" + row.mark() + ")";
      w.addRow(
          r++,
          text(label, style),
          text(row.kg(), style),
          text(row.quintal(), style),
          text(row.maund(), style));
    }
    box.getChildren().add(w);
    for (Note n : notes) {
      Label l = text(n.text(), n.warning() ? bold(13) : "-fx-font-size: 11px;");
      if (n.warning()) {
        l.setStyle(l.getStyle() + " -fx-text-fill: #9a4d00;");
      }
      l.setWrapText(true);
      l.setMinWidth(0);
      l.setMaxWidth(WIDTH - 36);
      l.getStyleClass().add(n.warning() ? "slip-warning" : "slip-note");
      box.getChildren().add(l);
    }
    box.getChildren().addAll(rule(), text(m.get("cane.slip.clerk", clerk), "-fx-font-size: 11px;"));
    return box;
  }

  private static String bold(int size) {
    return "-fx-font-size: " + size + "px; -fx-font-weight: bold;";
  }

  private static Region rule() {
    Region r = new Region();
    r.setPrefHeight(1);
    r.setMinHeight(1);
    r.setMaxHeight(1);
    r.setStyle("-fx-background-color: black;");
    return r;
  }

  /**
   * Gives a slip not on screen a scene of its own, so it has its styles and size before it is
   * printed or saved as a picture.
   */
  public static Node laidOut(Node slip) {
    if (slip.getScene() == null) {
      new javafx.scene.Scene(new javafx.scene.Group(slip));
    }
    javafx.scene.Parent root = slip.getScene().getRoot();
    root.applyCss();
    root.layout();
    return slip;
  }

  // ---- the printer ----

  /** How a print went, for the clerk's message. */
  public enum Printed {
    PRINTED,
    NO_PRINTER,
    CANCELLED,
    FAILED
  }

  /**
   * Prints {@code slip} on the default printer, shrunk to the page when it is larger; a machine
   * without a printer is said so, never an exception.
   */
  public static Printed print(Node slip) {
    if (Printer.getDefaultPrinter() == null) {
      return Printed.NO_PRINTER;
    }
    PrinterJob job = PrinterJob.createPrinterJob();
    if (job == null) {
      return Printed.NO_PRINTER;
    }
    PageLayout page = job.getJobSettings().getPageLayout();
    laidOut(slip);
    double w = slip.getBoundsInParent().getWidth();
    double h = slip.getBoundsInParent().getHeight();
    double scale =
        Math.min(1, Math.min(page.getPrintableWidth() / w, page.getPrintableHeight() / h));
    Scale fit = new Scale(scale, scale);
    slip.getTransforms().add(fit);
    try {
      if (!job.printPage(page, slip)) {
        job.cancelJob();
        return Printed.FAILED;
      }
      return job.endJob() ? Printed.PRINTED : Printed.FAILED;
    } finally {
      slip.getTransforms().remove(fit);
    }
  }
}
