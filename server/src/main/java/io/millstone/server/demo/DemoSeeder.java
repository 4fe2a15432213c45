package io.millstone.server.demo;

import io.millstone.server.MillstoneServer;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.platform.Actor;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Creates, once, the demo sugar mill and its users with generated passwords, written to {@code
 * demo-credentials.properties} in the data directory ({@code user=password} lines).
 */
public final class DemoSeeder {
  public static final String COMPANY_NAME = "Sugar Mill Demo Ltd";
  public static final String CREDENTIALS_FILE = "demo-credentials.properties";
  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** The demo users: username, display name and role. */
  private static final List<String[]> USERS =
      List.of(
          new String[] {"admin", "Demo Administrator", "admin"},
          new String[] {"sales", "Sales Office", "sales"},
          new String[] {"stores", "Stores Keeper", "stores"},
          new String[] {"accounts", "Accounts Office", "accounts"});

  private DemoSeeder() {}

  /**
   * Seeds the demo company if this data directory has none; returns user → password. Safe to rerun
   * after a crash: the passwords are written first to a pending file, the company is found again by
   * name, and users are created with idempotency keys.
   */
  public static Map<String, String> seed(MillstoneServer server, Path dataDir) throws IOException {
    Path file = dataDir.resolve(CREDENTIALS_FILE);
    Path pending = dataDir.resolve(CREDENTIALS_FILE + ".pending");
    if (Files.exists(file)) {
      return read(file);
    }
    Map<String, String> credentials;
    if (Files.exists(pending)) {
      credentials = read(pending);
    } else {
      credentials = new LinkedHashMap<>();
      SecureRandom random = new SecureRandom();
      for (String[] u : USERS) {
        credentials.put(u[0], randomPassword(random));
      }
      write(pending, credentials, null);
    }
    UUID companyId = findCompany(server).orElse(null);
    if (companyId == null) {
      companyId = server.companyAdmin().create(CompanySettings.defaults(COMPANY_NAME), "demo").id();
    }
    Actor actor = Actor.system(companyId, "demo");
    for (String[] u : USERS) {
      server
          .userAdmin()
          .create(actor, "demo-user-" + u[0], u[0], u[1], credentials.get(u[0]), List.of(u[2]));
    }
    write(file, credentials, companyId);
    Files.deleteIfExists(pending);
    return credentials;
  }

  private static Optional<UUID> findCompany(MillstoneServer server) {
    try (Connection c = server.platform().database().ownerDataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM company WHERE name = ? ORDER BY created_at LIMIT 1")) {
      ps.setString(1, COMPANY_NAME);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot look for the demo company: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] u : USERS) {
      if (p.getProperty(u[0]) != null) {
        out.put(u[0], p.getProperty(u[0]));
      }
    }
    return out;
  }

  private static void write(Path file, Map<String, String> credentials, UUID company)
      throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(
          "# Demo users of "
              + COMPANY_NAME
              + (company == null ? "" : " (company " + company + ")")
              + "\n");
      for (Map.Entry<String, String> e : credentials.entrySet()) {
        w.write(e.getKey() + "=" + e.getValue() + "\n");
      }
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String randomPassword(SecureRandom random) {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
