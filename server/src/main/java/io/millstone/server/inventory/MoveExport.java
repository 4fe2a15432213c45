package io.millstone.server.inventory;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every stock move matching a filter, oldest first, read through a database cursor (autocommit off,
 * {@value #FETCH_SIZE} rows a round trip) in the caller's company under row-level security, and
 * handed on in batches of {@value #BATCH_SIZE}: the whole result is never held in memory, however
 * many moves there are (ADR 0040).
 */
public final class MoveExport {
  public static final int FETCH_SIZE = 1000;
  public static final int BATCH_SIZE = 500;

  /** Where the batches go; {@link #accept} may block until the reader is ready for more. */
  public interface Sink {
    /** Called once, before the first batch, with how many moves the export holds in all. */
    void total(long total, String currency) throws InterruptedException;

    void accept(List<StockLedger.MoveView> batch) throws InterruptedException;
  }

  /** The export's filter, checked: an empty item or warehouse code means every one. */
  public record Filter(String itemCode, String warehouseCode) {
    public static Filter of(String itemCode, String warehouseCode) {
      String item = itemCode == null ? "" : itemCode.trim().toUpperCase(Locale.ROOT);
      String wh = warehouseCode == null ? "" : warehouseCode.trim().toUpperCase(Locale.ROOT);
      new Validator()
          .check(item.length() <= 32, "item_code", "too_long", tooLong(item), item.length(), 32)
          .check(wh.length() <= 32, "warehouse_code", "too_long", tooLong(wh), wh.length(), 32)
          .throwIfInvalid();
      return new Filter(item, wh);
    }

    private static String tooLong(String v) {
      return "is too long: " + v.length() + " characters, at most 32 allowed";
    }
  }

  private static final String WHERE =
      " FROM stock_move m JOIN item i ON i.id = m.item_id JOIN warehouse w ON w.id = m.warehouse_id"
          + " WHERE (? = '' OR i.code = ?) AND (? = '' OR w.code = ?)";

  /** The query the export streams (and the benchmark's COPY reads as its ceiling). */
  public static final String SELECT =
      "SELECT m.id, i.code, w.code, m.lot, m.quantity, m.unit_cost, m.value, m.kind,"
          + " m.reference, m.posted_at, m.posted_by"
          + WHERE
          + " ORDER BY m.posted_at, m.id";

  private final Transactions tx;
  private final AtomicLong batchesSent = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();

  public MoveExport(Transactions tx) {
    this.tx = tx;
  }

  /** Batches handed to readers since the server started (for tests and metrics). */
  public long batchesSent() {
    return batchesSent.get();
  }

  /** Exports now waiting for their reader to take more (flow control). */
  public long waiting() {
    return waiting.get();
  }

  void waitingChanged(int delta) {
    waiting.addAndGet(delta);
  }

  /** Streams the moves to {@code sink}; returns how many were sent. */
  public long export(Actor actor, Filter f, Sink sink) {
    return tx.reportInCompany(
        actor,
        (t, c) -> {
          String currency = CompanyAdmin.currencyOf(t);
          long total;
          try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + WHERE)) {
            bind(ps, f);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          try {
            sink.total(total, currency);
            long sent = 0;
            // A cursor: with autocommit off and a fetch size the driver reads FETCH_SIZE rows at
            // a time instead of the whole result.
            try (PreparedStatement ps =
                c.prepareStatement(
                    SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
              ps.setFetchSize(FETCH_SIZE);
              bind(ps, f);
              try (ResultSet rs = ps.executeQuery()) {
                List<StockLedger.MoveView> batch = new ArrayList<>(BATCH_SIZE);
                while (rs.next()) {
                  batch.add(read(rs));
                  if (batch.size() == BATCH_SIZE) {
                    sink.accept(batch);
                    batchesSent.incrementAndGet();
                    sent += batch.size();
                    batch = new ArrayList<>(BATCH_SIZE);
                  }
                }
                if (!batch.isEmpty() || sent == 0) {
                  sink.accept(batch);
                  batchesSent.incrementAndGet();
                  sent += batch.size();
                }
              }
            }
            return sent;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportCancelledException();
          }
        });
  }

  /** The reader went away (cancelled, or the deadline passed): the export stops. */
  public static final class ExportCancelledException extends RuntimeException {
    ExportCancelledException() {
      super("export cancelled", null, false, false);
    }
  }

  private static void bind(PreparedStatement ps, Filter f) throws SQLException {
    ps.setString(1, f.itemCode());
    ps.setString(2, f.itemCode());
    ps.setString(3, f.warehouseCode());
    ps.setString(4, f.warehouseCode());
  }

  private static StockLedger.MoveView read(ResultSet rs) throws SQLException {
    return new StockLedger.MoveView(
        rs.getObject(1, java.util.UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBigDecimal(5),
        rs.getBigDecimal(6),
        rs.getBigDecimal(7),
        rs.getString(8),
        rs.getString(9),
        rs.getTimestamp(10).toInstant(),
        rs.getString(11));
  }
}
