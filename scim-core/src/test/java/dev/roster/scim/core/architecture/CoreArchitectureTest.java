package dev.roster.scim.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps scim-core a hexagon's inside: the JDK only, no logging, no I/O technology, slices free of cycles, and
 * driving adapters' concerns out. Maven Enforcer bans the dependencies; this bans the imports.
 */
@AnalyzeClasses(packages = "dev.roster.scim.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkAndItselfOnly = classes()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core..", "java..")
            .because("scim-core speaks SCIM through its own types; adapters bring their libraries");

    @ArchTest
    static final ArchRule coreUsesNoSqlNorLogging = noClasses()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "java.util.logging..",
                    "java.net.http..")
            .because("what matters goes to the AuditLog port, and storage is an adapter's business");

    @ArchTest
    static final ArchRule coreSlicesAreFreeOfCycles = slices()
            .matching("dev.roster.scim.core.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule modelKnowsNoUseCases = noClasses()
            .that().resideInAnyPackage("dev.roster.scim.core.model..", "dev.roster.scim.core.filter..",
                    "dev.roster.scim.core.internal.patch..", "dev.roster.scim.core.error..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core.service..", "dev.roster.scim.core.port..",
                    "dev.roster.scim.core.internal.policy..");

    @ArchTest
    static final ArchRule drivenPortsAreNotNamedAfterTheirRole = noClasses()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Port")
            .because("STYLE.md: ports are role nouns, implementations <Technology><Port>");
}
