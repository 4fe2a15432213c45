package io.millstone.client.core.list;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where an export goes: the system's save dialog, with the format's file type and a name. UI
 * tests replace the dialog with {@link #use}, since a native dialog cannot be driven.
 */
public final class ExportFiles {
  /** Picks the file an export is saved to, or null when the person cancels. */
  @FunctionalInterface
  public interface Chooser {
    Path choose(Window owner, String title, String initialName, ExportFormat format);
  }

  private static volatile Chooser chooser = ExportFiles::dialog;

  private ExportFiles() {}

  /** Replaces the save dialog (tests); null puts the dialog back. */
  public static void use(Chooser c) {
    chooser = c == null ? ExportFiles::dialog : c;
  }

  public static Path choose(Window owner, String title, String baseName, ExportFormat format) {
    String safe = baseName.replaceAll("[\\\\/:*?\"<>|]", "-").strip();
    return chooser.choose(
        owner, title, (safe.isEmpty() ? "export" : safe) + "." + format.extension(), format);
  }

  private static Path dialog(Window owner, String title, String initialName, ExportFormat format) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.setInitialFileName(initialName);
    fc.getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
    File f = fc.showSaveDialog(owner);
    return f == null ? null : f.toPath();
  }
}
