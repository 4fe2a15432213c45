package io.millstone.server.production;

import io.millstone.server.identity.CompanyAdmin;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Ids;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.ConflictException;
import io.millstone.server.platform.error.NotFoundException;
import io.millstone.server.production.ProductionDesk.WorkCentreView;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Work centres (mill tandem, boiler house, pan station, centrifugals, bagging): the telemetry
 * machines that measure each, and the conversion cost rate its runs absorb.
 */
final class WorkCentres {
  static final Set<String> BASES = Set.of("PER_TONNE", "PER_HOUR");

  private final Transactions tx;
  private final Clock clock;

  WorkCentres(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  WorkCentreView save(
      Actor actor,
      String code,
      String name,
      List<String> machineCodes,
      String costBasis,
      String rate,
      boolean active,
      long version) {
    Validator v = new Validator();
    v.text(code, "code", 32);
    v.text(name, "name", 200);
    v.check(BASES.contains(costBasis), "cost_basis", "must be PER_TONNE or PER_HOUR");
    BigDecimal r = Decimals.parse(v, "conversion_rate", rate, 4, true);
    v.check(r == null || r.signum() >= 0, "conversion_rate", "must not be negative");
    v.check(machineCodes.size() <= 50, "machine_codes", "may hold at most 50 machines");
    v.check(version >= 0, "version", "must not be negative");
    v.throwIfInvalid();
    String wc = ItemRow.norm(code);
    Set<String> machines = new LinkedHashSet<>();
    machineCodes.forEach(m -> machines.add(ItemRow.norm(m)));
    return tx.sqlInCompany(
        actor,
        (t, c) -> {
          Map<String, UUID> found = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT code, id FROM machine WHERE code = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", machines.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.put(rs.getString(1), rs.getObject(2, UUID.class));
              }
            }
          }
          Validator w = new Validator();
          int i = 0;
          for (String m : machines) {
            w.check(
                found.containsKey(m),
                "machine_codes[" + i++ + "]",
                "'" + m + "' is not a machine of this company");
          }
          w.throwIfInvalid();
          UUID id = existing(c, wc, version);
          Timestamp now = Timestamp.from(clock.instant());
          if (id == null) {
            id = Ids.newId();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO work_centre (id, company_id, code, name, cost_basis, conversion_rate,"
                        + " active, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
              ps.setObject(1, id);
              ps.setObject(2, actor.companyId());
              ps.setString(3, wc);
              ps.setString(4, name.trim());
              ps.setString(5, costBasis);
              ps.setBigDecimal(6, r);
              ps.setBoolean(7, active);
              ps.setTimestamp(8, now);
              ps.setTimestamp(9, now);
              ps.setString(10, actor.username());
              ps.executeUpdate();
            }
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE work_centre SET name = ?, cost_basis = ?, conversion_rate = ?, active = ?,"
                        + " updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?")) {
              ps.setString(1, name.trim());
              ps.setString(2, costBasis);
              ps.setBigDecimal(3, r);
              ps.setBoolean(4, active);
              ps.setTimestamp(5, now);
              ps.setString(6, actor.username());
              ps.setObject(7, id);
              ps.executeUpdate();
            }
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM work_centre_machine WHERE work_centre_id = ?")) {
              ps.setObject(1, id);
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO work_centre_machine (company_id, work_centre_id, machine_id)"
                      + " VALUES (?, ?, ?)")) {
            for (String m : machines) {
              ps.setObject(1, actor.companyId());
              ps.setObject(2, id);
              ps.setObject(3, found.get(m));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          t.audit("production.work_centre.save", "work_centre", id, wc + " " + name.trim());
          return views(c, id, CompanyAdmin.currencyOf(t)).get(0);
        });
  }

  private static UUID existing(Connection c, String code, long version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, version, updated_by, updated_at FROM work_centre WHERE code = ? FOR UPDATE")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          if (version != 0) {
            throw new NotFoundException("Work centre", code);
          }
          return null;
        }
        if (version == 0) {
          throw ConflictException.of(
              "work_centre_exists",
              "A work centre " + code + " exists already; open it to change it.",
              code);
        }
        Versions.check(
            "Work centre " + code,
            version,
            rs.getLong(2),
            rs.getString(3),
            rs.getTimestamp(4).toInstant());
        return rs.getObject(1, UUID.class);
      }
    }
  }

  List<WorkCentreView> list(Actor actor) {
    return tx.sqlInCompany(actor, (t, c) -> views(c, null, CompanyAdmin.currencyOf(t)));
  }

  private static List<WorkCentreView> views(Connection c, UUID only, String currency)
      throws SQLException {
    List<WorkCentreView> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT w.id, w.code, w.name, w.cost_basis, w.conversion_rate, w.active, w.version,"
                + " coalesce(array_agg(m.code ORDER BY m.code) FILTER (WHERE m.code IS NOT NULL), '{}')"
                + " FROM work_centre w LEFT JOIN work_centre_machine x ON x.work_centre_id = w.id"
                + " LEFT JOIN machine m ON m.id = x.machine_id WHERE (? OR w.id = ?)"
                + " GROUP BY w.id ORDER BY w.code")) {
      ps.setBoolean(1, only == null);
      ps.setObject(2, only);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new WorkCentreView(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  List.of((String[]) rs.getArray(8).getArray()),
                  rs.getString(4),
                  rs.getBigDecimal(5),
                  rs.getBoolean(6),
                  rs.getLong(7),
                  currency));
        }
      }
    }
    return out;
  }
}
