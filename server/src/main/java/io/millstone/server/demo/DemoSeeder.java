package io.millstone.server.demo;

import io.millstone.server.MillstoneServer;
import io.millstone.server.identity.CompanyView;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Creates, once, the demo sugar mill and its users with generated passwords, written to
 * {@code demo-credentials.properties} in the data directory ({@code user=password} lines).
 */
public final class DemoSeeder {
  public static final String COMPANY_NAME = "Sugar Mill Demo Ltd";
  public static final String CREDENTIALS_FILE = "demo-credentials.properties";
  private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** The demo users: username, display name and role. */
  private static final List<String[]> USERS =
      List.of(
          new String[] {"admin", "Demo Administrator", "admin"},
          new String[] {"sales", "Sales Office", "sales"},
          new String[] {"stores", "Stores Keeper", "stores"},
          new String[] {"accounts", "Accounts Office", "accounts"});

  private DemoSeeder() {}

  /** Seeds the demo company if this data directory has none; returns user → password. */
  public static Map<String, String> seed(MillstoneServer server, Path dataDir) throws IOException {
    Path file = dataDir.resolve(CREDENTIALS_FILE);
    Map<String, String> credentials = new LinkedHashMap<>();
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String[] u : USERS) {
        if (p.getProperty(u[0]) != null) {
          credentials.put(u[0], p.getProperty(u[0]));
        }
      }
      return credentials;
    }
    CompanyView company =
        server.companyAdmin().create(CompanySettings.defaults(COMPANY_NAME), "demo");
    Actor actor = Actor.system(company.id(), "demo");
    SecureRandom random = new SecureRandom();
    for (String[] u : USERS) {
      String password = randomPassword(random);
      server
          .userAdmin()
          .create(actor, "demo-user-" + u[0], u[0], u[1], password, List.of(u[2]));
      credentials.put(u[0], password);
    }
    Path tmp = dataDir.resolve(CREDENTIALS_FILE + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("# Demo users of " + COMPANY_NAME + " (company " + company.id() + ")\n");
      for (Map.Entry<String, String> e : credentials.entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return credentials;
  }

  private static String randomPassword(SecureRandom random) {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
