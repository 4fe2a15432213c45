package io.millstone.server.identity;

import java.security.SecureRandom;

/**
 * One-time passwords an administrator reads out or writes down: 12 characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), in three groups of four (about 69 bits).
 */
final class OneTimePasswords {
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimePasswords() {}

  static String next() {
    StringBuilder b = new StringBuilder(14);
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
