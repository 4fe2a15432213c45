package io.millstone.server.records;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, read from its bytes rather than from its name: a renamed program is still a
 * program. Accepts PDF, PNG, JPEG, UTF-8 plain text and the Office formats (xlsx, docx, pptx).
 */
final class ContentSniffer {
  private ContentSniffer() {}

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";

  static Optional<String> sniff(byte[] b) {
    if (startsWith(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("application/pdf");
    }
    if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of("image/png");
    }
    if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
      return office(b);
    }
    return isText(b) ? Optional.of("text/plain") : Optional.empty();
  }

  /** An Office Open XML file is a zip whose parts sit under word/, xl/ or ppt/. */
  private static Optional<String> office(byte[] b) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
      boolean types = false;
      String kind = null;
      ZipEntry e;
      for (int i = 0; i < 200 && (e = zip.getNextEntry()) != null; i++) {
        String name = e.getName();
        if (name.equals("[Content_Types].xml")) {
          types = true;
        } else if (name.startsWith("word/")) {
          kind = DOCX;
        } else if (name.startsWith("xl/")) {
          kind = XLSX;
        } else if (name.startsWith("ppt/")) {
          kind = PPTX;
        }
        if (types && kind != null) {
          return Optional.of(kind);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** UTF-8 without NUL bytes or control characters other than tab, line breaks and form feed. */
  private static boolean isText(byte[] b) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
              .toString();
      return s.chars()
          .noneMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f');
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
