package io.millstone.client.cane;

import io.millstone.api.cane.v1.Weight;
import io.millstone.client.core.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A weight as a mill reads it: kg, quintal (kg / 100) and maund (kg / 37.3242), 4 decimals. */
public final class Weights {
  public static final BigDecimal KG_PER_MAUND = new BigDecimal("37.3242");
  private static final BigDecimal KG_PER_QUINTAL = new BigDecimal("100");

  private Weights() {}

  public static BigDecimal quintal(BigDecimal kg) {
    return kg.divide(KG_PER_QUINTAL, 4, RoundingMode.HALF_UP);
  }

  public static BigDecimal maund(BigDecimal kg) {
    return kg.divide(KG_PER_MAUND, 4, RoundingMode.HALF_UP);
  }

  /** "16,100 kg" grouped the company's way. */
  public static String kg(BigDecimal kg) {
    return kg == null ? "" : Amounts.quantityShown(kg) + " kg";
  }

  public static String kg(Weight w) {
    return w == null || w.getKg().getValue().isBlank() ? "" : kg(Amounts.of(w.getKg().getValue()));
  }

  /** The quintals of a weight at 4 decimals, grouped ("161.0000"). */
  public static String quintalShown(BigDecimal kg) {
    return kg == null ? "" : fixed4(quintal(kg));
  }

  public static String maundShown(BigDecimal kg) {
    return kg == null ? "" : fixed4(maund(kg));
  }

  /** Quintals at one decimal ("12.3"), for a short remark such as an excess over quota. */
  public static String quintalShort(BigDecimal kg) {
    return kg == null ? "" : fixed(kg.divide(KG_PER_QUINTAL, 1, RoundingMode.HALF_UP), 1);
  }

  private static String fixed4(BigDecimal v) {
    return fixed(v, 4);
  }

  private static String fixed(BigDecimal v, int places) {
    // quantityShown strips zeros; a mill reads four places.
    String shown = Amounts.quantityShown(v.setScale(0, RoundingMode.DOWN));
    String fraction = v.setScale(places, RoundingMode.HALF_UP).toPlainString();
    fraction = fraction.substring(fraction.indexOf('.'));
    return shown + io.millstone.client.core.Notation.current().digits(fraction);
  }

  /** A server decimal as a number, or null when unset. */
  public static BigDecimal of(io.millstone.api.common.v1.Decimal d) {
    return d == null || d.getValue().isBlank() ? null : Amounts.of(d.getValue());
  }

  /** The kg a server weight carries, or null when unset. */
  public static BigDecimal kgOf(Weight w) {
    return w == null || w.getKg().getValue().isBlank() ? null : Amounts.of(w.getKg().getValue());
  }
}
