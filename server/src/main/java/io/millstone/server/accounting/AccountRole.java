package io.millstone.server.accounting;

/**
 * What an account is for in a posting, so documents name the role and not a code. Each role maps to
 * the company's chart; today every company gets the same manufacturing chart (V6), so the mapping
 * is the default chart's code (V6, grown for the season by V15).
 */
public enum AccountRole {
  CASH("1000"),
  BANK("1010"),
  MOBILE_MONEY("1020"),
  RECEIVABLE("1100"),
  GROWER_ADVANCES("1150"),
  RAW_MATERIALS("1200"),
  FINISHED_GOODS("1210"),
  STORES("1220"),
  WORK_IN_PROGRESS("1230"),
  INPUT_VAT("1300"),
  PAYABLE("2000"),
  GOODS_RECEIVED_NOT_BILLED("2010"),
  GROWER_PAYABLE("2020"),
  OUTPUT_VAT("2100"),
  RETAINED_EARNINGS("3100"),
  SALES("4000"),
  BY_PRODUCT_SALES("4010"),
  OTHER_INCOME("4900"),
  COST_OF_GOODS_SOLD("5000"),
  CONSUMABLES_USED("5200"),
  OVERHEADS_ABSORBED("5600"),
  ABNORMAL_PROCESS_LOSS("5700"),
  STOCK_ADJUSTMENTS("5900"),
  ADMINISTRATIVE_EXPENSES("6000");

  private final String code;

  AccountRole(String code) {
    this.code = code;
  }

  /** The account's code in the company's chart. */
  public String code() {
    return code;
  }

  /** The stock account of an item kind. */
  public static AccountRole inventoryOf(String itemKind) {
    return switch (itemKind) {
      case "RAW_MATERIAL" -> RAW_MATERIALS;
      case "FINISHED_GOOD", "BY_PRODUCT" -> FINISHED_GOODS;
      default -> STORES;
    };
  }

  /** The income account of an item kind. */
  public static AccountRole revenueOf(String itemKind) {
    return switch (itemKind) {
      case "BY_PRODUCT" -> BY_PRODUCT_SALES;
      case "SERVICE" -> OTHER_INCOME;
      default -> SALES;
    };
  }
}
