package io.millstone.client.records;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The records a person opened lately, newest first, at most {@link #MAX}: kept in the client's
 * preferences under a key of the server, company and person, so it follows the person on this PC
 * and costs the server nothing (ADR 0036).
 */
public final class RecentItems {
  public static final int MAX = 12;

  /** One record opened: enough to show it and open it again. */
  public record Item(String kind, String id, String reference, String title) {}

  private final String key;
  private final Function<String, String> read;
  private final BiConsumer<String, String> write;

  /**
   * @param key names the list (server, company and person)
   * @param read reads a preference ("" when absent)
   * @param write stores a preference
   */
  public RecentItems(String key, Function<String, String> read, BiConsumer<String, String> write) {
    this.key = "recent." + key;
    this.read = read;
    this.write = write;
  }

  public List<Item> items() {
    List<Item> out = new ArrayList<>();
    String stored = read.apply(key);
    if (stored == null || stored.isBlank()) {
      return out;
    }
    for (String line : stored.split("\n")) {
      String[] p = line.split("\t", -1);
      if (p.length == 4 && !p[0].isBlank() && !p[1].isBlank()) {
        out.add(new Item(p[0], p[1], p[2], p[3]));
      }
    }
    return out;
  }

  /**
   * Puts {@code item} first, dropping an older entry of the same record and the oldest past MAX.
   */
  public void opened(Item item) {
    List<Item> list = new ArrayList<>(items());
    list.removeIf(i -> i.kind().equals(item.kind()) && i.id().equals(item.id()));
    list.add(0, item);
    StringBuilder out = new StringBuilder();
    for (Item i : list.subList(0, Math.min(MAX, list.size()))) {
      out.append(out.isEmpty() ? "" : "\n")
          .append(clean(i.kind()))
          .append('\t')
          .append(clean(i.id()))
          .append('\t')
          .append(clean(i.reference()))
          .append('\t')
          .append(clean(i.title()));
    }
    write.accept(key, out.toString());
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
  }
}
