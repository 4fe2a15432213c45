package io.millstone.server.papers.supply;

import io.millstone.server.papers.Letterhead;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What each supply paper prints, read in one transaction of the caller's company. */
final class SupplyRecords {
  private SupplyRecords() {}

  /** A supplier or grower: who the paper is addressed to. */
  record Party(String code, String name, String address, String phone, String bin) {}

  record OrderLine(
      int lineNo,
      String itemCode,
      String itemName,
      String unit,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal net,
      BigDecimal vat) {}

  record PurchaseOrder(
      Letterhead company,
      String number,
      LocalDate date,
      String state,
      Party supplier,
      String note,
      List<OrderLine> lines,
      BigDecimal net,
      BigDecimal vat,
      BigDecimal gross,
      String raisedBy,
      String approvedBy) {}

  record ReceiptLine(
      int lineNo,
      String itemCode,
      String itemName,
      String unit,
      String lot,
      BigDecimal ordered,
      BigDecimal received,
      BigDecimal unitPrice,
      BigDecimal value) {}

  record GoodsReceipt(
      Letterhead company,
      String number,
      LocalDate date,
      String orderNumber,
      LocalDate orderDate,
      Party supplier,
      String warehouseCode,
      String warehouseName,
      List<ReceiptLine> lines,
      BigDecimal value,
      String postedBy) {}

  record Ticket(
      Letterhead company,
      String number,
      LocalDate date,
      String state,
      String growerNumber,
      Party grower,
      String village,
      String permitNumber,
      BigDecimal quotaQuintals,
      String centreCode,
      String centreName,
      String vehicle,
      BigDecimal grossKg,
      String grossSource,
      Instant weighedInAt,
      String weighedInBy,
      BigDecimal tareKg,
      String tareSource,
      Instant weighedOutAt,
      String weighedOutBy,
      BigDecimal netKg,
      BigDecimal overQuotaKg,
      BigDecimal pricePerQuintal,
      BigDecimal value,
      String voidReason) {}

  /** One load on a cane bill. */
  record BillLoad(
      String ticketNumber,
      LocalDate date,
      String vehicle,
      BigDecimal grossKg,
      BigDecimal tareKg,
      BigDecimal netKg,
      BigDecimal pricePerQuintal,
      BigDecimal value) {}

  /** A loan recovered by a cane bill. */
  record Deduction(String loanNumber, String kind, LocalDate loanDate, BigDecimal amount) {}

  record CaneBill(
      Letterhead company,
      String number,
      LocalDate billDate,
      String seasonCode,
      String seasonName,
      LocalDate from,
      LocalDate to,
      String state,
      String growerNumber,
      Party grower,
      String village,
      List<BillLoad> loads,
      BigDecimal grossKg,
      BigDecimal tareKg,
      BigDecimal netKg,
      BigDecimal caneValue,
      List<Deduction> deductions,
      BigDecimal deducted,
      BigDecimal netPayable,
      BigDecimal paid) {}
}
