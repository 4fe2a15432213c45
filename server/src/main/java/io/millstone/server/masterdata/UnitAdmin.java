package io.millstone.server.masterdata;

import io.millstone.server.identity.CompanySetup;
import io.millstone.server.masterdata.MasterdataView.UnitView;
import io.millstone.server.masterdata.model.Unit;
import io.millstone.server.platform.Actor;
import io.millstone.server.platform.Decimals;
import io.millstone.server.platform.Idempotency;
import io.millstone.server.platform.ListQuery;
import io.millstone.server.platform.Transactions;
import io.millstone.server.platform.Tx;
import io.millstone.server.platform.Validator;
import io.millstone.server.platform.Versions;
import io.millstone.server.platform.error.BusinessRuleException;
import io.millstone.server.platform.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Units of measure and exact conversions between them. */
public final class UnitAdmin implements CompanySetup {
  /** Quantities are kept to 6 decimals; a conversion that does not end is rounded there. */
  public static final int QUANTITY_SCALE = 6;

  private static final ListQuery<Unit> LIST =
      ListQuery.over(Unit.class)
          .text("code", "e.code")
          .text("name", "e.name")
          .choice(
              "dimension",
              "e.dimension",
              Map.of(
                  "mass", Unit.Dimension.MASS,
                  "volume", Unit.Dimension.VOLUME,
                  "count", Unit.Dimension.COUNT,
                  "length", Unit.Dimension.LENGTH))
          .freeText("e.code", "e.name")
          .sort("code", "e.code", ListQuery.SortType.TEXT)
          .sort("name", "e.name", ListQuery.SortType.TEXT);

  /** The units every new company starts with (DOMAIN.md: 1 maund = 37.3242 kg). */
  private static final List<Object[]> DEFAULTS =
      List.of(
          new Object[] {"kg", "Kilogram", Unit.Dimension.MASS, "1"},
          new Object[] {"g", "Gram", Unit.Dimension.MASS, "0.001"},
          new Object[] {"t", "Metric tonne", Unit.Dimension.MASS, "1000"},
          new Object[] {"q", "Quintal", Unit.Dimension.MASS, "100"},
          new Object[] {"maund", "Maund", Unit.Dimension.MASS, "37.3242"},
          new Object[] {"bag", "Bag (50 kg)", Unit.Dimension.MASS, "50"},
          new Object[] {"l", "Litre", Unit.Dimension.VOLUME, "1"},
          new Object[] {"m3", "Cubic metre", Unit.Dimension.VOLUME, "1000"},
          new Object[] {"pc", "Piece", Unit.Dimension.COUNT, "1"},
          new Object[] {"m", "Metre", Unit.Dimension.LENGTH, "1"});

  private final Transactions tx;
  private final Clock clock;

  public UnitAdmin(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void setUp(Tx t, UUID companyId) {
    var now = clock.instant();
    for (Object[] d : DEFAULTS) {
      t.session()
          .persist(
              new Unit(
                  io.millstone.server.platform.Ids.newId(),
                  companyId,
                  (String) d[0],
                  (String) d[1],
                  (Unit.Dimension) d[2],
                  new BigDecimal((String) d[3]),
                  "system",
                  now));
    }
  }

  public ListQuery.Page<UnitView> list(
      Actor actor, String filter, String orderBy, int pageSize, String pageToken) {
    return tx.inCompany(
        actor, t -> ListQuery.map(LIST.run(t, filter, orderBy, pageSize, pageToken), UnitView::of));
  }

  public UnitView get(Actor actor, String id) {
    return tx.inCompany(actor, t -> UnitView.of(Records.byId(t, Unit.class, "Unit", id)));
  }

  public UnitView create(
      Actor actor,
      String idempotencyKey,
      String code,
      String name,
      Unit.Dimension dimension,
      String factor) {
    Validator v = new Validator();
    Idempotency.validateKey(v, idempotencyKey, "idempotency_key");
    String c = code == null ? "" : code.trim();
    v.text(c, "code", 16);
    v.text(name == null ? null : name.trim(), "name", 100);
    v.check(dimension != null, "dimension", "is required: mass, volume, count or length");
    BigDecimal f = Decimals.parse(v, "factor_to_base", factor, 12, true);
    v.check(f == null || f.signum() > 0, "factor_to_base", "must be greater than zero");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          var outcome =
              Idempotency.once(
                  t,
                  idempotencyKey,
                  "masterdata.unit.create",
                  c + '\u001f' + name.trim() + '\u001f' + dimension + '\u001f' + f.toPlainString(),
                  id -> {
                    if (Records.byCode(t, Unit.class, c).isPresent()) {
                      throw InvalidInputException.of("code", "is already used by another unit");
                    }
                    t.session()
                        .persist(
                            new Unit(
                                id,
                                actor.companyId(),
                                c,
                                name.trim(),
                                dimension,
                                f,
                                actor.username(),
                                clock.instant()));
                    t.audit(
                        "masterdata.unit.create",
                        "unit",
                        id,
                        "created unit " + c + " = " + f.toPlainString() + " base");
                    return id;
                  });
          return UnitView.of(t.session().get(Unit.class, outcome.id()));
        });
  }

  public UnitView update(Actor actor, String id, long version, String name, String factor) {
    Validator v = new Validator();
    v.text(name == null ? null : name.trim(), "name", 100);
    BigDecimal f = Decimals.parse(v, "factor_to_base", factor, 12, true);
    v.check(f == null || f.signum() > 0, "factor_to_base", "must be greater than zero");
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Unit u = Records.byId(t, Unit.class, "Unit", id);
          Versions.check("Unit " + u.code(), version, u.version(), u.updatedBy(), u.updatedAt());
          String before = u.name() + " = " + u.factorToBase().stripTrailingZeros().toPlainString();
          u.change(name.trim(), f, actor.username(), clock.instant());
          t.session().flush();
          t.audit(
              "masterdata.unit.update",
              "unit",
              u.id(),
              before + " -> " + name.trim() + " = " + f.toPlainString());
          return UnitView.of(u);
        });
  }

  public UnitView deactivate(Actor actor, String id, long version) {
    return tx.inCompany(
        actor,
        t -> {
          Unit u = Records.byId(t, Unit.class, "Unit", id);
          Versions.check("Unit " + u.code(), version, u.version(), u.updatedBy(), u.updatedAt());
          long items =
              t.session()
                  .createSelectionQuery(
                      "select count(*) from Item where companyId = :c and unitCode = :u and active = true",
                      Long.class)
                  .setParameter("c", actor.companyId())
                  .setParameter("u", u.code())
                  .getSingleResult();
          if (items > 0) {
            throw new BusinessRuleException(
                "unit_in_use",
                "Unit "
                    + u.code()
                    + " is the unit of "
                    + items
                    + " active item(s); give them another unit first.");
          }
          u.deactivate(actor.username(), clock.instant());
          t.session().flush();
          t.audit("masterdata.unit.deactivate", "unit", u.id(), "deactivated unit " + u.code());
          return UnitView.of(u);
        });
  }

  /** {@code quantity} in {@code from} expressed in {@code to}; exact unless it cannot end. */
  public BigDecimal convert(Actor actor, String quantity, String from, String to) {
    Validator v = new Validator();
    BigDecimal q = Decimals.parse(v, "quantity", quantity, QUANTITY_SCALE, true);
    v.text(from, "from_unit_code", 16);
    v.text(to, "to_unit_code", 16);
    v.throwIfInvalid();
    return tx.inCompany(
        actor,
        t -> {
          Validator units = new Validator();
          Unit a = Records.byCode(t, Unit.class, from.trim()).orElse(null);
          Unit b = Records.byCode(t, Unit.class, to.trim()).orElse(null);
          units.check(a != null, "from_unit_code", "'" + from + "' is not a unit of this company");
          units.check(b != null, "to_unit_code", "'" + to + "' is not a unit of this company");
          units.throwIfInvalid();
          if (a.dimension() != b.dimension()) {
            throw new BusinessRuleException(
                "incompatible_units",
                "Cannot convert "
                    + a.code()
                    + " ("
                    + a.dimension().name().toLowerCase()
                    + ") to "
                    + b.code()
                    + " ("
                    + b.dimension().name().toLowerCase()
                    + ").");
          }
          BigDecimal base = q.multiply(a.factorToBase());
          BigDecimal exact;
          try {
            exact = base.divide(b.factorToBase());
          } catch (ArithmeticException nonTerminating) {
            exact = base.divide(b.factorToBase(), QUANTITY_SCALE, RoundingMode.HALF_EVEN);
          }
          BigDecimal r = exact.stripTrailingZeros();
          if (r.scale() > QUANTITY_SCALE) {
            r = r.setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
          }
          return r.scale() < 0 ? r.setScale(0) : r;
        });
  }
}
