package io.millstone.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.millstone.api.accounting.v1.LedgerServiceGrpc;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every call in the contracts is reachable by the people it is for: each RPC of every service in
 * the proto module has a caller in the desktop client — a stub call in the {@code remote} package
 * whose method is used, directly or through the remote package, by a class outside it (a view
 * model, a screen, the shell). Read from the compiled classes, so a call in a comment or a dead
 * method does not count.
 */
class ContractCoverageTest {
  /**
   * The only calls the client is not meant to make, each with whose it is. Nothing else may be
   * added here: a call nobody can reach is a defect.
   */
  static final Map<String, String> NOT_FOR_THE_CLIENT =
      Map.of(
          // The edge agent enrols itself on a floor PC with the one-time token an admin created
          // in the client's Floor PCs screen.
          "millstone.telemetry.v1.EnrollmentService/Enroll", "edge agent",
          // The edge agent's stream of machine readings.
          "millstone.telemetry.v1.UplinkService/Stream", "edge agent");

  private static final String REMOTE = "io.millstone.client.remote";

  @Test
  void everyMethodInTheContractsHasACallerInTheClient() throws Exception {
    // Only the client's own classes are needed (calls name their targets without loading them).
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    JavaClasses client;
    try {
      config.setResolveMissingDependenciesFromClassPath(false);
      client =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("io.millstone.client");
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
    Set<String> called = reachedStubMethods(client);

    Set<String> unreached = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    for (ServiceDescriptor service : services()) {
      for (MethodDescriptor<?, ?> m : service.getMethods()) {
        String full = m.getFullMethodName();
        all.add(full);
        String stubMethod = lowerCamel(m.getBareMethodName());
        if (!called.contains(service.getName() + "/" + stubMethod)
            && !NOT_FOR_THE_CLIENT.containsKey(full)) {
          unreached.add(full);
        }
      }
    }
    assertThat(all).as("the contracts' methods were found").hasSizeGreaterThan(100);
    assertThat(all).containsAll(NOT_FOR_THE_CLIENT.keySet());
    assertThat(unreached).as("methods no screen of the client can reach").isEmpty();
  }

  /**
   * "service/stubMethod" for every stub call in the remote package whose enclosing method is
   * reached from outside the remote package, directly or through other remote methods.
   */
  static Set<String> reachedStubMethods(JavaClasses client) {
    record Site(String service, String method, String remoteKey) {}
    List<Site> sites = new ArrayList<>();
    // Calls into the remote package: "owner#method", owner being the class or interface called.
    Set<String> entries = new HashSet<>();
    // Calls inside the remote package: caller "class#method" -> callee "owner#method".
    List<String[]> inner = new ArrayList<>();
    for (JavaClass c : client) {
      boolean remote = c.getPackageName().startsWith(REMOTE);
      for (JavaAccess<?> access : accesses(c)) {
        AccessTarget target = access.getTarget();
        JavaClass owner = target.getOwner();
        String ownerName = owner.getName();
        if (remote && ownerName.contains("Grpc$") && ownerName.endsWith("Stub")) {
          sites.add(
              new Site(
                  serviceName(owner), target.getName(), key(c, enclosing(access.getOrigin()))));
        } else if (!remote) {
          entries.add(ownerName + "#" + target.getName());
        } else {
          inner.add(
              new String[] {key(c, enclosing(access.getOrigin())), key(owner, target.getName())});
        }
      }
    }
    Set<String> reached = new HashSet<>();
    for (JavaClass c : client) {
      if (!c.getPackageName().startsWith(REMOTE)) {
        continue;
      }
      for (var m : c.getMethods()) {
        if (entries.contains(c.getName() + "#" + m.getName())
            || c.getAllRawInterfaces().stream()
                .anyMatch(i -> entries.contains(i.getName() + "#" + m.getName()))) {
          reached.add(key(c, m.getName()));
        }
      }
    }
    // Remote methods used by reached remote methods (a sign-in calling the session's WhoAmI).
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String[] call : inner) {
        if (reached.contains(call[0]) && reached.add(call[1])) {
          grew = true;
        }
      }
    }
    Set<String> called = new HashSet<>();
    for (Site s : sites) {
      if (reached.contains(s.remoteKey())) {
        called.add(s.service() + "/" + s.method());
      }
    }
    return called;
  }

  private static Stream<JavaAccess<?>> accessStream(JavaClass c) {
    return Stream.concat(
        c.getMethodCallsFromSelf().stream(), c.getMethodReferencesFromSelf().stream());
  }

  private static List<JavaAccess<?>> accesses(JavaClass c) {
    return accessStream(c).toList();
  }

  /** The method a call sits in; a lambda's body counts as the method that declares it. */
  static String enclosing(com.tngtech.archunit.core.domain.JavaCodeUnit origin) {
    String name = origin.getName();
    if (name.startsWith("lambda$")) {
      int end = name.indexOf('$', "lambda$".length());
      return end < 0 ? name : name.substring("lambda$".length(), end);
    }
    return name;
  }

  private static String key(JavaClass c, String method) {
    String owner = c.getName();
    int nested = owner.indexOf('$');
    return (nested < 0 ? owner : owner.substring(0, nested)) + "#" + method;
  }

  /** The full service name a generated stub belongs to, from its outer XxxGrpc class. */
  private static String serviceName(JavaClass stub) {
    String outer = stub.getName().substring(0, stub.getName().indexOf('$'));
    try {
      return ((ServiceDescriptor)
              Class.forName(outer).getMethod("getServiceDescriptor").invoke(null))
          .getName();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(outer, e);
    }
  }

  /**
   * Every gRPC service generated from the contracts: the XxxGrpc classes in the proto module's jar
   * (or its classes directory when run from the reactor).
   */
  static List<ServiceDescriptor> services() throws Exception {
    Path where =
        Path.of(
            LedgerServiceGrpc.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> files = Files.walk(where)) {
        files
            .map(f -> where.relativize(f).toString().replace(File.separatorChar, '/'))
            .forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(where.toFile())) {
        jar.stream().map(JarEntry::getName).forEach(names::add);
      }
    }
    List<ServiceDescriptor> services = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith("io/millstone/api/") && name.endsWith("Grpc.class")) {
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        services.add(
            (ServiceDescriptor)
                Class.forName(className).getMethod("getServiceDescriptor").invoke(null));
      }
    }
    return services;
  }

  private static String lowerCamel(String rpc) {
    return Character.toLowerCase(rpc.charAt(0)) + rpc.substring(1);
  }
}
