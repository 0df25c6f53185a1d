package io.coffer.fsshield;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shield is a library of its own: it uses no other part of Coffer. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.coffer.fsshield");

  @Test
  void fsshield_dependsOnNoOtherCofferModule() {
    noClasses()
        .that()
        .resideInAPackage("io.coffer.fsshield..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.coffer.attestation..",
            "io.coffer.policy..",
            "io.coffer.ledger..",
            "io.coffer.cas..",
            "io.coffer.cli..",
            "io.coffer.runtime..")
        .check(CLASSES);
  }
}
