package io.millstone.client.core;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.text.Font;

/**
 * Bangla text has a font on any PC: Noto Sans Bengali (SIL Open Font License, from the Noto project
 * through the npm registry's {@code @expo-google-fonts/noto-sans-bengali}) is bundled with the
 * client, regular and bold, so screens look the same everywhere. A system Bengali font is used only
 * if the bundled one cannot be read.
 */
public final class Fonts {
  /** The bundled faces, in the order they are loaded (the first names the family). */
  static final List<String> BUNDLED =
      List.of("fonts/NotoSansBengali-Regular.ttf", "fonts/NotoSansBengali-Bold.ttf");

  private static final List<String> SYSTEM =
      List.of(
          "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
          "/usr/share/fonts/opentype/noto/NotoSansBengali-Regular.ttf",
          "/usr/share/fonts/truetype/lohit-bengali/Lohit-Bengali.ttf",
          "C:\\Windows\\Fonts\\Nirmala.ttf",
          "/System/Library/Fonts/Supplemental/Bangla Sangam MN.ttc");
  private static String bengaliFamily;
  private static boolean bundled;

  private Fonts() {}

  /** The family of the Bengali font, or null when there is none at all. Loads it once. */
  public static synchronized String bengaliFamily() {
    if (bengaliFamily == null) {
      for (String resource : BUNDLED) {
        try (InputStream in = Fonts.class.getResourceAsStream("/io/millstone/client/" + resource)) {
          Font f = in == null ? null : Font.loadFont(in, 13);
          if (f != null && bengaliFamily == null) {
            bengaliFamily = f.getFamily();
            bundled = true;
          }
        } catch (Exception e) {
          // the system fonts below
        }
      }
      for (String p : SYSTEM) {
        if (bengaliFamily != null) {
          break;
        }
        Path path = Path.of(p);
        if (Files.isReadable(path)) {
          try (InputStream in = Files.newInputStream(path)) {
            Font f = Font.loadFont(in, 13);
            if (f != null) {
              bengaliFamily = f.getFamily();
            }
          } catch (Exception e) {
            // try the next one
          }
        }
      }
    }
    return bengaliFamily;
  }

  /** Whether the Bangla font in use is the one shipped with the client. */
  public static synchronized boolean bundledBengali() {
    bengaliFamily();
    return bundled;
  }
}
