package io.millstone.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.millstone.client");
  }

  @Test
  void viewModelsNeverUseViews() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("View")
        .check(classes);
  }

  @Test
  void viewModelsUseNoControlsSoTheyRunWithoutAScreen() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
        .check(classes);
  }

  @Test
  void onlyTheRemotePackageTalksGrpc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.millstone.client.remote..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.grpc..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Grpc")
        .check(classes);
  }

  @Test
  void remoteCallsNeverTouchTheScreen() {
    noClasses()
        .that()
        .resideInAPackage("io.millstone.client.remote..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..")
        .check(classes);
  }
}
