package io.millstone.server.papers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutFontManager;
import org.openpdf.text.pdf.GlyphLayoutManager;

/**
 * The four faces a paper is set in (Noto Sans and Noto Sans Bengali, regular and bold; SIL Open
 * Font License, see fonts/OFL.txt), read from the server's resources once and loaded into each
 * document's {@link GlyphLayoutManager} so Bengali is shaped by the JDK's HarfBuzz.
 */
final class PaperFonts {
  private static final String DIR = "/io/millstone/server/papers/fonts/";
  private static final byte[] LATIN = read("NotoSans-Regular.ttf");
  private static final byte[] LATIN_BOLD = read("NotoSans-Bold.ttf");
  private static final byte[] BENGALI = read("NotoSansBengali-Regular.ttf");
  private static final byte[] BENGALI_BOLD = read("NotoSansBengali-Bold.ttf");

  final BaseFont latin;
  final BaseFont latinBold;
  final BaseFont bengali;
  final BaseFont bengaliBold;

  /** The faces loaded into one document's layout manager. */
  PaperFonts(GlyphLayoutManager glm) {
    latin = load(glm, "NotoSans-Regular.ttf", LATIN);
    latinBold = load(glm, "NotoSans-Bold.ttf", LATIN_BOLD);
    bengali = load(glm, "NotoSansBengali-Regular.ttf", BENGALI);
    bengaliBold = load(glm, "NotoSansBengali-Bold.ttf", BENGALI_BOLD);
  }

  /** Faces outside any document, only to measure text (widths are the same as when printed). */
  static final class Measure {
    static final BaseFont LATIN_M = plain("NotoSans-Regular.ttf", LATIN);
    static final BaseFont LATIN_BOLD_M = plain("NotoSans-Bold.ttf", LATIN_BOLD);
    static final BaseFont BENGALI_M = plain("NotoSansBengali-Regular.ttf", BENGALI);
    static final BaseFont BENGALI_BOLD_M = plain("NotoSansBengali-Bold.ttf", BENGALI_BOLD);

    private Measure() {}

    static BaseFont of(boolean bengali, boolean bold) {
      if (bengali) {
        return bold ? BENGALI_BOLD_M : BENGALI_M;
      }
      return bold ? LATIN_BOLD_M : LATIN_M;
    }

    private static BaseFont plain(String name, byte[] bytes) {
      try {
        return BaseFont.createFont(
            name, BaseFont.IDENTITY_H, BaseFont.NOT_EMBEDDED, true, bytes, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static BaseFont load(GlyphLayoutManager glm, String name, byte[] bytes) {
    try {
      Font f = glm.loadFont(name, new ByteArrayInputStream(bytes), 10);
      return f.getBaseFont();
    } catch (GlyphLayoutFontManager.FontLoadException e) {
      throw new IllegalStateException("font " + name + " did not load", e);
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = PaperFonts.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("font " + name + " is missing from the server's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
