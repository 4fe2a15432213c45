package io.millstone.server.cane;

import io.millstone.server.cane.CaneDesk.CentreInput;
import io.millstone.server.cane.CaneDesk.CentreView;
import io.millstone.server.cane.CaneDesk.PriceInput;
import io.millstone.server.cane.CaneDesk.PriceView;
import io.millstone.server.cane.CaneDesk.SeasonPage;
import io.millstone.server.cane.CaneDesk.SeasonView;
import io.millstone.server.cane.CaneRows.SeasonRow;
import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Jdbc;
import io.millstone.server.platform.Notices;
import io.millstone.server.platform.Notices.Notice;
import io.millstone.server.platform.PageToken;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Crushing seasons, their purchase centres and the cane price per quintal by centre and date. */
final class Seasons {
  static final Set<String> KINDS = Set.of("MILL_GATE", "OUTSIDE");

  /** What weigh-out does with a load above its permit's quota (ADR 0025 amendment). */
  static final Set<String> OVER_QUOTA = Set.of("MARK", "REFUSE");

  /** The heaviest bridge limit a centre may be given: 200 t, beyond any road vehicle. */
  static final BigDecimal MAX_BRIDGE_KG = new BigDecimal("200000");

  /** A price per quintal above this is a typing slip (the 2024-25 price is Tk 600). */
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

  private final Transactions tx;
  private final Clock clock;

  Seasons(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  SeasonView create(
      Actor actor,
      String key,
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> centres,
      String overQuota) {
    String rule = overQuota == null || overQuota.isEmpty() ? "MARK" : overQuota;
    Validator v = new Validator();
    v.check(OVER_QUOTA.contains(rule), "over_quota", "must be MARK or REFUSE");
    Idempotency.validateKey(v, key, "idempotency_key");
    v.text(code, "code", 20);
    v.text(name, "name", 100);
    v.check(start != null, "start_date", "required", "is required");
    v.check(end != null, "end_date", "required", "is required");
    if (start != null && end != null) {
      v.check(!end.isBefore(start), "end_date", "must not be before the start date");
      v.check(
          ChronoUnit.DAYS.between(start, end) <= 366,
          "end_date",
          "makes a season longer than a year");
    }
    v.check(!centres.isEmpty(), "centres", "needs at least one purchase centre");
    v.check(centres.size() <= 100, "centres", "may hold at most 100 centres");
    Set<String> seen = new HashSet<>();
    List<List<BigDecimal>> prices = new ArrayList<>();
    for (int i = 0; i < centres.size(); i++) {
      CentreInput ci = centres.get(i);
      String f = "centres[" + i + "]";
      v.text(ci.warehouseCode(), f + ".warehouse_code", 32);
      v.check(
          seen.add(CaneRows.code(ci.warehouseCode())),
          f + ".warehouse_code",
          "is listed twice; a warehouse is one centre of a season");
      v.check(KINDS.contains(ci.kind()), f + ".kind", "must be MILL_GATE or OUTSIDE");
      prices.add(checkPrices(v, f + ".prices", ci.prices(), start, end));
    }
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t ->
            Idempotency.once(
                t,
                key,
                "cane.season.create",
                code + '\u001f' + name + '\u001f' + start + '\u001f' + end + '\u001f' + centres
                    + '\u001f' + rule,
                id -> {
                  insert(t, actor, id, code, name, start, end, centres, prices, rule);
                  return view(t, id);
                },
                id -> view(t, id)));
  }

  private static List<BigDecimal> checkPrices(
      Validator v, String f, List<PriceInput> in, LocalDate start, LocalDate end) {
    List<BigDecimal> out = new ArrayList<>();
    v.check(!in.isEmpty(), f, "needs the price from the season's first day");
    v.check(in.size() <= 100, f, "may hold at most 100 prices");
    Set<LocalDate> days = new HashSet<>();
    boolean fromStart = false;
    for (int j = 0; j < in.size(); j++) {
      PriceInput p = in.get(j);
      out.add(checkPrice(v, f + "[" + j + "]", p, start, end));
      if (p.effectiveFrom() != null) {
        v.check(
            days.add(p.effectiveFrom()),
            f + "[" + j + "].effective_from",
            "has a price already; one price per day");
        fromStart |= p.effectiveFrom().equals(start);
      }
    }
    if (!in.isEmpty() && start != null) {
      v.check(fromStart, f, "needs a price from the season's first day");
    }
    return out;
  }

  /** One price: a date inside the season and an amount above zero. */
  static BigDecimal checkPrice(
      Validator v, String f, PriceInput p, LocalDate start, LocalDate end) {
    v.check(p.effectiveFrom() != null, f + ".effective_from", "required", "is required");
    if (p.effectiveFrom() != null && start != null && end != null) {
      v.check(
          !p.effectiveFrom().isBefore(start) && !p.effectiveFrom().isAfter(end),
          f + ".effective_from",
          "cane_date_outside_season",
          "is outside the season ("
              + CaneRows.DAY.format(start)
              + " to "
              + CaneRows.DAY.format(end)
              + ")",
          CaneRows.DAY.format(start),
          CaneRows.DAY.format(end));
    }
    BigDecimal price = Decimals.parse(v, f + ".price_per_quintal", p.pricePerQuintal(), 2, true);
    v.check(
        price == null || (price.signum() > 0 && price.compareTo(MAX_PRICE) <= 0),
        f + ".price_per_quintal",
        "must be above zero and at most 10,00,000");
    return price;
  }

  private void insert(
      Tx t,
      Actor actor,
      UUID id,
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> centres,
      List<List<BigDecimal>> prices,
      String overQuota) {
    Jdbc.work(
        t,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM cane_season WHERE code = ?")) {
            ps.setString(1, CaneRows.code(code));
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw InvalidInputException.of(
                    "code", "'" + CaneRows.code(code) + "' is already a season; pick another code");
              }
            }
          }
          CaneItem.ensure(c, actor.companyId());
          Map<String, UUID> warehouses = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT code, id FROM warehouse WHERE active AND code = ANY(?)")) {
            ps.setArray(
                1,
                c.createArrayOf(
                    "text", centres.stream().map(x -> CaneRows.code(x.warehouseCode())).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                warehouses.put(rs.getString(1), rs.getObject(2, UUID.class));
              }
            }
          }
          Validator v = new Validator();
          for (int i = 0; i < centres.size(); i++) {
            String wc = CaneRows.code(centres.get(i).warehouseCode());
            v.check(
                warehouses.containsKey(wc),
                "centres[" + i + "].warehouse_code",
                "'" + wc + "' is not an active warehouse");
          }
          v.throwIfInvalid();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cane_season (id, company_id, code, name, start_date, end_date,"
                      + " created_at, created_by, over_quota) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setObject(2, actor.companyId());
            ps.setString(3, CaneRows.code(code));
            ps.setString(4, name.trim());
            ps.setDate(5, Date.valueOf(start));
            ps.setDate(6, Date.valueOf(end));
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            ps.setString(8, actor.username());
            ps.setString(9, overQuota);
            ps.executeUpdate();
          }
          try (PreparedStatement centre =
                  c.prepareStatement(
                      "INSERT INTO cane_centre (id, company_id, season_id, warehouse_id, kind)"
                          + " VALUES (?, ?, ?, ?, ?)");
              PreparedStatement price =
                  c.prepareStatement(
                      "INSERT INTO cane_price (id, company_id, centre_id, effective_from,"
                          + " price_per_quintal) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < centres.size(); i++) {
              CentreInput ci = centres.get(i);
              UUID centreId = Ids.newId();
              centre.setObject(1, centreId);
              centre.setObject(2, actor.companyId());
              centre.setObject(3, id);
              centre.setObject(4, warehouses.get(CaneRows.code(ci.warehouseCode())));
              centre.setString(5, ci.kind());
              centre.addBatch();
              for (int j = 0; j < ci.prices().size(); j++) {
                price.setObject(1, Ids.newId());
                price.setObject(2, actor.companyId());
                price.setObject(3, centreId);
                price.setDate(4, Date.valueOf(ci.prices().get(j).effectiveFrom()));
                price.setBigDecimal(5, prices.get(i).get(j));
                price.addBatch();
              }
            }
            centre.executeBatch();
            price.executeBatch();
          }
          return null;
        });
    t.audit(
        "cane.season.create",
        "cane_season",
        id,
        CaneRows.code(code) + ", " + start + " to " + end + ", " + centres.size() + " centres");
  }

  SeasonView get(Actor actor, String season) {
    return tx.inCompany(
        actor, t -> view(t, Jdbc.work(t, c -> CaneRows.season(c, season, "season")).id()));
  }

  SeasonPage list(Actor actor, int pageSize, String pageToken) {
    int size = CaneRows.pageSize(pageSize);
    List<String> after = PageToken.decode(pageToken, 2);
    if (after == null) {
      throw InvalidInputException.of("page.page_token", "is not a token this list gave out");
    }
    return tx.inCompany(
        actor,
        t -> {
          List<UUID> ids =
              Jdbc.work(
                  t,
                  c -> {
                    List<UUID> out = new ArrayList<>();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT id FROM cane_season"
                                + (after.isEmpty() ? "" : " WHERE (start_date, code) < (?, ?)")
                                + " ORDER BY start_date DESC, code DESC LIMIT ?")) {
                      int k = 1;
                      if (!after.isEmpty()) {
                        ps.setDate(k++, Date.valueOf(after.get(0)));
                        ps.setString(k++, after.get(1));
                      }
                      ps.setInt(k, size + 1);
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          out.add(rs.getObject(1, UUID.class));
                        }
                      }
                    }
                    return out;
                  });
          List<SeasonView> views = new ArrayList<>();
          for (UUID id : ids.subList(0, Math.min(size, ids.size()))) {
            views.add(view(t, id));
          }
          String next = "";
          if (ids.size() > size) {
            SeasonView last = views.getLast();
            next = PageToken.encode(last.start().toString(), last.code());
          }
          return new SeasonPage(views, next);
        });
  }

  /**
   * A new price for a centre from a date. Days already valued keep their price: a date on or before
   * the centre's last completed ticket is refused, so no ticket's value silently changes.
   */
  SeasonView setPrice(Actor actor, String season, String warehouseCode, PriceInput price) {
    Validator v = new Validator();
    v.text(season, "season", 40);
    v.text(warehouseCode, "warehouse_code", 32);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Jdbc.work(
              t,
              c -> {
                SeasonRow s = CaneRows.season(c, season, "season");
                Validator pv = new Validator();
                BigDecimal amount = checkPrice(pv, "price", price, s.start(), s.end());
                pv.throwIfInvalid();
                CaneRows.CentreRow centre = CaneRows.centre(c, s, warehouseCode, "warehouse_code");
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT max(ticket_date) FROM weighbridge_ticket WHERE centre_id = ? AND"
                            + " state = 'COMPLETED'")) {
                  ps.setObject(1, centre.id());
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Date last = rs.getDate(1);
                    if (last != null && !price.effectiveFrom().isAfter(last.toLocalDate())) {
                      throw new BusinessRuleException(
                          "cane_price_day_valued",
                          centre.warehouseCode()
                              + " has tickets valued up to "
                              + CaneRows.DAY.format(last.toLocalDate())
                              + "; a new price can start only after that day.",
                          centre.warehouseCode(),
                          CaneRows.DAY.format(last.toLocalDate()));
                    }
                  }
                }
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO cane_price (id, company_id, centre_id, effective_from,"
                            + " price_per_quintal) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (centre_id, effective_from)"
                            + " DO UPDATE SET price_per_quintal = EXCLUDED.price_per_quintal")) {
                  ps.setObject(1, Ids.newId());
                  ps.setObject(2, actor.companyId());
                  ps.setObject(3, centre.id());
                  ps.setDate(4, Date.valueOf(price.effectiveFrom()));
                  ps.setBigDecimal(5, amount);
                  ps.executeUpdate();
                }
                t.audit(
                    "cane.price.set",
                    "cane_centre",
                    centre.id(),
                    s.code()
                        + " "
                        + centre.warehouseCode()
                        + " from "
                        + price.effectiveFrom()
                        + ": "
                        + amount.toPlainString()
                        + " per quintal");
                Notices.add(
                    c,
                    actor,
                    Notice.toPermission(
                        "cane.read",
                        "cane.price.changed",
                        "Cane price at "
                            + centre.warehouseCode()
                            + " from "
                            + price.effectiveFrom()
                            + ": "
                            + amount.toPlainString()
                            + " per quintal ("
                            + s.code()
                            + ")",
                        "cane_season",
                        s.id(),
                        centre.warehouseCode(),
                        price.effectiveFrom().toString(),
                        amount.toPlainString(),
                        s.code()));
                return null;
              });
          return view(t, Jdbc.work(t, c -> CaneRows.season(c, season, "season")).id());
        });
  }

  /**
   * The heaviest load a centre's bridge weighs from now on: above 0 and at most 200 t. Weigh-ins
   * above it are refused at that centre (ADR 0025 amendment).
   */
  SeasonView setBridgeLimit(Actor actor, String season, String warehouseCode, String maxKg) {
    Validator v = new Validator();
    v.text(season, "season", 40);
    v.text(warehouseCode, "warehouse_code", 32);
    BigDecimal kg = Decimals.parse(v, "max_weight_kg", maxKg, 3, 9, true);
    v.check(
        kg == null || (kg.signum() > 0 && kg.compareTo(MAX_BRIDGE_KG) <= 0),
        "max_weight_kg",
        "cane_bridge_limit_out_of_range",
        "must be above 0 kg and at most 200000 kg",
        "200000");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          SeasonRow s = Jdbc.work(t, c -> CaneRows.season(c, season, "season"));
          CaneRows.CentreRow centre =
              Jdbc.work(t, c -> CaneRows.centre(c, s, warehouseCode, "warehouse_code"));
          Jdbc.work(
              t,
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement("UPDATE cane_centre SET max_weight_kg = ? WHERE id = ?")) {
                  ps.setBigDecimal(1, kg);
                  ps.setObject(2, centre.id());
                  return ps.executeUpdate();
                }
              });
          t.audit(
              "cane.bridge.limit",
              "cane_centre",
              centre.id(),
              s.code() + " " + centre.warehouseCode() + ": at most " + kg.toPlainString() + " kg");
          return view(t, s.id());
        });
  }

  static SeasonView view(Tx t, UUID id) {
    String currency = CompanyAdmin.currencyOf(t);
    return Jdbc.work(t, c -> read(c, id, currency));
  }

  private static SeasonView read(Connection c, UUID id, String currency) throws SQLException {
    String code;
    String name;
    LocalDate start;
    LocalDate end;
    String overQuota;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT code, name, start_date, end_date, over_quota FROM cane_season WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        code = rs.getString(1);
        name = rs.getString(2);
        start = rs.getDate(3).toLocalDate();
        end = rs.getDate(4).toLocalDate();
        overQuota = rs.getString(5);
      }
    }
    Map<UUID, String[]> centres = new LinkedHashMap<>();
    Map<UUID, BigDecimal> maxKg = new HashMap<>();
    Map<UUID, List<PriceView>> prices = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT cc.id, w.code, w.name, cc.kind, cc.max_weight_kg, p.effective_from,"
                + " p.price_per_quintal FROM cane_centre cc JOIN warehouse w ON w.id ="
                + " cc.warehouse_id LEFT JOIN cane_price p ON p.centre_id = cc.id"
                + " WHERE cc.season_id = ? ORDER BY cc.kind, w.code, p.effective_from")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID cid = rs.getObject(1, UUID.class);
          centres.putIfAbsent(
              cid, new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
          maxKg.put(cid, rs.getBigDecimal(5));
          List<PriceView> list = prices.computeIfAbsent(cid, k -> new ArrayList<>());
          if (rs.getDate(6) != null) {
            list.add(new PriceView(rs.getDate(6).toLocalDate(), rs.getBigDecimal(7)));
          }
        }
      }
    }
    List<CentreView> out = new ArrayList<>();
    centres.forEach(
        (cid, w) -> out.add(new CentreView(w[0], w[1], w[2], maxKg.get(cid), prices.get(cid))));
    return new SeasonView(id, code, name, start, end, out, overQuota, currency);
  }
}
