package io.millstone.server.purchasing;

import io.millstone.server.accounting.Books;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.inventory.ItemLines;
import io.millstone.server.inventory.OrderLines;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.DatedKeyset;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.purchasing.PurchaseDesk.LineInput;
import io.millstone.server.purchasing.PurchaseDesk.LineView;
import io.millstone.server.purchasing.PurchaseDesk.OrderPage;
import io.millstone.server.purchasing.PurchaseDesk.OrderView;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Purchase orders: raised as drafts, priced by the server, read back and listed. */
final class PurchaseOrders {
  private final Transactions tx;
  private final Books books;
  private final Clock clock;

  PurchaseOrders(Transactions tx, Books books, Clock clock) {
    this.tx = tx;
    this.books = books;
    this.clock = clock;
  }

  OrderView create(
      Actor actor,
      String key,
      String supplierCode,
      LocalDate date,
      List<LineInput> lines,
      String note) {
    Validator v = new Validator();
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(supplierCode, "supplier_code", 32);
    v.check(date != null, "order_date", "is required");
    v.check(note == null || note.length() <= 500, "note", "is too long (at most 500 characters)");
    List<ItemLines.Parsed> parsed =
        ItemLines.parse(
            v, lines, LineInput::itemCode, LineInput::quantity, LineInput::unitPrice, true);
    v.throwIfInvalid();
    String code = supplierCode.trim().toUpperCase(Locale.ROOT);
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  key,
                  "purchasing.order.create",
                  code + '\u001f' + date + '\u001f' + lines + '\u001f' + note,
                  id ->
                      Jdbc.work(
                          t,
                          c -> {
                            String number = books.sequenceNumber(t, "PO", date);
                            SupplierRow s = SupplierRow.byCode(c, code);
                            List<OrderLines.Priced> priced =
                                OrderLines.price(c, CompanyAdmin.vatRateOf(t), parsed);
                            Instant now = clock.instant();
                            try (PreparedStatement ps =
                                c.prepareStatement(
                                    "INSERT INTO purchase_order (id, company_id, number, supplier_id, order_date, state,"
                                        + " note, net_total, vat_total, gross_total, created_at, created_by, updated_at,"
                                        + " updated_by) VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, 0, 0, 0, ?, ?, ?, ?)")) {
                              ps.setObject(1, id);
                              ps.setObject(2, actor.companyId());
                              ps.setString(3, number);
                              ps.setObject(4, s.id());
                              ps.setDate(5, Date.valueOf(date));
                              ps.setString(6, note == null ? "" : note.trim());
                              ps.setTimestamp(7, Timestamp.from(now));
                              ps.setString(8, actor.username());
                              ps.setTimestamp(9, Timestamp.from(now));
                              ps.setString(10, actor.username());
                              ps.executeUpdate();
                            }
                            OrderLines.write(c, OrderLines.Table.PURCHASE, actor, id, priced);
                            t.audit(
                                "purchasing.order.create",
                                "purchase_order",
                                id,
                                number + " to " + s.code());
                            return id;
                          }));
          return view(t, outcome.id());
        });
  }

  OrderView get(Actor actor, String id) {
    UUID orderId = Ids.parse(id, "id");
    return tx.inCompany(actor, t -> view(t, orderId));
  }

  OrderPage list(Actor actor, String state, String supplierCode, int pageSize, String pageToken) {
    String st = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
    String sup = supplierCode == null ? "" : supplierCode.trim().toUpperCase(Locale.ROOT);
    new Validator()
        .check(
            st.isEmpty() || PurchaseDesk.STATES.contains(st),
            "state",
            "is not one of " + PurchaseDesk.STATES)
        .throwIfInvalid();
    DatedKeyset keyset = DatedKeyset.of(pageSize, pageToken);
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT o.order_date, o.id FROM purchase_order o JOIN party p ON p.id = o.supplier_id"
                      + " WHERE (? = '' OR o.state = ?) AND (? = '' OR p.code = ?"
                      // The quick filter is a supplier code or the start of an order's number.
                      + " OR upper(o.number) LIKE ?)"
                      + keyset.clause("o.order_date", "o.id"))) {
            ps.setString(1, st);
            ps.setString(2, st);
            ps.setString(3, sup);
            ps.setString(4, sup);
            ps.setString(5, io.millstone.server.platform.NumberFilter.prefix(sup));
            keyset.bind(ps, 6);
            var page = keyset.views(ps, id -> view(c, id, currency));
            return new OrderPage(page.rows(), page.nextPageToken());
          }
        });
  }

  static OrderView view(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> view(c, id, currency));
  }

  static OrderView view(Connection c, UUID id, String currency) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.number, p.code, p.name, o.order_date, o.state, o.note, o.net_total, o.vat_total,"
                + " o.gross_total, o.submitted_by, o.decided_by, o.decided_at, o.decision_note, o.version"
                + " FROM purchase_order o JOIN party p ON p.id = o.supplier_id WHERE o.id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Purchase order", id.toString());
        }
        List<LineView> lines = OrderLines.views(c, OrderLines.Table.PURCHASE, id, LineView::new);
        Timestamp decided = rs.getTimestamp(12);
        return new OrderView(
            id,
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getDate(4).toLocalDate(),
            PurchaseOrderState.valueOf(rs.getString(5)),
            rs.getString(6),
            lines,
            rs.getBigDecimal(7),
            rs.getBigDecimal(8),
            rs.getBigDecimal(9),
            rs.getString(10),
            rs.getString(11),
            decided == null ? null : decided.toInstant(),
            rs.getString(13),
            rs.getLong(14),
            currency);
      }
    }
  }
}
