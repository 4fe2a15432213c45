package io.millstone.server.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keyset page tokens: the sort key of the last row sent, opaque to the client. Keyset paging stays
 * fast however deep the client scrolls, and rows added meanwhile never repeat or vanish.
 */
public final class PageToken {
  private static final char SEP = '\u001f';

  private PageToken() {}

  public static String encode(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(String.valueOf(SEP), parts).getBytes(StandardCharsets.UTF_8));
  }

  /** The parts, an empty list for the first page, or null if the token is not well-formed. */
  public static List<String> decode(String token, int parts) {
    if (token == null || token.isEmpty()) {
      return List.of();
    }
    if (token.length() > 1000) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] p = s.split(String.valueOf(SEP), -1);
      return p.length == parts ? Arrays.asList(p) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
