package io.millstone.client.core;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.text.Font;

/**
 * Makes sure Bangla text has a font: loads Noto Sans Bengali (or another Bengali font) from the
 * system so JavaFX can fall back to it. Without one, Bangla shows as boxes but nothing breaks.
 */
public final class Fonts {
  private static final List<String> BENGALI =
      List.of(
          "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
          "/usr/share/fonts/truetype/noto/NotoSansBengali-Bold.ttf",
          "/usr/share/fonts/opentype/noto/NotoSansBengali-Regular.ttf",
          "/usr/share/fonts/truetype/lohit-bengali/Lohit-Bengali.ttf",
          "/usr/share/fonts/truetype/fonts-beng-extra/Mukti.ttf",
          "C:\\Windows\\Fonts\\Nirmala.ttf",
          "/System/Library/Fonts/Supplemental/Bangla Sangam MN.ttc");
  private static String bengaliFamily;

  private Fonts() {}

  /** The family of the first Bengali font found, or null. Loads it once. */
  public static synchronized String bengaliFamily() {
    if (bengaliFamily == null) {
      for (String p : BENGALI) {
        Path path = Path.of(p);
        if (Files.isReadable(path)) {
          try (InputStream in = Files.newInputStream(path)) {
            Font f = Font.loadFont(in, 13);
            if (f != null) {
              bengaliFamily = f.getFamily();
              break;
            }
          } catch (Exception e) {
            // try the next one
          }
        }
      }
    }
    return bengaliFamily;
  }
}
