package io.millstone.server.cli;

import io.millstone.server.identity.SessionService;
import io.millstone.server.platform.error.NotFoundException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code unlock-user USERNAME}: lets a user locked out by failed sign-ins in again at once. */
@Command(
    name = "unlock-user",
    description =
        "Clear every sign-in lock of a user (from every address, and the account-wide one);"
            + " audited. Exit 2 if no user has that username.")
final class UnlockUserCommand implements Callable<Integer> {
  @Mixin ServerCli.ConfigOption configOption;

  @Parameters(index = "0", paramLabel = "USERNAME")
  String username;

  @Override
  public Integer call() throws Exception {
    SessionService.UnlockResult r;
    try {
      r =
          ServerCli.withServices(
              configOption.load(), s -> s.sessionService().unlock(username, "cli unlock-user"));
    } catch (NotFoundException e) {
      System.err.println("millstone-server: no user is called " + username + ".");
      return 2;
    }
    System.out.println(
        "Unlocked "
            + username
            + " ("
            + r.userId()
            + "): cleared "
            + r.addressLocks()
            + (r.addressLocks() == 1 ? " lock from one address" : " locks from single addresses")
            + (r.accountLock() ? " and the account-wide lock" : ", no account-wide lock")
            + "; failure counts reset.");
    return 0;
  }
}
