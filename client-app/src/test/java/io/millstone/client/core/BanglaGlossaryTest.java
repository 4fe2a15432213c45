package io.millstone.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One word for one thing in Bangla, on every screen and in every refusal the server sends: a text
 * whose English names a customer says গ্রাহক, never ক্রেতা; and so on for each term below. A person
 * learns a word once and finds it everywhere.
 */
class BanglaGlossaryTest {
  /** The English term, the one Bangla word for it, and the words that must not stand in for it. */
  record Term(String english, String bangla, List<String> never) {}

  static final List<Term> GLOSSARY =
      List.of(
          new Term("customer", "গ্রাহক", List.of("ক্রেতা", "খরিদ্দার", "কাস্টমার")),
          new Term("supplier", "সরবরাহকারী", List.of("বিক্রেতা", "যোগানদার", "সাপ্লায়ার")),
          new Term("warehouse", "গুদাম", List.of("ওয়্যারহাউস")),
          new Term("item", "পণ্য", List.of("আইটেম")),
          new Term("invoice", "চালান", List.of("ইনভয়েস")),
          new Term("grower", "চাষি", List.of("কৃষক")),
          new Term("payment", "পরিশোধ", List.of("পেমেন্ট")),
          new Term("machine", "যন্ত্র", List.of("মেশিন")),
          new Term("user", "ব্যবহারকারী", List.of("ইউজার")));

  /** The client's texts, then the server's refusals (its bundle is on the test class path). */
  static final List<String[]> BUNDLES =
      List.of(
          new String[] {
            "/io/millstone/client/messages.properties",
            "/io/millstone/client/messages_bn.properties"
          },
          new String[] {
            "/io/millstone/server/platform/error/messages.properties",
            "/io/millstone/server/platform/error/messages_bn.properties"
          });

  @Test
  void eachThingHasOneBanglaWordEverywhere() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String[] bundle : BUNDLES) {
      Properties en = load(bundle[0]);
      Properties bn = load(bundle[1]);
      for (String key : en.stringPropertyNames()) {
        String english = en.getProperty(key);
        String bangla = bn.getProperty(key);
        if (bangla == null) {
          continue;
        }
        for (Term t : GLOSSARY) {
          for (String other : t.never()) {
            if (bangla.contains(other)) {
              wrong.add(key + ": \"" + other + "\" where the word is \"" + t.bangla() + "\"");
            }
          }
          if (Pattern.compile("\\b" + t.english() + "s?\\b", Pattern.CASE_INSENSITIVE)
              .matcher(english)
              .find()) {
            checked++;
            if (!bangla.contains(t.bangla())) {
              wrong.add(key + ": \"" + english + "\" has no \"" + t.bangla() + "\": " + bangla);
            }
          }
        }
      }
    }
    assertThat(checked).as("texts naming the glossary's terms").isGreaterThan(100);
    assertThat(wrong).isEmpty();
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BanglaGlossaryTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
