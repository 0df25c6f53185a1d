package io.coffer.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module structure of Coffer, enforced.
 *
 * <p>Rules are written for a root package so that they can be shown to catch violations in the
 * fixtures under {@code io.coffer.archfixture}, which are test classes and never part of the build.
 * Rules over modules that have not been built yet pass on empty sets; the fixture tests show they
 * fail once a module breaks them.
 */
class ArchitectureTest {

  private static final String[] LIBRARIES = {"attestation", "policy", "ledger", "fsshield"};
  private static final String[] APPLICATIONS = {"cas", "runtime", "image", "mesh", "cli"};

  /**
   * Test classes of other modules arrive in their test-jars, which the predefined option misses.
   */
  private static final ImportOption NO_TEST_JARS =
      location -> !location.contains("-tests.jar") && !location.contains("/test-classes/");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(NO_TEST_JARS)
          .importPackages("io.coffer");

  private static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackages("io.coffer.archfixture");

  private static String[] packages(String root, String... modules) {
    return Arrays.stream(modules).map(m -> root + "." + m + "..").toArray(String[]::new);
  }

  /** Libraries never depend on the server, the runtime, the image tool, the mesh or the CLI. */
  static ArchRule librariesDoNotDependOnApplications(String root) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages(root, LIBRARIES))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(root, APPLICATIONS))
        .allowEmptyShould(true)
        .because("libraries are reusable on their own and must never reach into the server or CLI");
  }

  /**
   * The one-way dependencies between library modules: attestation, ledger and fsshield stand alone;
   * policy may use attestation's claim types. Extend the map when a module arrives.
   */
  static final Map<String, Set<String>> LIBRARY_DEPENDENCIES =
      Map.of(
          "attestation", Set.of(),
          "ledger", Set.of(),
          "fsshield", Set.of(),
          "policy", Set.of("attestation"));

  static ArchRule librariesDependOnlyOnAllowedModules(String root) {
    ArchCondition<JavaClass> onlyAllowedModules =
        new ArchCondition<>("depend only on the Coffer modules they may use") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            String own = moduleOf(root, item.getPackageName());
            Set<String> allowed = LIBRARY_DEPENDENCIES.getOrDefault(own, Set.of());
            for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
              String target = moduleOf(root, dependency.getTargetClass().getPackageName());
              if (target != null && !target.equals(own) && !allowed.contains(target)) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        };
    return classes()
        .that()
        .resideInAnyPackage(packages(root, LIBRARY_DEPENDENCIES.keySet().toArray(String[]::new)))
        .should(onlyAllowedModules)
        .allowEmptyShould(true)
        .because("dependencies between libraries flow one way: policy -> attestation");
  }

  /** The module a package belongs to ({@code root.<module>...}), or null outside {@code root}. */
  private static String moduleOf(String root, String packageName) {
    if (!packageName.startsWith(root + ".")) {
      return null;
    }
    String rest = packageName.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /**
   * The runtime is handed a configuration and a tag reporter: it never reaches into the CAS or the
   * CLI, so that it can run in a workload's image with nothing but its libraries.
   */
  static ArchRule runtimeStaysOffTheCasAndTheCli(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + ".runtime..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(root + ".cas..", root + ".cli..")
        .allowEmptyShould(true)
        .because("the runtime depends only on libraries (fsshield); the CLI wires it to the CAS");
  }

  /**
   * Only attestation's verifiers build {@code VerifiedClaims}: holding claims must mean that
   * evidence was verified.
   */
  static ArchRule onlyVerifiersBuildClaims(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(root + ".attestation..")
        .should()
        .callMethodWhere(
            JavaCall.Predicates.target(HasName.Predicates.name("builder"))
                .and(
                    JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(
                            HasName.Predicates.name(root + ".attestation.VerifiedClaims")))))
        .allowEmptyShould(true)
        .because("claims that were not produced by a verifier would be forged claims");
  }

  /** Attestation's internal package is not API. */
  static ArchRule attestationInternalsStayInside(String root) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(root + ".attestation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + ".attestation.internal..")
        .allowEmptyShould(true)
        .because("attestation's internal support may change at any time");
  }

  /** No cycles between any two packages. */
  static ArchRule noPackageCycles(String root) {
    return slices()
        .matching(root + ".(**)")
        .should()
        .beFreeOfCycles()
        .because("package cycles hide the architecture");
  }

  @Test
  void production_containsTheLibraries_andNoTestClasses() {
    assertThat(PRODUCTION.contain("io.coffer.ledger.merkle.Hash")).isTrue();
    assertThat(PRODUCTION.contain("io.coffer.cli.Main")).isTrue();
    assertThat(PRODUCTION.contain("io.coffer.ledger.testing.TestVectors")).isFalse();
    assertThat(PRODUCTION.contain("io.coffer.cli.MainTest")).isFalse();
  }

  @Test
  void production_librariesDoNotDependOnApplications() {
    librariesDoNotDependOnApplications("io.coffer").check(PRODUCTION);
  }

  @Test
  void production_librariesDependOnlyOnAllowedModules() {
    librariesDependOnlyOnAllowedModules("io.coffer").check(PRODUCTION);
  }

  @Test
  void production_onlyVerifiersBuildClaims() {
    onlyVerifiersBuildClaims("io.coffer").check(PRODUCTION);
    attestationInternalsStayInside("io.coffer").check(PRODUCTION);
  }

  @Test
  void fixture_claimsBuiltOutsideAttestation_andUseOfItsInternals_areCaught() {
    assertThatThrownBy(() -> onlyVerifiersBuildClaims("io.coffer.archfixture").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.coffer.archfixture.policy.ForgedClaims.forge()")
        .hasMessageNotContaining("fromAVerifier");
    assertThatThrownBy(
            () -> attestationInternalsStayInside("io.coffer.archfixture").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.coffer.archfixture.policy.ForgedClaims.peek");
  }

  @Test
  void production_runtimeStaysOffTheCasAndTheCli() {
    runtimeStaysOffTheCasAndTheCli("io.coffer").check(PRODUCTION);
    assertThat(PRODUCTION.contain("io.coffer.runtime.ConfidentialRun")).isTrue();
  }

  @Test
  void fixture_runtimeDependingOnCli_isCaught() {
    assertThatThrownBy(
            () -> runtimeStaysOffTheCasAndTheCli("io.coffer.archfixture").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.coffer.archfixture.runtime.ServerReachingRuntime");
  }

  @Test
  void production_noPackageCycles() {
    noPackageCycles("io.coffer").check(PRODUCTION);
  }

  @Test
  void fixture_libraryDependingOnCli_isCaught() {
    assertThatThrownBy(
            () -> librariesDoNotDependOnApplications("io.coffer.archfixture").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.coffer.archfixture.ledger.LeakyLedger")
        .hasMessageContaining("io.coffer.archfixture.cli.FixtureCommand");
  }

  @Test
  void fixture_attestationDependingOnPolicy_isCaught_whilePolicyOnAttestationIsAllowed() {
    assertThatThrownBy(
            () -> librariesDependOnlyOnAllowedModules("io.coffer.archfixture").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.coffer.archfixture.attestation.ClaimsUsingPolicy")
        .hasMessageNotContaining("Method <io.coffer.archfixture.policy.");
  }

  @Test
  void fixture_packageCycle_isCaught() {
    assertThatThrownBy(() -> noPackageCycles("io.coffer.archfixture").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining("io.coffer.archfixture.cycle.a.A")
        .hasMessageContaining("io.coffer.archfixture.cycle.b.B");
  }
}
