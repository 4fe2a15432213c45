package io.millstone.server.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The roles and what each grants. They change only with migrations, so they are read once. */
public final class RoleCatalog {

  /** A role and the permissions it grants. */
  public record RoleDefinition(
      String code, String name, String description, Set<String> permissions) {}

  private final Map<String, RoleDefinition> roles;

  private RoleCatalog(Map<String, RoleDefinition> roles) {
    this.roles = roles;
  }

  public static RoleCatalog load(DataSource runtime) {
    Map<String, String[]> meta = new LinkedHashMap<>();
    Map<String, Set<String>> perms = new LinkedHashMap<>();
    try (Connection c = runtime.getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT code, name, description FROM role ORDER BY code")) {
        while (rs.next()) {
          meta.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
          perms.put(rs.getString(1), new TreeSet<>());
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT role_code, permission FROM role_permission")) {
        while (rs.next()) {
          perms.get(rs.getString(1)).add(rs.getString(2));
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the role catalog: " + e, e);
    }
    Map<String, RoleDefinition> roles = new LinkedHashMap<>();
    meta.forEach(
        (code, m) ->
            roles.put(code, new RoleDefinition(code, m[0], m[1], Set.copyOf(perms.get(code)))));
    return new RoleCatalog(Map.copyOf(roles));
  }

  public List<RoleDefinition> all() {
    return roles.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  public boolean exists(String code) {
    return roles.containsKey(code);
  }

  public Set<String> permissionsOf(Collection<String> roleCodes) {
    Set<String> out = new TreeSet<>();
    for (String r : roleCodes) {
      RoleDefinition d = roles.get(r);
      if (d != null) {
        out.addAll(d.permissions());
      }
    }
    return Set.copyOf(out);
  }
}
