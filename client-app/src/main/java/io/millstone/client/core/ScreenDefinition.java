package io.millstone.client.core;

import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A screen the shell can open: where it sits in the navigation, the permission it needs, and how to
 * build it (given the quick filter to start with, possibly empty). {@code paletteKeys} name more
 * entries the command palette offers for it ("Yesterday's production report"), beside its title.
 */
public record ScreenDefinition(
    String id,
    String titleKey,
    String domainKey,
    String permission,
    Ikon icon,
    Function<String, Node> factory,
    List<String> paletteKeys) {
  public ScreenDefinition {
    paletteKeys = List.copyOf(paletteKeys);
  }

  public ScreenDefinition(
      String id,
      String titleKey,
      String domainKey,
      String permission,
      Ikon icon,
      Function<String, Node> factory) {
    this(id, titleKey, domainKey, permission, icon, factory, List.of());
  }
}
