package io.millstone.client.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a refusal's field violations go on a document form: {@code lines[i]...} to line {@code i}'s
 * error, named fields ({@code customer_code}, {@code supplier_code}) to theirs, and what has no
 * place on the form into the form's message. Written once for the sales and purchasing forms.
 */
public final class FieldErrors {
  private FieldErrors() {}

  /**
   * Routes the violations of {@code r}.
   *
   * @param lineCount how many lines were sent; a violation of a line beyond them goes to the
   *     message
   * @param line the error setter of line {@code i}
   * @param fields error setters by field name
   * @return the violations that have no place on the form, in the server's order
   */
  public static List<String> route(
      RemoteException r,
      int lineCount,
      IntFunction<Consumer<String>> line,
      Map<String, Consumer<String>> fields) {
    return route(r, "lines", lineCount, line, fields);
  }

  /**
   * {@link #route} for a request whose rows are another repeated field than {@code lines} (a
   * payment run's {@code payments}, a permit batch's {@code permits}).
   */
  public static List<String> route(
      RemoteException r,
      String rows,
      int lineCount,
      IntFunction<Consumer<String>> line,
      Map<String, Consumer<String>> fields) {
    Pattern row = Pattern.compile(Pattern.quote(rows) + "\\[(\\d+)]\\.?(.*)");
    List<String> elsewhere = new ArrayList<>();
    for (Map.Entry<String, String> v : r.fieldViolations().entrySet()) {
      Matcher m = row.matcher(v.getKey());
      if (m.matches() && Integer.parseInt(m.group(1)) < lineCount) {
        line.apply(Integer.parseInt(m.group(1))).accept(v.getValue());
      } else if (fields.containsKey(v.getKey())) {
        fields.get(v.getKey()).accept(v.getValue());
      } else {
        elsewhere.add(v.getValue());
      }
    }
    return elsewhere;
  }

  /**
   * The form's message after {@link #route}: "fix the fields marked" when every violation found a
   * place, else what did not (or the refusal's own message if it named no field).
   */
  public static String message(RemoteException r, List<String> elsewhere, String fixFields) {
    return elsewhere.isEmpty() && !r.fieldViolations().isEmpty()
        ? fixFields
        : String.join(" ", elsewhere.isEmpty() ? List.of(r.getMessage()) : elsewhere);
  }
}
