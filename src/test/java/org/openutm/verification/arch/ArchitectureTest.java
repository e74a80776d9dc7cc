package org.openutm.verification.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the code keeps. The wall clock: only the clock package reads it or sets a timer (everything else asks
 * org.openutm.verification.clock.SimClock, so a speed above 1 reaches every timer, sleep and "now"). Packages
 * depend one way, layer on layer (packagesDependOneWay).
 */
class ArchitectureTest {
  static final String ROOT = "org.openutm.verification";
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  /** The rules below hold of the whole service, not of an empty import that would pass any rule. */
  @Test
  void theRulesSeeEveryLayer() {
    org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 200, "classes imported: " + classes.size());
    for (String layer : java.util.List.of("core", "clock", "config", "operation", "scenario", "engine", "report",
        "cluster", "session", "http", "cli", "emulator")) {
      org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage(ROOT + "." + layer), "no package " + layer);
    }
  }

  @Test
  void onlyTheClockReadsTheWallClockOrSetsTimers() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".clock..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now", java.time.ZoneId.class)
        .orShould().callMethod(java.time.LocalTime.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .orShould().callMethod(io.vertx.core.Vertx.class, "setTimer", long.class, io.vertx.core.Handler.class)
        .orShould().callMethod(io.vertx.core.Vertx.class, "setPeriodic", long.class, io.vertx.core.Handler.class)
        .orShould().callMethod(io.vertx.core.Vertx.class, "setPeriodic", long.class, long.class, io.vertx.core.Handler.class)
        .orShould().callMethod(io.vertx.core.Vertx.class, "timer", long.class)
        .because("the process's clock is SimClock: at clock.speed N every timer, sleep and now must follow it")
        .check(classes);
  }

  @Test
  void theClockDependsOnNothingOfTheProject() {
    noClasses().that().resideInAPackage(ROOT + ".clock..").should().dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".core..", ROOT + ".config..", ROOT + ".operation..", ROOT + ".emulator..",
            ROOT + ".session..", ROOT + ".scenario..", ROOT + ".http..", ROOT + ".cli..", ROOT + ".report..",
            ROOT + ".cluster..", ROOT + ".engine..")
        .check(classes);
  }

  /**
   * Issue 22: packages depend one way, each layer only on the layers below it (docs/architecture.md draws them):
   * core < clock < config < operation < scenario < engine < report < cluster < session < http < application and
   * command line; the emulator stands beside them on core and clock.
   */
  @Test
  void packagesDependOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy(ROOT + ".core..")
        .layer("clock").definedBy(ROOT + ".clock..")
        .layer("config").definedBy(ROOT + ".config..")
        .layer("operation").definedBy(ROOT + ".operation..")
        .layer("scenario").definedBy(ROOT + ".scenario..")
        .layer("engine").definedBy(ROOT + ".engine..")
        .layer("report").definedBy(ROOT + ".report..")
        .layer("cluster").definedBy(ROOT + ".cluster..")
        .layer("session").definedBy(ROOT + ".session..")
        .layer("http").definedBy(ROOT + ".http..")
        .layer("emulator").definedBy(ROOT + ".emulator..")
        .layer("application").definedBy(ROOT, ROOT + ".cli..")
        .whereLayer("application").mayNotBeAccessedByAnyLayer()
        .whereLayer("http").mayOnlyBeAccessedByLayers("application")
        .whereLayer("emulator").mayOnlyBeAccessedByLayers("application")
        .whereLayer("session").mayOnlyBeAccessedByLayers("http", "application")
        .whereLayer("cluster").mayOnlyBeAccessedByLayers("session", "http", "application")
        .whereLayer("report").mayOnlyBeAccessedByLayers("session", "http", "application")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("report", "session", "http", "application")
        .whereLayer("scenario").mayOnlyBeAccessedByLayers("engine", "report", "session", "http", "application")
        .whereLayer("operation").mayOnlyBeAccessedByLayers("scenario", "engine", "report", "session", "http",
            "application")
        .whereLayer("config").mayOnlyBeAccessedByLayers("operation", "scenario", "engine", "report", "cluster",
            "session", "http", "application")
        .whereLayer("clock").mayOnlyBeAccessedByLayers("config", "operation", "scenario", "engine", "report",
            "cluster", "session", "http", "emulator", "application")
        .check(classes);
  }

  /** Issue 22: the application (ServiceVerticle, the root package) wires the capabilities; none reaches back up to it. */
  @Test
  void onlyTheCommandLineUsesTheApplication() {
    noClasses().that().resideOutsideOfPackages(ROOT, ROOT + ".cli..").should().dependOnClassesThat()
        .resideInAPackage(ROOT).check(classes);
  }

  /** Issue 22: the emulator stands on core (and the process clock) alone. */
  @Test
  void theEmulatorDependsOnCoreAlone() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(ROOT + ".emulator..")
        .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("outside this "
            + "project, or in its core, clock or emulator packages", c -> !c.getPackageName().startsWith(ROOT)
            || c.getPackageName().startsWith(ROOT + ".core") || c.getPackageName().startsWith(ROOT + ".clock")
            || c.getPackageName().startsWith(ROOT + ".emulator")))
        .check(classes);
  }

  @Test
  void theEmulatorIsItsOwnServer() {
    noClasses().that().resideInAPackage(ROOT + ".emulator..").should().dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".scenario..", ROOT + ".report..", ROOT + ".operation.flightblender..")
        .because("the emulator stands in for Flight Blender: it must not share code with the client it is tested by")
        .check(classes);
  }
}
