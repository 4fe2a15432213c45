package io.millstone.client.core;

import java.util.function.Function;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A screen the shell can open: where it sits in the navigation, the permission it needs, and how to
 * build it (given the quick filter to start with, possibly empty).
 */
public record ScreenDefinition(
    String id,
    String titleKey,
    String domainKey,
    String permission,
    Ikon icon,
    Function<String, Node> factory) {}
