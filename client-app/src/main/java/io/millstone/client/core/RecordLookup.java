package io.millstone.client.core;

import java.util.List;

/**
 * One kind of record the command palette can find by typing and open in its form: items, customers,
 * … Belongs to the screen {@code screenId}, so the palette offers it only where that screen may be
 * opened.
 */
public interface RecordLookup {

  /** A record found: what the palette shows, and how to open it (on the UI thread). */
  record Hit(String label, String kind, Runnable open) {}

  String screenId();

  /**
   * At most {@code limit} records matching the quick filter {@code text}. Blocks on the server;
   * called off the UI thread.
   */
  List<Hit> find(String text, int limit) throws Exception;
}
