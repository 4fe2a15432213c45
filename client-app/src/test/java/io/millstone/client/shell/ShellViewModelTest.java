package io.millstone.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.millstone.client.core.Messages;
import io.millstone.client.core.ScreenDefinition;
import io.millstone.client.remote.ConnectionState;
import io.millstone.client.support.DirectExecutor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2AL;

class ShellViewModelTest {
  private static ScreenDefinition screen(String id, String permission) {
    return new ScreenDefinition(
        id, "screen." + id, "domain.masterdata", permission, Material2AL.ADD, f -> null);
  }

  private final List<ScreenDefinition> all =
      List.of(
          screen("items", "masterdata.items.read"),
          screen("customers", "masterdata.customers.read"),
          screen("users", "identity.users.read"));

  private ShellViewModel vm(Messages m, String... permissions) {
    return new ShellViewModel(
        new ShellViewModel.Context("127.0.0.1:50051", "Admin", "Mill", Set.of(permissions)),
        all,
        new DirectExecutor(),
        m);
  }

  @Test
  void onlyScreensTheSessionMayReadAreOffered() {
    ShellViewModel vm = vm(new Messages(Messages.ENGLISH), "masterdata.customers.read");

    assertThat(vm.screens()).extracting(ScreenDefinition::id).containsExactly("customers");
    assertThat(vm.canOpen("items")).isFalse();
  }

  @Test
  void thePaletteFindsAScreenByPartOfItsName() {
    ShellViewModel vm =
        vm(new Messages(Messages.ENGLISH), "masterdata.items.read", "masterdata.customers.read");

    List<ShellViewModel.PaletteEntry> found = vm.palette("cust");

    assertThat(found.get(0))
        .isEqualTo(new ShellViewModel.PaletteEntry("Customers", "customers", ""));
  }

  @Test
  void thePaletteOffersToFindTypedTextInEveryList() {
    ShellViewModel vm = vm(new Messages(Messages.ENGLISH), "masterdata.items.read");

    assertThat(vm.palette("SUG-L30"))
        .contains(new ShellViewModel.PaletteEntry("Find “SUG-L30” in Items", "items", "SUG-L30"));
  }

  @Test
  void thePaletteFindsScreensByTheirBanglaNames() {
    ShellViewModel vm = vm(new Messages(Messages.BANGLA), "masterdata.customers.read");

    assertThat(vm.palette("ক্রেতা").get(0).screenId()).isEqualTo("customers");
  }

  @Test
  void aLostConnectionIsShownAsReconnecting() {
    ShellViewModel vm = vm(new Messages(Messages.ENGLISH));

    vm.connectionChanged(ConnectionState.RECONNECTING);

    assertThat(vm.connectionTextProperty().get()).isEqualTo("Connection lost — reconnecting…");
  }
}
