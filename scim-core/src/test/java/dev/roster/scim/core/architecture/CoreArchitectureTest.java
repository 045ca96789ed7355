package dev.roster.scim.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps scim-core a hexagon's inside: the JDK only, no logging, no I/O technology, packages free of cycles, and
 * driving adapters' concerns out; and its package layout (ADR 018): the JSON value tree at the bottom, the schemas
 * over it, a domain model that knows no mapping, and internals that only the use cases reach. Maven Enforcer bans
 * the dependencies; this bans the imports.
 */
@AnalyzeClasses(packages = "dev.roster.scim.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkAndItselfOnly = classes()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core..", "java..", "javax.crypto..")
            .because("scim-core speaks SCIM through its own types; adapters bring their libraries (javax.crypto is "
                    + "the JDK's HMAC, for paging cursors)");

    @ArchTest
    static final ArchRule coreUsesNoSqlNorLogging = noClasses()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "java.util.logging..",
                    "java.net.http..")
            .because("what matters goes to the AuditLog port, and storage is an adapter's business");

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices()
            .matching("dev.roster.scim.core.(**)")
            .should().beFreeOfCycles()
            .because("each package is one concern (ADR 018); a cycle would make two of them one");

    @ArchTest
    static final ArchRule jsonTreeDependsOnNothingElseInTheCore = classes()
            .that().resideInAPackage("dev.roster.scim.core.json")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core.json", "dev.roster.scim.core.error", "java..")
            .because("the JSON value tree is the core's ground floor (ADR 001, ADR 018)");

    @ArchTest
    static final ArchRule schemasAreDataOverTheJsonTree = classes()
            .that().resideInAPackage("dev.roster.scim.core.schema")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core.schema", "dev.roster.scim.core.json",
                    "dev.roster.scim.core.error", "java..")
            .because("the schemas describe resources; they know no user and no use case");

    @ArchTest
    static final ArchRule domainModelDoesNotDependOnTheMapping = noClasses()
            .that().resideInAPackage("dev.roster.scim.core.model")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core.mapping..", "dev.roster.scim.core.internal..",
                    "dev.roster.scim.core.schema..", "dev.roster.scim.core.filter..")
            .because("the domain is what the application sees; how it maps to SCIM is the mapping's business");

    @ArchTest
    static final ArchRule modelKnowsNoUseCases = noClasses()
            .that().resideInAnyPackage("dev.roster.scim.core.json..", "dev.roster.scim.core.schema..",
                    "dev.roster.scim.core.model..", "dev.roster.scim.core.mapping..",
                    "dev.roster.scim.core.filter..", "dev.roster.scim.core.identifier..",
                    "dev.roster.scim.core.error..", "dev.roster.scim.core.internal.mapping..",
                    "dev.roster.scim.core.internal.patch..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.roster.scim.core.service..", "dev.roster.scim.core.port..",
                    "dev.roster.scim.core.internal.policy..");

    @ArchTest
    static final ArchRule onlyUseCasesReachTheInternals = noClasses()
            .that().resideInAPackage("dev.roster.scim.core..")
            .and().resideOutsideOfPackages("dev.roster.scim.core.service..", "dev.roster.scim.core.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.roster.scim.core.internal..")
            .because("the published packages (ADR 018) must make sense to an embedder without the internal ones");

    @ArchTest
    static final ArchRule drivenPortsAreNotNamedAfterTheirRole = noClasses()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Port")
            .because("STYLE.md: ports are role nouns, implementations <Technology><Port>");
}
