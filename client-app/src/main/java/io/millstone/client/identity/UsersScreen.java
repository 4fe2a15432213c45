package io.millstone.client.identity;

import io.millstone.api.identity.v1.User;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.list.ColumnSpec;
import io.millstone.client.core.list.ListViewModel;
import io.millstone.client.core.list.PageSource;
import io.millstone.client.core.list.PagedTableView;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;

/** The company's users: a read-only list filtered by username or display name. */
public final class UsersScreen {
  public static final String ID = "users";
  public static final String PERMISSION = "identity.users.read";

  private UsersScreen() {}

  static List<ColumnSpec<User>> columns() {
    return List.of(
        new ColumnSpec<>("username", "users.username", User::getUsername, null, 180),
        new ColumnSpec<>("displayName", "users.displayName", User::getDisplayName, null, 240),
        new ColumnSpec<>(
            "roles", "users.roles", u -> String.join(", ", u.getRolesList()), null, 200),
        new ColumnSpec<>("active", "users.active", u -> u.getActive() ? "✓" : "", null, 80));
  }

  public static ScreenDefinition definition(ScreenContext ctx, PageSource<User> users) {
    return new ScreenDefinition(
        ID,
        "screen.users",
        "domain.admin",
        PERMISSION,
        Material2AL.GROUP,
        filter -> {
          ListViewModel<User> vm =
              new ListViewModel<>(
                  ID, users, null, columns(), ctx.executor(), ctx.messages(), ctx.notifier());
          vm.filterProperty().set(filter);
          PagedTableView<User> view =
              new PagedTableView<>(
                  vm, ctx.messages(), ctx.dialogs(), ctx.widths(), false, ctx.owner());
          vm.refresh();
          return view;
        });
  }
}
