package io.millstone.client.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.api.common.v1.Decimal;
import io.millstone.api.identity.v1.Company;
import io.millstone.api.identity.v1.ResetPasswordResponse;
import io.millstone.api.identity.v1.Role;
import io.millstone.api.identity.v1.UpdateCompanyRequest;
import io.millstone.api.identity.v1.User;
import io.millstone.api.identity.v1.WhoAmIResponse;
import io.millstone.api.purchasing.v1.PurchasingSettings;
import io.millstone.client.core.Messages;
import io.millstone.client.remote.RemoteException;
import io.millstone.client.support.DirectExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The administration forms without a screen or a server. */
class AdministrationViewModelTest {
  private final Messages messages = new Messages(Messages.ENGLISH);

  /** Remembers what was sent; refuses what a test tells it to. */
  static final class Office implements AdminGateway {
    final List<String> calls = new ArrayList<>();
    RemoteException refuse;
    Company company =
        Company.newBuilder()
            .setName("Mill")
            .setCurrencyCode("BDT")
            .setVatRatePercent(Decimal.newBuilder().setValue("15"))
            .setFiscalYearStartMonth(7)
            .setTimeZone("Asia/Dhaka")
            .setDateFormat("dd/MM/yyyy")
            .setVersion(3)
            .build();
    PurchasingSettings purchasing =
        PurchasingSettings.newBuilder()
            .setApprovalThreshold(Decimal.newBuilder().setValue("500000.0000"))
            .setPriceTolerancePercent(Decimal.newBuilder().setValue("2"))
            .build();
    UpdateCompanyRequest lastUpdate;

    private void check(String call) throws RemoteException {
      calls.add(call);
      if (refuse != null) {
        throw refuse;
      }
    }

    private static User user(String name, List<String> roles) {
      return User.newBuilder()
          .setId("id-" + name)
          .setUsername(name)
          .setDisplayName("Name " + name)
          .addAllRoles(roles)
          .setActive(true)
          .build();
    }

    @Override
    public User createUser(
        String username, String displayName, String password, List<String> roles, boolean once)
        throws RemoteException {
      check("create " + username + " " + roles + " " + once);
      return user(username, roles).toBuilder().setMustChangePassword(once).build();
    }

    User stored;

    @Override
    public User user(String id) {
      calls.add("get " + id);
      return stored;
    }

    @Override
    public User updateRoles(String id, List<String> roles, long version) throws RemoteException {
      check("roles " + id + " " + roles);
      return user(id.substring(3), roles);
    }

    @Override
    public User deactivate(String id, long version) throws RemoteException {
      check("deactivate " + id);
      return user(id.substring(3), List.of()).toBuilder().setActive(false).build();
    }

    @Override
    public ResetPasswordResponse resetPassword(String id) throws RemoteException {
      check("reset " + id);
      return ResetPasswordResponse.newBuilder()
          .setUser(user(id.substring(3), List.of("sales")))
          .setOneTimePassword("abcd-efgh-jkmn")
          .build();
    }

    @Override
    public List<Role> roles() throws RemoteException {
      return List.of(
          Role.newBuilder().setCode("admin").setName("Administrator").build(),
          Role.newBuilder().setCode("sales").setName("Sales office").build());
    }

    @Override
    public WhoAmIResponse whoAmI() {
      return WhoAmIResponse.newBuilder()
          .setUser(user("me", List.of("sales")))
          .addPermissions("sales.read")
          .build();
    }

    @Override
    public int changePassword(String current, String next) throws RemoteException {
      check("password");
      return 2;
    }

    @Override
    public Company company() {
      return company;
    }

    @Override
    public Company updateCompany(UpdateCompanyRequest request) throws RemoteException {
      check("company");
      lastUpdate = request;
      company =
          company.toBuilder()
              .setBin(request.getBin())
              .setDateFormat(request.getDateFormat())
              .setCreditPolicy(request.getCreditPolicy())
              .setVersion(company.getVersion() + 1)
              .build();
      return company;
    }

    @Override
    public PurchasingSettings purchasingSettings() {
      return purchasing;
    }

    @Override
    public PurchasingSettings updatePurchasingSettings(PurchasingSettings s)
        throws RemoteException {
      check("purchasing " + s.getApprovalThreshold().getValue());
      purchasing = s;
      return s;
    }
  }

  private final Office office = new Office();

  @Test
  void aNewUserIsSentWithTheTickedRolesAndTheFormThenShowsThem() {
    UsersViewModel vm = new UsersViewModel(office, new DirectExecutor(), messages);
    vm.loadRoles(() -> {});
    vm.usernameProperty().set(" rahim ");
    vm.displayNameProperty().set("Rahim");
    vm.passwordProperty().set("long enough password");
    vm.roles().get("sales").set(true);

    vm.create();

    assertThat(office.calls).containsExactly("create rahim [sales] true");
    assertThat(vm.editingProperty().get()).isTrue();
    assertThat(vm.noticeProperty().get()).isEqualTo("User rahim created.");
    assertThat(vm.getMessage()).isEmpty();
  }

  @Test
  void theServersComplaintsGoBesideTheirFieldsRolesIncluded() {
    UsersViewModel vm = new UsersViewModel(office, new DirectExecutor(), messages);
    vm.loadRoles(() -> {});
    office.refuse =
        new RemoteException(
            RemoteException.Kind.INVALID_INPUT,
            "bad",
            "",
            Map.of("password", "must be at least 10 characters", "roles[0]", "'x' is not a role"));

    vm.create();

    assertThat(vm.error("password").get()).isEqualTo("must be at least 10 characters");
    assertThat(vm.error("roles").get()).isEqualTo("'x' is not a role");
    assertThat(vm.getMessage()).isEqualTo(messages.get("form.fixFields"));
    assertThat(vm.noticeProperty().get()).isEmpty();
  }

  @Test
  void aResetShowsTheOneTimePasswordUntilAnotherUserIsChosen() {
    UsersViewModel vm = new UsersViewModel(office, new DirectExecutor(), messages);
    vm.loadRoles(() -> {});
    vm.select(Office.user("karim", List.of("sales")));
    assertThat(vm.roles().get("sales").get()).isTrue();
    assertThat(vm.roles().get("admin").get()).isFalse();

    vm.resetPassword();

    assertThat(office.calls).containsExactly("reset id-karim");
    assertThat(vm.oneTimePasswordProperty().get()).isEqualTo("abcd-efgh-jkmn");
    vm.select(Office.user("other", List.of()));
    assertThat(vm.oneTimePasswordProperty().get()).isEmpty();
  }

  @Test
  void openingAUserShowsTheRolesTheServerHasNow() {
    UsersViewModel vm = new UsersViewModel(office, new DirectExecutor(), messages);
    vm.loadRoles(() -> {});
    office.stored = Office.user("karim", List.of("admin")).toBuilder().setVersion(5).build();

    vm.open(Office.user("karim", List.of("sales")));

    assertThat(office.calls).containsExactly("get id-karim");
    assertThat(vm.roles().get("admin").get()).isTrue();
    assertThat(vm.roles().get("sales").get()).isFalse();
    assertThat(vm.selectedProperty().get().getVersion()).isEqualTo(5);
  }

  @Test
  void aRefusalIsShownAsTheServerSaidIt() {
    UsersViewModel vm = new UsersViewModel(office, new DirectExecutor(), messages);
    vm.select(Office.user("me", List.of("admin")));
    office.refuse =
        new RemoteException(
            RemoteException.Kind.BUSINESS_RULE,
            "You cannot deactivate your own account; ask another administrator.");

    vm.deactivate();

    assertThat(vm.getMessage()).contains("your own account");
    assertThat(vm.editingProperty().get()).isTrue();
  }

  @Test
  void twoDifferentNewPasswordsAreNotSent() {
    ChangePasswordViewModel vm =
        new ChangePasswordViewModel(office::changePassword, new DirectExecutor(), messages);
    vm.currentProperty().set("old password here");
    vm.nextProperty().set("new password one");
    vm.repeatProperty().set("new password two");

    vm.change();

    assertThat(office.calls).isEmpty();
    assertThat(vm.error("repeat").get()).isEqualTo(messages.get("password.mismatch"));
    vm.repeatProperty().set("new password one");
    int[] ended = {-1};
    vm.setOnChanged(n -> ended[0] = n);
    vm.change();
    assertThat(office.calls).containsExactly("password");
    assertThat(ended[0]).isEqualTo(2);
    assertThat(vm.currentProperty().get()).isEmpty();
  }

  @Test
  void companySettingsSendTheThresholdOnlyWhenItChanged() {
    CompanySettingsViewModel vm =
        new CompanySettingsViewModel(office, new DirectExecutor(), messages, true);
    int[] saved = {0};
    vm.setOnSaved(() -> saved[0]++);
    vm.refresh();
    assertThat(vm.nameProperty().get()).isEqualTo("Mill");

    vm.binProperty().set("0001234560101");
    vm.dateFormatProperty().set("yyyy-MM-dd");
    vm.save();
    assertThat(office.calls).containsExactly("company");
    assertThat(office.lastUpdate.getVersion()).isEqualTo(3);
    assertThat(saved[0]).isEqualTo(1);

    vm.thresholdProperty().set("750000");
    vm.save();
    assertThat(office.calls).containsExactly("company", "company", "purchasing 750000");
    assertThat(office.lastUpdate.getVersion()).isEqualTo(4);
    assertThat(office.purchasing.getPriceTolerancePercent().getValue()).isEqualTo("2");

    vm.thresholdProperty().set("lots");
    vm.save();
    assertThat(vm.error("approval_threshold").get()).isNotEmpty();
    assertThat(office.calls).hasSize(3);
  }

  @Test
  void theCreditPolicyShowsAsSavedAndIsSentAsChosen() {
    CompanySettingsViewModel vm =
        new CompanySettingsViewModel(office, new DirectExecutor(), messages, false);
    vm.refresh();
    assertThat(vm.creditPolicyProperty().get()).isEqualTo("REFUSE");
    vm.creditPolicyProperty().set("OFF");
    vm.save();
    assertThat(office.lastUpdate.getCreditPolicy())
        .isEqualTo(io.millstone.api.identity.v1.CreditPolicy.CREDIT_POLICY_OFF);
    vm.refresh();
    assertThat(vm.creditPolicyProperty().get()).isEqualTo("OFF");
  }
}
