package io.millstone.server.platform.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A piece of a refusal's sentence made of text and values, such as one line of a three-way
 * mismatch, passed as one argument: {@link ErrorMessages} shows each part as it shows an argument
 * (money in the company's grouping), where a string built at the throw site would keep plain
 * amounts. Its own text joins the parts' texts, as the exception's English sentence does.
 */
public record Phrase(List<Object> parts) {
  public Phrase {
    parts = Collections.unmodifiableList(new ArrayList<>(parts));
  }

  /** The parts in order: strings, numbers, {@link io.millstone.server.platform.Money}, dates. */
  public static Phrase of(Object... parts) {
    return new Phrase(Arrays.asList(parts));
  }

  /** The phrases one after the other, {@code separator} between each two. */
  public static Phrase join(String separator, List<?> phrases) {
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < phrases.size(); i++) {
      if (i > 0) {
        parts.add(separator);
      }
      parts.add(phrases.get(i));
    }
    return new Phrase(parts);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    parts.forEach(s::append);
    return s.toString();
  }
}
