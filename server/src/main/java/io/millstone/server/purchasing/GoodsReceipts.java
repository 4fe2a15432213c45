package io.millstone.server.purchasing;

import io.millstone.server.accounting.AccountRole;
import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.ItemLines;
import io.millstone.server.inventory.OrderLines;
import io.millstone.server.inventory.StockLedger;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Amounts;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.purchasing.PurchaseDesk.ReceiptLineInput;
import io.millstone.server.purchasing.PurchaseDesk.ReceiptView;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Goods receipts against approved orders: stock comes in at the order's price against "goods
 * received, not yet billed".
 */
final class GoodsReceipts {
  private final Transactions tx;
  private final Books books;
  private final StockLedger stock;
  private final Clock clock;

  GoodsReceipts(Transactions tx, Books books, StockLedger stock, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.stock = stock;
    this.clock = clock;
  }

  ReceiptView receive(
      Actor actor,
      String key,
      String orderId,
      String warehouseCode,
      LocalDate date,
      List<ReceiptLineInput> lines) {
    UUID id = Ids.parse(orderId, "order_id");
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(warehouseCode, "warehouse_code", 32);
    v.check(date != null, "receipt_date", "is required");
    List<BigDecimal> qty =
        ItemLines.moving(v, lines, ReceiptLineInput::quantity, ReceiptLineInput::lot);
    v.throwIfInvalid();
    String wh = warehouseCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.receipt.post",
                  id + "\u001f" + wh + '\u001f' + date + '\u001f' + lines,
                  receiptId ->
                      receive(
                          t,
                          actor,
                          receiptId,
                          books.sequenceNumber(t, "GRN", date),
                          id,
                          wh,
                          date,
                          lines,
                          qty));
          return receipt(t, outcome.id());
        });
  }

  private UUID receive(
      Tx t,
      Actor actor,
      UUID receiptId,
      String number,
      UUID orderId,
      String wh,
      LocalDate date,
      List<ReceiptLineInput> lines,
      List<BigDecimal> qty) {
    OrderHeadRow o = Jdbc.work(t, c -> OrderHeadRow.lock(c, orderId, null));
    if (o.state() != PurchaseOrderState.APPROVED) {
      throw new BusinessRuleException(
          "order_not_approved",
          o.number()
              + " is "
              + o.stateWords()
              + (o.state() == PurchaseOrderState.RECEIVED
                  ? "; everything on it was received."
                  : "; goods can be received only against an approved order."));
    }
    Map<Integer, OrderLines.Row> rows =
        Jdbc.work(t, c -> OrderLines.byLineNo(c, OrderLines.Table.PURCHASE, orderId));
    Validator v = new Validator();
    List<StockLedger.LineInput> stockLines = new ArrayList<>();
    List<BigDecimal> costs = new ArrayList<>();
    List<OrderLines.Row> stockRows = new ArrayList<>();
    Map<Integer, BigDecimal> wanted =
        OrderLines.moving(
            v,
            o.number(),
            rows,
            lines.stream().map(ReceiptLineInput::orderLineNo).toList(),
            qty,
            "left to receive",
            (i, l) -> {
              v.check(
                  !l.isService(),
                  "lines[" + i + "].order_line_no",
                  l.itemCode() + " is a service; bill it without a receipt");
              String lot = lines.get(i).lot() == null ? "" : lines.get(i).lot().trim();
              stockLines.add(
                  new StockLedger.LineInput(l.itemCode(), wh, lot, qty.get(i).toPlainString()));
              costs.add(l.price());
              stockRows.add(l);
            });
    v.throwIfInvalid();
    StockLedger.Moved moved = stock.receiveWithin(t, number, stockLines, costs);
    Map<String, BigDecimal> byAccount = new TreeMap<>();
    for (int k = 0; k < stockRows.size(); k++) {
      byAccount.merge(
          AccountRole.inventoryOf(stockRows.get(k).kind()).code(),
          moved.values().get(k),
          BigDecimal::add);
    }
    BigDecimal value = moved.total();
    UUID entry = null;
    if (value.signum() > 0) {
      List<Books.Line> posting = new ArrayList<>();
      byAccount.forEach(
          (account, amount) -> {
            if (amount.signum() > 0) {
              posting.add(new Books.Line(account, amount, BigDecimal.ZERO, number));
            }
          });
      posting.add(
          new Books.Line(
              AccountRole.GOODS_RECEIVED_NOT_BILLED.code(), BigDecimal.ZERO, value, o.number()));
      entry =
          books.post(
              t,
              date,
              "Goods receipt " + number + " for " + o.number(),
              "RECEIPT",
              receiptId,
              posting);
    }
    UUID journal = entry;
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO goods_receipt (id, company_id, number, order_id, warehouse_id, receipt_date,"
                      + " movement_id, journal_entry_id, value, posted_at, posted_by)"
                      + " SELECT ?, ?, ?, ?, w.id, ?, ?, ?, ?, ?, ? FROM warehouse w WHERE w.code = ?")) {
            ps.setObject(1, receiptId);
            ps.setObject(2, actor.companyId());
            ps.setString(3, number);
            ps.setObject(4, orderId);
            ps.setDate(5, Date.valueOf(date));
            ps.setObject(6, moved.movementId());
            ps.setObject(7, journal);
            ps.setBigDecimal(8, value);
            ps.setTimestamp(9, Timestamp.from(clock.instant()));
            ps.setString(10, actor.username());
            ps.setString(11, wh);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO goods_receipt_line (id, company_id, receipt_id, order_line_id, lot, quantity)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < stockRows.size(); k++) {
              ps.setObject(1, Ids.newId());
              ps.setObject(2, actor.companyId());
              ps.setObject(3, receiptId);
              ps.setObject(4, stockRows.get(k).id());
              ps.setString(5, stockLines.get(k).lot());
              ps.setBigDecimal(6, qty.get(k));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          OrderLines.addMoved(c, OrderLines.Table.PURCHASE, orderId, wanted);
          OrderHeadRow.advance(c, actor, orderId, clock.instant());
          return null;
        });
    t.audit(
        "purchasing.receipt.post",
        "goods_receipt",
        receiptId,
        number + " for " + o.number() + ", " + Amounts.money(value));
    Notices.add(
        t,
        Notice.toPermission(
            "purchasing.read",
            "purchasing.receipt.posted",
            "Goods receipt " + number + " posted for " + o.number() + ", " + Amounts.money(value),
            "goods_receipt",
            receiptId,
            number,
            o.number(),
            Amounts.money(value)));
    return receiptId;
  }

  private static ReceiptView receipt(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.number, r.order_id, o.number, w.code, r.receipt_date, r.value, r.journal_entry_id"
                      + " FROM goods_receipt r JOIN purchase_order o ON o.id = r.order_id"
                      + " JOIN warehouse w ON w.id = r.warehouse_id WHERE r.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new ReceiptView(
                  id,
                  rs.getString(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDate(5).toLocalDate(),
                  rs.getBigDecimal(6),
                  Books.entryNumber(c, rs.getObject(7, UUID.class)),
                  currency);
            }
          }
        });
  }
}
