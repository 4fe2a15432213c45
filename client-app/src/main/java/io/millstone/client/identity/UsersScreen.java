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

/**
 * The company's users filtered by username or display name; with identity.users.manage, the form
 * beside the list creates users, changes roles, deactivates and resets passwords.
 */
public final class UsersScreen {
  public static final String ID = "users";
  public static final String PERMISSION = "identity.users.read";
  public static final String MANAGE = "identity.users.manage";

  private UsersScreen() {}

  static List<ColumnSpec<User>> columns() {
    return List.of(
        new ColumnSpec<>("username", "users.username", User::getUsername, null, 180),
        new ColumnSpec<>("displayName", "users.displayName", User::getDisplayName, null, 240),
        new ColumnSpec<>(
            "roles", "users.roles", u -> String.join(", ", u.getRolesList()), null, 200),
        new ColumnSpec<>("active", "users.active", u -> u.getActive() ? "✓" : "", null, 80),
        new ColumnSpec<>(
            "mustChange",
            "users.mustChange",
            u -> u.getMustChangePassword() ? "✓" : "",
            null,
            120));
  }

  public static ScreenDefinition definition(
      ScreenContext ctx, PageSource<User> users, AdminGateway admin) {
    return new ScreenDefinition(
        ID,
        "screen.users",
        "domain.admin",
        PERMISSION,
        Material2AL.GROUP,
        filter -> {
          ListViewModel<User> list =
              new ListViewModel<>(
                  ID, users, null, columns(), ctx.executor(), ctx.messages(), ctx.notifier());
          list.filterProperty().set(filter);
          PagedTableView<User> table =
              new PagedTableView<>(
                  list, ctx.messages(), ctx.dialogs(), ctx.widths(), false, ctx.owner());
          UsersViewModel form = new UsersViewModel(admin, ctx.executor(), ctx.messages());
          form.setOnChanged(list::refresh);
          list.setOpener(form::open);
          list.setCreator(form::newUser);
          list.refresh();
          return new UsersView(table, form, ctx.messages(), ctx.can(MANAGE), ctx.owner());
        },
        List.of("palette.newUser", "palette.resetPassword"));
  }
}
