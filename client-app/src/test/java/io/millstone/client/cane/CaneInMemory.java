package io.millstone.client.cane;

import com.google.protobuf.Timestamp;
import io.millstone.api.cane.v1.CaneBill;
import io.millstone.api.cane.v1.CanePayment;
import io.millstone.api.cane.v1.CanePaymentRun;
import io.millstone.api.cane.v1.Grower;
import io.millstone.api.cane.v1.GrowerLoan;
import io.millstone.api.cane.v1.GrowerPaymentMethod;
import io.millstone.api.cane.v1.GrowerStatement;
import io.millstone.api.cane.v1.Permit;
import io.millstone.api.cane.v1.PermitState;
import io.millstone.api.cane.v1.PurchaseCentre;
import io.millstone.api.cane.v1.ScaleWeight;
import io.millstone.api.cane.v1.Season;
import io.millstone.api.cane.v1.TicketState;
import io.millstone.api.cane.v1.WeighbridgeTicket;
import io.millstone.api.cane.v1.Weight;
import io.millstone.api.cane.v1.WeightSource;
import io.millstone.api.common.v1.Decimal;
import io.millstone.api.common.v1.Money;
import io.millstone.client.core.list.Page;
import io.millstone.client.remote.RemoteException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cane desk in memory, for view-model tests: just enough rules to refuse like the server. */
final class CaneInMemory implements CaneGateway {
  final List<Grower> growers = new ArrayList<>();
  final Map<String, Permit> permits = new LinkedHashMap<>();
  final Map<String, WeighbridgeTicket> tickets = new LinkedHashMap<>();
  final List<CaneBill> bills = new ArrayList<>();
  final List<List<PaymentInput>> runs = new ArrayList<>();
  final List<io.millstone.api.cane.v1.StatementPayment> statementPayments = new ArrayList<>();
  ScaleWeight scale = ScaleWeight.newBuilder().setPresent(false).build();
  int scaleCalls;
  int seq;

  CaneInMemory() {
    growers.add(grower("G-001", "Abdul Karim", "Khetlal"));
    growers.add(grower("G-002", "Rahima Begum", "Akkelpur"));
    growers.add(grower("G-003", "Nurul Islam", "Khetlal"));
  }

  static Grower grower(String number, String name, String village) {
    return Grower.newBuilder()
        .setGrowerNumber(number)
        .setName(name)
        .setVillage(village)
        .setSupplierCode("S-" + number)
        .build();
  }

  static Decimal dec(String v) {
    return Decimal.newBuilder().setValue(v).build();
  }

  static Money money(String v) {
    return Money.newBuilder().setAmount(v).setCurrencyCode("BDT").build();
  }

  static Weight weight(BigDecimal kg) {
    return Weight.newBuilder()
        .setKg(dec(kg.toPlainString()))
        .setQuintal(dec(Weights.quintal(kg).toPlainString()))
        .setMaund(dec(Weights.maund(kg).toPlainString()))
        .build();
  }

  void setScale(String kg, boolean stable) {
    scale =
        ScaleWeight.newBuilder()
            .setMachineCode("WB-GATE")
            .setPresent(true)
            .setStable(stable)
            .setWeight(weight(new BigDecimal(kg)))
            .build();
  }

  Permit permit(String number, String grower, PermitState state) {
    Permit p =
        Permit.newBuilder()
            .setNumber(number)
            .setGrowerNumber(grower)
            .setWarehouseCode("GATE")
            .setState(state)
            .setQuotaQuintals(dec("60"))
            .build();
    permits.put(number, p);
    return p;
  }

  static RemoteException refusal(String reason, String message) {
    return new RemoteException(RemoteException.Kind.BUSINESS_RULE, message, reason, Map.of());
  }

  @Override
  public List<Season> seasons() {
    return List.of(
        Season.newBuilder()
            .setCode("2024-25")
            .addCentres(PurchaseCentre.newBuilder().setWarehouseCode("GATE"))
            .addCentres(PurchaseCentre.newBuilder().setWarehouseCode("KHETLAL"))
            .build());
  }

  @Override
  public Season createSeason(
      String code,
      String name,
      LocalDate start,
      LocalDate end,
      List<CentreInput> c,
      String overQuota,
      String key) {
    return Season.newBuilder()
        .setCode(code)
        .setOverQuota(io.millstone.api.cane.v1.OverQuota.valueOf("OVER_QUOTA_" + overQuota))
        .build();
  }

  @Override
  public Season setPrice(String season, String w, LocalDate from, BigDecimal price) {
    return Season.newBuilder().setCode(season).build();
  }

  @Override
  public List<Grower> growers(String search, String village) {
    return growers.stream()
        .filter(g -> village == null || village.isBlank() || g.getVillage().equals(village))
        .toList();
  }

  @Override
  public Grower createGrower(
      String supplierCode, String number, String village, List<PlotInput> plots, String key) {
    Grower g = grower(number, supplierCode, village);
    growers.add(g);
    return g;
  }

  @Override
  public List<GrowerLoan> loans(String growerNumber) {
    return List.of();
  }

  @Override
  public GrowerLoan recordLoan(
      String g, String kind, BigDecimal amount, LocalDate d, String from, String note, String k) {
    return GrowerLoan.newBuilder()
        .setNumber("LN-1")
        .setGrowerNumber(g)
        .setAmount(money(amount.toPlainString()))
        .setJournalEntryNumber("JV-3")
        .build();
  }

  @Override
  public List<Permit> issuePermits(
      String season, String w, LocalDate date, List<PermitInput> in, String key)
      throws RemoteException {
    Map<String, String> bad = new LinkedHashMap<>();
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).quotaQuintals().compareTo(new BigDecimal("500")) > 0) {
        bad.put("permits[" + i + "].quota_quintals", "At most 500 quintals a day.");
      }
    }
    if (!bad.isEmpty()) {
      throw new RemoteException(
          RemoteException.Kind.INVALID_INPUT, "Bad permits", "INVALID_INPUT", bad);
    }
    List<Permit> out = new ArrayList<>();
    for (PermitInput p : in) {
      out.add(permit("P-" + (++seq), p.growerNumber(), PermitState.PERMIT_STATE_ISSUED));
    }
    return out;
  }

  @Override
  public Page<Permit> permits(
      String w, LocalDate date, String state, String grower, String token, int size) {
    return new Page<>(List.copyOf(permits.values()), "", permits.size());
  }

  @Override
  public Permit cancelPermit(String number, String reason) throws RemoteException {
    Permit p = permits.get(number);
    if (p.getState() == PermitState.PERMIT_STATE_USED) {
      throw refusal("cane_permit_used", "Permit " + number + " was already used by ticket WB-1.");
    }
    Permit c =
        p.toBuilder().setState(PermitState.PERMIT_STATE_CANCELLED).setCancelReason(reason).build();
    permits.put(number, c);
    return c;
  }

  @Override
  public ScaleWeight scaleWeight(String machineCode) {
    scaleCalls++;
    return scale;
  }

  @Override
  public List<WeighbridgeTicket> openTickets(String warehouseCode) {
    return tickets.values().stream()
        .filter(t -> t.getState() == TicketState.TICKET_STATE_OPEN)
        .toList();
  }

  @Override
  public WeighbridgeTicket weighIn(
      String permitNumber,
      String growerNumber,
      String warehouseCode,
      String vehicle,
      BigDecimal grossKg,
      String manualReason,
      String key)
      throws RemoteException {
    Permit p = permits.get(permitNumber);
    if (p == null) {
      throw new RemoteException(
          RemoteException.Kind.NOT_FOUND, "No permit " + permitNumber, "", Map.of());
    }
    if (p.getState() == PermitState.PERMIT_STATE_EXPIRED) {
      throw refusal("CANE.PERMIT_EXPIRED", "Permit " + permitNumber + " expired.");
    }
    if (p.getState() == PermitState.PERMIT_STATE_USED) {
      throw refusal("CANE.PERMIT_USED", "Permit " + permitNumber + " was used.");
    }
    permits.put(permitNumber, p.toBuilder().setState(PermitState.PERMIT_STATE_USED).build());
    WeighbridgeTicket t =
        WeighbridgeTicket.newBuilder()
            .setNumber("WB-" + (++seq))
            .setState(TicketState.TICKET_STATE_OPEN)
            .setPermitNumber(permitNumber)
            .setGrowerNumber(p.getGrowerNumber())
            .setGrowerName("Abdul Karim")
            .setWarehouseCode(warehouseCode)
            .setVehicleNumber(vehicle)
            .setGross(weight(grossKg))
            .setGrossSource(
                manualReason == null
                    ? WeightSource.WEIGHT_SOURCE_SCALE
                    : WeightSource.WEIGHT_SOURCE_MANUAL)
            .setGrossManualReason(manualReason == null ? "" : manualReason)
            .setWeighedInAt(Timestamp.newBuilder().setSeconds(1_700_000_000L))
            .setQuotaQuintals(p.getQuotaQuintals())
            .build();
    tickets.put(t.getNumber(), t);
    return t;
  }

  @Override
  public WeighbridgeTicket weighOut(String number, BigDecimal tareKg, String manualReason)
      throws RemoteException {
    WeighbridgeTicket t = tickets.get(number);
    BigDecimal gross = new BigDecimal(t.getGross().getKg().getValue());
    if (tareKg.compareTo(gross) >= 0) {
      throw refusal("CANE.TARE_NOT_BELOW_GROSS", "The tare must be below the gross.");
    }
    WeighbridgeTicket done =
        t.toBuilder()
            .setState(TicketState.TICKET_STATE_COMPLETED)
            .setTare(weight(tareKg))
            .setTareSource(
                manualReason == null
                    ? WeightSource.WEIGHT_SOURCE_SCALE
                    : WeightSource.WEIGHT_SOURCE_MANUAL)
            .setTareManualReason(manualReason == null ? "" : manualReason)
            .setNet(weight(gross.subtract(tareKg)))
            .setOverQuotaKg(
                dec(
                    gross
                        .subtract(tareKg)
                        .subtract(new BigDecimal("6000"))
                        .max(BigDecimal.ZERO)
                        .toPlainString()))
            .setWeighedOutAt(Timestamp.newBuilder().setSeconds(1_700_000_900L))
            .build();
    tickets.put(number, done);
    return done;
  }

  @Override
  public WeighbridgeTicket voidTicket(String number, String reason, String key)
      throws RemoteException {
    WeighbridgeTicket t = tickets.get(number);
    if (t.getState() != TicketState.TICKET_STATE_OPEN) {
      throw refusal(
          "cane_ticket_void_completed",
          "Ticket "
              + number
              + " was weighed out and its cane received; a completed ticket"
              + " cannot be voided.");
    }
    WeighbridgeTicket v =
        t.toBuilder().setState(TicketState.TICKET_STATE_VOIDED).setVoidReason(reason).build();
    tickets.put(number, v);
    Permit p = permits.get(t.getPermitNumber());
    permits.put(p.getNumber(), p.toBuilder().setState(PermitState.PERMIT_STATE_ISSUED).build());
    return v;
  }

  @Override
  public CaneBill reverseBill(String number, String reason, String key) throws RemoteException {
    CaneBill b = bills.stream().filter(x -> x.getNumber().equals(number)).findFirst().get();
    if (new BigDecimal(b.getPaid().getAmount()).signum() > 0) {
      throw refusal(
          "cane_bill_paid",
          "Bill " + number + " was paid by payment run CPR-1; reverse its payment run first.");
    }
    CaneBill r =
        b.toBuilder()
            .setState(io.millstone.api.cane.v1.CaneBillState.CANE_BILL_STATE_REVERSED)
            .setReverseReason(reason)
            .setReversalEntryNumber("JV-10")
            .setPaid(b.getNetPayable())
            .build();
    bills.set(bills.indexOf(b), r);
    return r;
  }

  @Override
  public CanePaymentRun reverseRun(String number, String reason, String key) {
    for (int i = 0; i < bills.size(); i++) {
      bills.set(i, bills.get(i).toBuilder().setPaid(money("0")).build());
    }
    CanePaymentRun before =
        postedRuns.stream()
            .filter(r -> r.getNumber().equals(number))
            .findFirst()
            .orElse(CanePaymentRun.newBuilder().setNumber(number).build());
    CanePaymentRun reversed =
        before.toBuilder()
            .setState(io.millstone.api.cane.v1.CanePaymentRunState.CANE_PAYMENT_RUN_STATE_REVERSED)
            .setReverseReason(reason)
            .setReversalEntryNumber("JV-11")
            .build();
    postedRuns.replaceAll(r -> r.getNumber().equals(number) ? reversed : r);
    return reversed;
  }

  /** The runs posted, oldest first. */
  final List<CanePaymentRun> postedRuns = new java.util.ArrayList<>();

  @Override
  public List<CanePaymentRun> paymentRuns(String season) {
    return postedRuns.reversed();
  }

  @Override
  public Season setBridgeLimit(String season, String warehouseCode, BigDecimal maxKg) {
    return Season.newBuilder()
        .setCode(season)
        .addCentres(
            PurchaseCentre.newBuilder()
                .setWarehouseCode(warehouseCode)
                .setMaxWeightKg(dec(maxKg.toPlainString())))
        .build();
  }

  @Override
  public List<CaneBill> createBills(
      String season, LocalDate from, LocalDate to, String w, String key) {
    return bills;
  }

  @Override
  public List<CaneBill> unpaidBills(String season) {
    return bills.stream()
        .filter(
            b ->
                new BigDecimal(b.getPaid().getAmount().isBlank() ? "0" : b.getPaid().getAmount())
                        .signum()
                    == 0)
        .toList();
  }

  @Override
  public CanePaymentRun payRun(LocalDate date, List<PaymentInput> payments, String key)
      throws RemoteException {
    runs.add(payments);
    CanePaymentRun.Builder r = CanePaymentRun.newBuilder().setNumber("CPR-1");
    BigDecimal total = BigDecimal.ZERO;
    for (PaymentInput p : payments) {
      CaneBill b =
          bills.stream().filter(x -> x.getNumber().equals(p.billNumber())).findFirst().get();
      total = total.add(new BigDecimal(b.getNetPayable().getAmount()));
      r.addPayments(
          CanePayment.newBuilder()
              .setBillNumber(b.getNumber())
              .setGrowerNumber(b.getGrowerNumber())
              .setGrowerName(b.getGrowerName())
              .setMethod(GrowerPaymentMethod.valueOf("GROWER_PAYMENT_METHOD_" + p.method()))
              .setReference(p.reference())
              .setAmount(b.getNetPayable()));
      bills.set(bills.indexOf(b), b.toBuilder().setPaid(b.getNetPayable()).build());
    }
    CanePaymentRun run =
        r.setNumber("CPR-" + (postedRuns.size() + 1))
            .setTotal(money(total.toPlainString()))
            .setJournalEntryNumber("JV-9")
            .setState(io.millstone.api.cane.v1.CanePaymentRunState.CANE_PAYMENT_RUN_STATE_POSTED)
            .build();
    postedRuns.add(run);
    return run;
  }

  @Override
  public GrowerStatement statement(String growerNumber, String season) {
    return GrowerStatement.newBuilder()
        .setGrower(growers.get(0))
        .addAllPermits(permits.values())
        .addAllTickets(tickets.values())
        .addAllBills(bills)
        .addAllPayments(statementPayments)
        .setCaneValue(money("96600"))
        .setDeducted(money("10000"))
        .setPaid(money("0"))
        .setBalanceOwed(money("86600"))
        .setLoansOutstanding(money("0"))
        .build();
  }
}
