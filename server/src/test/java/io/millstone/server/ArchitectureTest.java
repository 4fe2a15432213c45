package io.millstone.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency rules of the house, checked on the compiled server. */
class ArchitectureTest {
  static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.millstone.server");

  static final String[] DOMAINS = {
    "io.millstone.server.identity..",
    "io.millstone.server.masterdata..",
    "io.millstone.server.inventory..",
    "io.millstone.server.purchasing..",
    "io.millstone.server.cane..",
    "io.millstone.server.sales..",
    "io.millstone.server.production..",
    "io.millstone.server.accounting..",
    "io.millstone.server.telemetry..",
    "io.millstone.server.reporting..",
    "io.millstone.server.notify..",
    "io.millstone.server.records..",
    "io.millstone.server.audit..",
    "io.millstone.server.platform.."
  };

  @Test
  void domainLogicImportsNeitherGrpcNorJavafx() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAINS)
        .and()
        .haveNameNotMatching(".*(GrpcService|Protos)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.grpc..", "javafx..")
        .because("business logic must run and be tested without a transport or a screen")
        .check(SERVER);
  }

  @Test
  void domainLogicDoesNotReachIntoTheGateway() {
    noClasses()
        .that()
        .resideInAnyPackage("io.millstone.server.platform..", "io.millstone.server.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.millstone.server.gateway..", "io.millstone.server.identity..")
        .check(SERVER);
  }

  @Test
  void identityDoesNotDependOnTheDomainsBuiltOnIt() {
    noClasses()
        .that()
        .resideInAPackage("io.millstone.server.identity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.millstone.server.masterdata..",
            "io.millstone.server.inventory..",
            "io.millstone.server.sales..",
            "io.millstone.server.purchasing..",
            "io.millstone.server.accounting..")
        .because("domains depend one way: identity <- masterdata <- inventory <- ...")
        .check(SERVER);
  }

  @Test
  void theBooksDoNotDependOnTheDocumentsThatPostToThem() {
    noClasses()
        .that()
        .resideInAPackage("io.millstone.server.accounting..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.millstone.server.inventory..",
            "io.millstone.server.sales..",
            "io.millstone.server.purchasing..",
            "io.millstone.server.telemetry..")
        .because(
            "masterdata <- accounting <- inventory <- sales, purchasing (docs/architecture.md)")
        .check(SERVER);
  }

  @Test
  void inventoryDoesNotDependOnSalesOrPurchasing() {
    noClasses()
        .that()
        .resideInAPackage("io.millstone.server.inventory..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.millstone.server.sales..", "io.millstone.server.purchasing..")
        .check(SERVER);
  }

  @Test
  void salesAndPurchasingDoNotDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.millstone.server.sales..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.millstone.server.purchasing..")
        .check(SERVER);
    noClasses()
        .that()
        .resideInAPackage("io.millstone.server.purchasing..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.millstone.server.sales..")
        .check(SERVER);
  }

  /**
   * Java's native (de)serialization classes. Spelt in parts so this guard itself does not show up
   * in text searches for their use.
   */
  static final String OBJECT_INPUT = "java.io.Object" + "InputStream";

  static final String OBJECT_OUTPUT = "java.io.Object" + "OutputStream";
  static final String XML_DECODER = "java.beans.XML" + "Decoder";

  @Test
  void sqlReachesItsConnectionOnlyThroughTheTransaction() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.millstone.server.platform..")
        .should()
        .callMethod(org.hibernate.Session.class, "doWork", org.hibernate.jdbc.Work.class)
        .orShould()
        .callMethod(
            org.hibernate.Session.class, "doReturningWork", org.hibernate.jdbc.ReturningWork.class)
        .orShould()
        .callMethod(
            org.hibernate.SharedSessionContract.class, "doWork", org.hibernate.jdbc.Work.class)
        .orShould()
        .callMethod(
            org.hibernate.SharedSessionContract.class,
            "doReturningWork",
            org.hibernate.jdbc.ReturningWork.class)
        .because("one way to a connection: Jdbc.work(tx, ...) (ADR 0021)")
        .check(SERVER);
  }

  @Test
  void nothingUsesJavaNativeSerialization() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(OBJECT_INPUT)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(OBJECT_OUTPUT)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(XML_DECODER)
        .check(SERVER);
  }

  @Test
  void noServerSourceFileMentionsJavaDeserialization() throws IOException {
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      offenders =
          files
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    try {
                      String text = Files.readString(p);
                      return text.contains(OBJECT_INPUT.substring(8))
                          || text.contains(XML_DECODER.substring(11));
                    } catch (IOException e) {
                      return false;
                    }
                  })
              .toList();
    }
    assertThat(offenders).isEmpty();
  }

  /**
   * A file that grows past this holds several documents or concerns; split it as issue 13 split the
   * sales and purchasing desks (ADR 0021).
   */
  static final int MAX_MAIN_SOURCE_LINES = 800;

  @Test
  void noMainSourceFileOfAnyModuleIsLongerThan800Lines() throws IOException {
    List<String> tooLong = new java.util.ArrayList<>();
    int read = 0;
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      for (Path main :
          modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            read++;
            long lines;
            try (Stream<String> l = Files.lines(f)) {
              lines = l.count();
            }
            if (lines > MAX_MAIN_SOURCE_LINES) {
              tooLong.add(f + ": " + lines + " lines");
            }
          }
        }
      }
    }
    assertThat(read).as("main sources of server, client and agent read").isGreaterThan(200);
    assertThat(tooLong).isEmpty();
  }
}
