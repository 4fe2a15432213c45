package io.millstone.server.cli;

import io.millstone.server.platform.Actor;
import io.millstone.server.telemetry.DeviceAdmin;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code create-device}: registers an edge agent's device and prints its one-time enrolment token,
 * for admins who set up a floor PC from the server's shell (the same as
 * DeviceService.CreateDevice).
 */
@Command(
    name = "create-device",
    description =
        "Register an edge agent's device in a company and print its one-time enrolment token"
            + " (valid 24 hours; give it to millstone-agent enroll).")
final class CreateDevice implements Callable<Integer> {
  @Mixin ServerCli.ConfigOption configOption;

  @Option(names = "--company", required = true, description = "Company id.")
  UUID company;

  @Option(
      names = "--name",
      required = true,
      description = "The device's name, unique in the company (e.g. floor-pc-1).")
  String name;

  @Override
  public Integer call() throws Exception {
    DeviceAdmin.Created created =
        ServerCli.withServices(
            configOption.load(),
            s ->
                s.deviceAdmin()
                    .create(Actor.system(company, "cli"), "cli-" + UUID.randomUUID(), name));
    System.out.println(
        "Created device "
            + created.device().name()
            + " ("
            + created.device().id()
            + "); enrolment token, valid until "
            + created.expiresAt()
            + ":");
    System.out.println(created.enrollmentToken());
    return 0;
  }
}
