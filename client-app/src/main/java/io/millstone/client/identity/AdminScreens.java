package io.millstone.client.identity;

import io.millstone.api.identity.v1.User;
import io.millstone.client.core.ScreenContext;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.core.list.PageSource;
import java.util.List;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Administration: users, roles, the company's settings, and every person's own account. */
public final class AdminScreens {
  /** Anyone signed in may open a screen that needs this (My account). */
  public static final String AUTHENTICATED = "authenticated";

  public static final String MY_ACCOUNT = "my-account";
  public static final String ROLES = "roles";
  public static final String COMPANY = "company-settings";

  private AdminScreens() {}

  /**
   * @param companyChanged run on the UI thread after the company's settings were saved (dates and
   *     times are shown the new way)
   */
  public static List<ScreenDefinition> definitions(
      ScreenContext ctx, PageSource<User> users, AdminGateway admin, Runnable companyChanged) {
    return List.of(
        UsersScreen.definition(ctx, users, admin),
        new ScreenDefinition(
            ROLES,
            "screen.roles",
            "domain.admin",
            "identity.users.read",
            Material2MZ.SECURITY,
            filter -> {
              RolesViewModel vm = new RolesViewModel(admin, ctx.executor(), ctx.messages());
              vm.refresh();
              return new RolesView(vm, ctx.messages());
            }),
        new ScreenDefinition(
            COMPANY,
            "screen.companySettings",
            "domain.admin",
            "identity.company.manage",
            Material2AL.BUSINESS,
            filter -> {
              CompanySettingsViewModel vm =
                  new CompanySettingsViewModel(
                      admin,
                      ctx.executor(),
                      ctx.messages(),
                      ctx.can("purchasing.read") && ctx.can("purchasing.settings.manage"));
              vm.setOnSaved(companyChanged);
              vm.refresh();
              return new CompanySettingsView(vm, ctx.messages());
            },
            List.of("palette.approvalThreshold")),
        new ScreenDefinition(
            MY_ACCOUNT,
            "screen.myAccount",
            "domain.admin",
            AUTHENTICATED,
            Material2AL.ACCOUNT_CIRCLE,
            filter -> {
              MyAccountViewModel vm = new MyAccountViewModel(admin, ctx.executor(), ctx.messages());
              vm.refresh();
              return new MyAccountView(vm, ctx.messages());
            },
            List.of("palette.changePassword")));
  }
}
