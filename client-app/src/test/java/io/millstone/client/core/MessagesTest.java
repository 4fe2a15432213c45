package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void everyEnglishTextHasABanglaTranslation() {
    Set<String> en =
        new TreeSet<>(Collections.list(new Messages(Messages.ENGLISH).bundle().getKeys()));
    Set<String> bn =
        new TreeSet<>(Collections.list(new Messages(Messages.BANGLA).bundle().getKeys()));

    assertThat(bn).containsAll(en);
  }

  @Test
  void banglaTextIsReallyBangla() {
    Messages bn = new Messages(Messages.BANGLA);

    assertThat(bn.get("screen.items")).isEqualTo("পণ্য");
    assertThat(bn.get("list.rows", 10_000)).isEqualTo("10,000টি সারি");
  }

  @Test
  void numbersInBanglaTextAreInBanglaDigitsForThoseWhoAskedForThem() {
    Notation.use(Notation.DEFAULT.withBanglaDigits(true));
    try {
      assertThat(new Messages(Messages.BANGLA).get("list.rows", 10_000)).isEqualTo("১০,০০০টি সারি");
    } finally {
      Notation.use(Notation.DEFAULT);
    }
  }

  @Test
  void aTextWithoutArgumentsIsShownAsWrittenSoItHasNoDoubledApostrophe() {
    // Only texts with {0}-style arguments go through MessageFormat, where '' stands for '.
    for (java.util.Locale locale : new java.util.Locale[] {Messages.ENGLISH, Messages.BANGLA}) {
      var bundle = new Messages(locale).bundle();
      for (String key : Collections.list(bundle.getKeys())) {
        String text = bundle.getString(key);
        if (!text.matches("(?s).*\\{\\d.*")) {
          assertThat(text).as(locale + " " + key).doesNotContain("''");
        }
      }
    }
  }

  @Test
  void aMissingKeyIsVisibleRatherThanBlank() {
    assertThat(new Messages(Messages.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
  }
}
