package dev.roster.scim.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An embedder's view of the published jars (ADR 018, ADR 021): a module compiled with {@code --module-path} against
 * the packaged {@code scim-core}, {@code scim-jackson}, {@code scim-jaxrs-adapter} and {@code persistence-mybatis}
 * sees every published package and none of the internal ones, and it runs on the module path against a real SQLite
 * file, which needs the {@code opens} MyBatis and Flyway rely on. Runs in {@code verify}, after the jars exist.
 */
class EmbedderModulePathIT {

    private static final List<String> ROSTER_JARS =
            List.of("scim-core-", "scim-jackson-", "scim-jaxrs-adapter-", "persistence-mybatis-");
    /** What the four modules require, and nothing else from the test class path (to avoid split packages). */
    private static final List<String> LIBRARY_JARS = List.of("jackson-core-", "jackson-databind-",
            "jackson-annotations-", "jakarta.ws.rs-api-", "mybatis-", "sqlite-jdbc-", "HikariCP-", "flyway-core-",
            "slf4j-api-", "bucket4j_jdk17-core-");

    private static List<Path> rosterJars;
    private static String modulePath;

    @TempDir
    Path directory;

    @BeforeAll
    static void findTheJars() {
        List<Path> classPath = Set.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(Path::of).sorted().toList();
        rosterJars = classPath.stream().filter(entry -> startsWithAny(entry, ROSTER_JARS)).toList();
        assertThat(rosterJars).as("the four published modules, packaged").hasSize(4);
        List<Path> modules = new ArrayList<>(rosterJars);
        classPath.stream().filter(entry -> startsWithAny(entry, LIBRARY_JARS)).forEach(modules::add);
        modulePath = modules.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void theJarsAreNamedModulesExportingExactlyTheirPublishedPackages() throws IOException {
        Map<String, Set<String>> unqualifiedExports = new TreeMap<>();
        for (Path jar : rosterJars) {
            ModuleReference module = ModuleFinder.of(jar).findAll().iterator().next();
            ModuleDescriptor descriptor = module.descriptor();
            assertThat(descriptor.isAutomatic()).as(jar + " has a module-info").isFalse();
            assertThat(descriptor.exports()).as(descriptor.name() + " exports nothing to chosen modules alone")
                    .noneMatch(ModuleDescriptor.Exports::isQualified);
            unqualifiedExports.put(descriptor.name(), descriptor.exports().stream()
                    .filter(export -> !export.isQualified()).map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(TreeSet::new)));
            Set<String> published = classPackages(jar).stream().filter(name -> !name.contains(".internal."))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(unqualifiedExports.get(descriptor.name())).as(descriptor.name()).isEqualTo(published);
        }
        assertThat(unqualifiedExports.keySet()).containsExactly("dev.roster.scim.core", "dev.roster.scim.jackson",
                "dev.roster.scim.jaxrs", "dev.roster.scim.mybatis");
    }

    @Test
    void anEmbedderCompilesAgainstEveryPublishedPackage() throws IOException {
        StringBuilder imports = new StringBuilder();
        for (Path jar : rosterJars) {
            for (String name : classPackages(jar)) {
                if (!name.contains(".internal.")) {
                    imports.append("import ").append(aPublicType(jar, name)).append(";\n");
                }
            }
        }
        String source = imports + """
                import dev.roster.scim.core.port.in.JitSignIn;
                import dev.roster.scim.core.port.out.AccountEvents;
                import dev.roster.scim.core.service.JitSignInService;
                import dev.roster.scim.core.service.Ports;
                import dev.roster.scim.mybatis.RosterDatabase;
                import java.time.Clock;

                public final class Host {
                    static JitSignIn wire(RosterDatabase database) {
                        return new JitSignInService(new Ports(database.userStore(), database.siteStore(),
                                database.auditLog(), database.transactions(), AccountEvents.NONE, Clock.systemUTC()));
                    }
                }
                """;
        Compilation compilation = compile(source);

        assertThat(compilation.succeeded()).as(compilation.output()).isTrue();
    }

    @Test
    void anEmbedderCannotCompileAgainstAnyInternalPackage() throws IOException {
        List<String> internals = new ArrayList<>();
        for (Path jar : rosterJars) {
            for (String name : classPackages(jar)) {
                if (name.contains(".internal.")) {
                    internals.add(aPublicType(jar, name));
                }
            }
        }
        assertThat(internals).as("ADR 018's internal packages, in the jars")
                .anyMatch(type -> type.startsWith("dev.roster.scim.core.internal.patch."))
                .anyMatch(type -> type.startsWith("dev.roster.scim.core.internal.mapping."))
                .anyMatch(type -> type.startsWith("dev.roster.scim.jaxrs.internal."))
                .anyMatch(type -> type.startsWith("dev.roster.scim.mybatis.internal."));

        for (String type : internals) {
            Compilation compilation = compile("import " + type + ";\npublic final class Host {}\n");

            assertThat(compilation.succeeded()).as("importing " + type).isFalse();
            assertThat(compilation.output()).as("importing " + type)
                    .contains("is not visible").containsPattern("does not export|not exported");
        }
    }

    /**
     * ADR 028 §5: the JAX-RS adapter gets projected resources from {@code ScimUsers.render}, so no internal package of
     * the core is exported to it either. A module of the adapter's name, compiled where the adapter would be, cannot
     * import one.
     */
    @Test
    void theJaxRsAdapterCannotCompileAgainstAnyInternalPackageOfTheCore() throws IOException {
        Path core = rosterJars.stream().filter(jar -> jar.getFileName().toString().startsWith("scim-core-"))
                .findFirst().orElseThrow();
        List<String> internals = new ArrayList<>();
        for (String name : classPackages(core)) {
            if (name.contains(".internal.")) {
                internals.add(aPublicType(core, name));
            }
        }
        assertThat(internals).as("the core's internal packages")
                .anyMatch(type -> type.startsWith("dev.roster.scim.core.internal.mapping."));
        String withoutTheAdapter = Set.of(modulePath.split(File.pathSeparator)).stream()
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("scim-jaxrs-adapter-"))
                .sorted().collect(Collectors.joining(File.pathSeparator));

        for (String type : internals) {
            Compilation compilation = compile("""
                    module dev.roster.scim.jaxrs {
                        requires dev.roster.scim.core;
                    }
                    """, "import " + type + ";\npublic final class Host {}\n", withoutTheAdapter);

            assertThat(compilation.succeeded()).as("importing " + type + " into the adapter's module").isFalse();
            assertThat(compilation.output()).as("importing " + type)
                    .contains("is not visible").containsPattern("does not export|not exported");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anEmbedderRunsOnTheModulePathAgainstARealSqliteFile() throws Exception {
        String source = """
                import dev.roster.scim.core.model.SiteId;
                import dev.roster.scim.core.port.in.SettingsChange;
                import dev.roster.scim.core.port.in.SsoAssertion;
                import dev.roster.scim.core.port.out.AccountEvents;
                import dev.roster.scim.core.service.JitSignInService;
                import dev.roster.scim.core.service.Ports;
                import dev.roster.scim.core.service.SiteAdministrationService;
                import dev.roster.scim.mybatis.RosterDatabase;
                import java.nio.file.Path;
                import java.time.Clock;

                public final class Host {
                    public static void main(String[] args) {
                        try (RosterDatabase database = RosterDatabase.open(Path.of(args[0]))) {
                            Ports ports = new Ports(database.userStore(), database.siteStore(), database.auditLog(),
                                    database.transactions(), AccountEvents.NONE, Clock.systemUTC());
                            SiteAdministrationService sites = new SiteAdministrationService(ports);
                            SiteId site = sites.createSite("acme").site();
                            sites.updateSettings(site, SettingsChange.none().ssoConfigured(true));
                            new JitSignInService(ports).signIn(site,
                                    SsoAssertion.of("ada@example.com", "ada@example.com", "Ada", "Lovelace"));
                            System.out.println("found " + database.userStore()
                                    .findByUserName(site, "ada@example.com").orElseThrow().userName());
                        }
                    }
                }
                """;
        Compilation compilation = compile(source);
        assertThat(compilation.succeeded()).as(compilation.output()).isTrue();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--module-path",
                modulePath + File.pathSeparator + compilation.classes(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "embedder/host.Host", directory.resolve("host.db").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("found ada@example.com");
    }

    private Compilation compile(String hostSource) throws IOException {
        return compile("""
                module embedder {
                    requires dev.roster.scim.core;
                    requires dev.roster.scim.jackson;
                    requires dev.roster.scim.jaxrs;
                    requires dev.roster.scim.mybatis;
                }
                """, hostSource, modulePath);
    }

    private Compilation compile(String moduleDeclaration, String hostSource, String modules) throws IOException {
        Path sources = Files.createDirectories(directory.resolve("src-" + System.nanoTime()));
        Path classes = Files.createDirectories(sources.resolveSibling(sources.getFileName() + "-classes"));
        Path moduleInfo = Files.writeString(sources.resolve("module-info.java"), moduleDeclaration);
        Path host = Files.writeString(Files.createDirectories(sources.resolve("host")).resolve("Host.java"),
                "package host;\n" + hostSource);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter output = new StringWriter();
        // The in-process javac's default class path is the test's own, which holds the same packages unnamed: an
        // embedder's class path holds none of them.
        boolean succeeded = javac.getTask(output, null, null,
                List.of("--module-path", modules, "--class-path", classes.toString(), "-d",
                        classes.toString(), "-Xlint:-module"), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(moduleInfo, host)).call();
        return new Compilation(succeeded, output.toString(), classes);
    }

    private record Compilation(boolean succeeded, String output, Path classes) {
    }

    private static boolean startsWithAny(Path entry, List<String> prefixes) {
        String name = entry.getFileName().toString();
        return name.endsWith(".jar") && !name.endsWith("-tests.jar") && prefixes.stream().anyMatch(name::startsWith);
    }

    /** The packages of a jar that hold classes (the migration folders hold SQL alone). */
    private static Set<String> classPackages(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                            && !name.equals("module-info.class"))
                    .map(name -> name.substring(0, name.lastIndexOf('/')).replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** A public top-level type of the package (the test's class path holds the same jars). */
    private static String aPublicType(Path jar, String packageName) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String folder = packageName.replace('.', '/') + "/";
            return file.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith(folder) && name.endsWith(".class") && !name.contains("$")
                            && name.indexOf('/', folder.length()) < 0)
                    .sorted()
                    .map(name -> packageName + "." + name.substring(folder.length(), name.length() - 6))
                    .filter(EmbedderModulePathIT::isPublic)
                    .findFirst().orElseThrow(() -> new AssertionError("no public type in " + packageName));
        }
    }

    private static boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, EmbedderModulePathIT.class.getClassLoader())
                    .getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
