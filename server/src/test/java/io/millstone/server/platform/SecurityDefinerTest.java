package io.millstone.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.server.TestPlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Functions that run with the owner's rights find nothing through a schema a caller can write to:
 * each pins its search_path to pg_catalog and pg_temp, pg_temp last.
 */
class SecurityDefinerTest {
  @Test
  void everySecurityDefinerFunctionPinsItsSearchPathWithPgTempLast() throws Exception {
    Map<String, List<String>> paths = new LinkedHashMap<>();
    try (Connection c = TestPlatform.get().database().ownerDataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT p.oid::regprocedure::text,"
                    + " (SELECT substr(s, length('search_path=') + 1)"
                    + "    FROM unnest(p.proconfig) s WHERE s LIKE 'search_path=%')"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE p.prosecdef AND n.nspname = 'public' ORDER BY 1")) {
      while (rs.next()) {
        String path = rs.getString(2);
        paths.put(
            rs.getString(1),
            path == null ? List.of() : Arrays.stream(path.split(",")).map(String::trim).toList());
      }
    }
    assertThat(paths)
        .as("the schema's SECURITY DEFINER functions")
        .containsKeys("find_login_user(text)", "next_document_number(text,text)");
    assertThat(paths)
        .allSatisfy(
            (function, path) ->
                assertThat(path).as(function).containsExactly("pg_catalog", "pg_temp"));
  }
}
