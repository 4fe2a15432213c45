package io.millstone.client.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.masterdata.v1.Item;
import io.millstone.client.core.Messages;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.support.DirectExecutor;
import io.millstone.client.support.LiveServer;
import io.millstone.server.masterdata.ItemAdmin;
import io.millstone.server.masterdata.model.Item.Kind;
import io.millstone.server.masterdata.model.Item.TaxCategory;
import io.millstone.server.platform.Actor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists, saved searches and export through the real master-data server, without a screen. */
class MasterDataRemoteTest {
  static LiveServer server;
  static String user;
  @TempDir Path dir;
  private final Messages en = new Messages(Messages.ENGLISH);
  private final List<String> notes = new ArrayList<>();

  @BeforeAll
  static void itemsOfOneMill() {
    server = LiveServer.shared();
    UUID company = server.createCompany("Export Mill");
    user = server.createUser(company, server.fresh("stores"), "stores");
    ItemAdmin items = server.server().itemAdmin();
    Actor actor = Actor.system(company, "test");
    for (int i = 0; i < 240; i++) {
      items.create(
          actor,
          null,
          String.format("%s-%03d", i % 2 == 0 ? "MOL" : "BAG", i),
          new ItemAdmin.Input(
              (i % 2 == 0 ? "Molasses, tank " : "Jute bag, lot ") + i,
              i % 2 == 0 ? "t" : "pc",
              Kind.BY_PRODUCT,
              "1500.00",
              "BDT",
              TaxCategory.STANDARD));
    }
  }

  private Session signIn() throws RemoteException {
    return new SignIn(new ChannelFactory(new CertificatePins(dir), (s, f) -> false))
        .signIn(ServerAddress.parse(server.address()), user, LiveServer.PASSWORD.toCharArray());
  }

  private ListViewModel<Item> items(Session s) {
    return new ListViewModel<>(
        "items",
        new Items(s),
        new SavedSearches(s),
        List.of(
            new ColumnSpec<>("code", "items.code", Item::getCode, "code", 100),
            new ColumnSpec<>("name", "items.name", Item::getName, "name", 200)),
        new DirectExecutor(),
        en,
        (t, x) -> notes.add(t + ": " + x));
  }

  @Test
  void exportingTheFilteredListWritesEveryMatchingRowFromTheServer() throws Exception {
    try (Session s = signIn()) {
      ListViewModel<Item> vm = items(s);
      vm.filterProperty().set("name: molasses");
      vm.refresh();
      Path csv = dir.resolve("molasses.csv");

      vm.exportCsv(csv);

      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      assertThat(lines).hasSize(1 + 120);
      assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("MOL-"));
      assertThat(lines.get(1)).isEqualTo("MOL-000,\"Molasses, tank 0\"");
      assertThat(notes).containsExactly("Export finished: 120 rows written to molasses.csv");
      assertThat(vm.getMessage()).isEmpty();
    }
  }

  @Test
  void aSavedSearchFollowsThePersonToTheirNextSession() throws Exception {
    try (Session first = signIn()) {
      ListViewModel<Item> vm = items(first);
      vm.filterProperty().set("code: BAG-1*");
      vm.sortBy("name", true);
      vm.saveCurrentSearch("Bags of lot 1xx");
    }
    try (Session second = signIn()) {
      ListViewModel<Item> vm = items(second);
      vm.refresh();

      assertThat(vm.savedSearches())
          .anySatisfy(
              s -> {
                assertThat(s.name()).isEqualTo("Bags of lot 1xx");
                assertThat(s.filter()).isEqualTo("code: BAG-1*");
                assertThat(s.orderBy()).isEqualTo("-name");
              });
      vm.apply(vm.savedSearches().get(0));
      vm.rows().get(0);
      assertThat(vm.statusProperty().get()).isEqualTo("50 rows");
      assertThat(vm.rows().get(0).getCode()).startsWith("BAG-1");
    }
  }

  @Test
  void anUnknownFilterFieldIsExplainedByTheServer() throws Exception {
    try (Session s = signIn()) {
      ListViewModel<Item> vm = items(s);
      vm.filterProperty().set("colour: red");

      vm.refresh();

      assertThat(vm.getMessage()).contains("colour");
    }
  }
}
