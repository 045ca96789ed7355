package dev.roster.scim.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of DEVELOPERS.md, checked where every module is on the classpath: each technology stays in the
 * adapter that owns it, adapters do not know each other, and inbound adapters reach the core only through its
 * driving ports (the composition root alone wires services).
 */
@AnalyzeClasses(packages = "dev.roster.scim", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule sqlAndMyBatisStayInPersistence = noClasses()
            .that().resideOutsideOfPackage("dev.roster.scim.mybatis..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.ibatis..", "org.sqlite..", "com.zaxxer..");

    @ArchTest
    static final ArchRule jaxRsStaysInTheHttpAdapters = noClasses()
            .that().resideOutsideOfPackages("dev.roster.scim.jaxrs..", "dev.roster.scim.server..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish..");

    @ArchTest
    static final ArchRule jacksonStaysAtTheJsonEdges = noClasses()
            .that().resideInAnyPackage("dev.roster.scim.core..", "dev.roster.scim.jaxrs..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("the core has its own value tree; the HTTP adapter goes through scim-jackson's ScimJson");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("dev.roster.scim.jaxrs..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.roster.scim.mybatis..", "dev.roster.scim.server..");

    @ArchTest
    static final ArchRule persistenceKnowsNoHttp = noClasses()
            .that().resideInAPackage("dev.roster.scim.mybatis..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.roster.scim.jaxrs..", "dev.roster.scim.server..");

    @ArchTest
    static final ArchRule adaptersUsePublishedCorePackages = noClasses()
            .that().resideInAnyPackage("dev.roster.scim.jackson..", "dev.roster.scim.jaxrs..",
                    "dev.roster.scim.mybatis..", "dev.roster.scim.server..")
            .should().dependOnClassesThat().resideInAPackage("dev.roster.scim.core.internal..")
            .because("ADR 018: adapters see the core's published packages, as an embedder does; the JAX-RS adapter "
                    + "asks ScimUsers.render for projected resources (ADR 028 §5)");

    @ArchTest
    static final ArchRule persistenceInternalsStayInPersistence = noClasses()
            .that().resideOutsideOfPackage("dev.roster.scim.mybatis..")
            .should().dependOnClassesThat().resideInAPackage("dev.roster.scim.mybatis.internal..")
            .because("ADR 018: RosterDatabase and its stores are the entry points; mappers and SQL are internal");

    @ArchTest
    static final ArchRule inboundAdaptersUseDrivingPortsNotServices = noClasses()
            .that().resideInAnyPackage("dev.roster.scim.jaxrs..", "dev.roster.scim.server.admin..",
                    "dev.roster.scim.server.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.roster.scim.core.service..",
                    "dev.roster.scim.core.port.out..")
            .because("adapters translate and call use cases; only the composition root wires services and stores");

    @ArchTest
    static final ArchRule theCoreKeepsNoStateOnThreads = noClasses()
            .that().resideInAPackage("dev.roster.scim.core..")
            .should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
            .because("ADR 034: what a use case needs of its request is handed over explicitly (AdmittedSite), so a "
                    + "call without it cannot pick up another request's");
}
