package org.latentj.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design card's layering, made executable: examples -> inference -> distributions -> api
 * and never back, no cycles between the modules or between the engine's packages, and the
 * engine's I/O packages ({@code inference.data}, {@code inference.checkpoint}) free of the
 * engine, so they can be read and reused without it.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/org/latentj/testing/"))
        .importPackages("org.latentj");
    // Every module's classes are there, so no rule holds for want of classes.
    for (String name : List.of("org.latentj.tensor.Tensor", "org.latentj.distributions.Normal",
        "org.latentj.inference.training.Svi", "org.latentj.examples.cli.Latentj")) {
      assertThat(classes.contain(name)).as(name).isTrue();
    }
  }

  @Test
  void dependenciesPointOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("api").definedBy("org.latentj.tensor..", "org.latentj.nn..",
            "org.latentj.model..")
        .layer("distributions").definedBy("org.latentj.distributions..")
        .layer("inference").definedBy("org.latentj.inference..")
        .layer("examples").definedBy("org.latentj.examples..")
        .whereLayer("examples").mayNotBeAccessedByAnyLayer()
        .whereLayer("inference").mayOnlyBeAccessedByLayers("examples")
        .whereLayer("distributions").mayOnlyBeAccessedByLayers("inference", "examples")
        .check(classes);
  }

  @Test
  void theModulesAndTheEnginesPackagesHaveNoCycles() {
    slices().matching("org.latentj.(*)..").should().beFreeOfCycles().check(classes);
    slices().matching("org.latentj.inference.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void dataAndCheckpointsUseNothingOfTheEngine() {
    noClasses().that().resideInAnyPackage("org.latentj.inference.data..",
            "org.latentj.inference.checkpoint..")
        .should().dependOnClassesThat().resideInAnyPackage("org.latentj.inference.objectives..",
            "org.latentj.inference.training..", "org.latentj.inference.optim..",
            "org.latentj.inference.guice..", "org.latentj.inference.vae..",
            "org.latentj.inference.evaluation..", "org.latentj.inference.priors..",
            "org.latentj.inference.guides..", "org.latentj.model..",
            "org.latentj.distributions..")
        .check(classes);
  }
}
