package io.millstone.client.core;

import javafx.scene.Node;

/**
 * Builds a record's side panel (notes, attachments, history) for a screen that shows one record, so
 * the screen need not know the records domain.
 */
@FunctionalInterface
public interface SidePanels {
  /** For screens of a session without the records permission. */
  SidePanels NONE = (kind, id) -> null;

  /** The panel of the record {@code kind}/{@code id}, or null where there is none. */
  Node panel(String kind, String id);
}
