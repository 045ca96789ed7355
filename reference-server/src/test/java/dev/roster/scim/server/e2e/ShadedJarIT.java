package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ProcessOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged {@code reference-server.jar} as a real process, as the README tells people to: a shading
 * mistake (a lost service file, a missing class) only shows here. Runs in {@code verify}, after {@code package}.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of("target", "reference-server.jar");
    private static final Path ARGUMENT_FILE = Path.of("target", "reference-server.jvmopts");
    private static final Pattern LISTENING =
            Pattern.compile("Roster reference server is listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final Pattern TOKEN_HEADING = Pattern.compile("SCIM bearer token for site 'demo'");

    @TempDir
    Path directory;

    private Process process;

    @AfterEach
    void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void packagedJarStartsServesHealthAndTheDemoSite() throws Exception {
        assertThat(JAR).as("the shaded jar is built by 'package'").exists();
        assertThat(ARGUMENT_FILE).as("the argument file 'package' writes beside it (ADR 055)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path database = directory.resolve("it.db");
        // As the README starts it, with -Xshare:on, which makes the JVM exit if the class-data archive is missing,
        // stale or of another JDK instead of warning and starting without it.
        process = new ProcessBuilder(java, "-Xshare:on", "@" + ARGUMENT_FILE.toAbsolutePath(), "-jar",
                JAR.toAbsolutePath().toString(), "--port", "0", "--db", database.toString(), "--admin-password", "x")
                .redirectErrorStream(true)
                .start();

        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String baseUrl = null;
        String token = null;
        boolean tokenFollows = false;
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                baseUrl = listening.group(1);
                assertThat(Integer.parseInt(listening.group(2))).as("the port --port 0 picked").isBetween(1, 65535);
            } else if (TOKEN_HEADING.matcher(line).find()) {
                tokenFollows = true;
            } else if (tokenFollows && !line.isBlank()) {
                token = line.strip();
                break;
            }
        }
        assertThat(baseUrl).as("listening line in %s", lines).isNotNull();
        assertThat(lines).as("the JVM's warnings about the class-data archive").noneMatch(each -> each.contains("[cds"));
        assertThat(lines).as("the warning that --admin-password shows in ps")
                .anyMatch(each -> each.startsWith("Warning: --admin-password is visible"));
        assertThat(token).as("demo token in %s", lines).isNotBlank();
        assertThat(baseUrl).doesNotEndWith(":0");
        ProcessOutput.drainInBackground(output);

        Http.Reply health = call("GET", baseUrl + "/health").send();
        assertThat(health.status()).as("%s", health).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");

        JsonNode users = call("GET", baseUrl + "/c/demo/auth/scim/v2/Users").bearer(token).send().expect(200);
        assertThat(users.path("schemas").get(0).asText()).isEqualTo(Http.LIST_RESPONSE);
        call("GET", baseUrl + "/c/demo/auth/scim/v2/Users").bearer(token + "x").send().expectScimError(401, null);
        call("GET", baseUrl + "/admin/api/sites").admin().send().expectScimError(401, null);
        JsonNode sites = call("GET", baseUrl + "/admin/api/sites")
                .header("Authorization", dev.roster.scim.server.support.TestServer.basic("admin", "x")).send()
                .expect(200);
        assertThat(sites.path("sites").get(0).asText()).isEqualTo("demo");
        assertThat(Files.exists(database)).isTrue();

        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void startOnABusyPortPrintsOneLineExitsNonZeroAndTheRetryShowsTheSecrets() throws Exception {
        Path database = directory.resolve("busy.db");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            process = jar("--port", Integer.toString(busy.getLocalPort()), "--db", database.toString()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as("exit code; output %s", output).isNotZero();
            assertThat(output.lines().filter(line -> !line.isBlank()))
                    .containsExactly("Roster reference server did not start: port " + busy.getLocalPort()
                            + " on 127.0.0.1 is in use");
        }
        try (var files = Files.list(directory)) {
            assertThat(files).as("files left by the failed start").isEmpty();
        }

        process = jar("--port", "0", "--db", database.toString()).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null && !line.contains("Admin login")) {
            lines.add(line);
        }
        ProcessOutput.drainInBackground(output);
        assertThat(line).as("admin password line after %s", lines).contains("user 'admin', password ");
        assertThat(lines).anyMatch(each -> TOKEN_HEADING.matcher(each).find());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database))).isEqualTo("rw-------");
    }

    /**
     * Every class of ours in the shaded jar is byte for byte the one its module compiled in this build. The jar
     * plugin keeps an existing jar when the module's own classes did not change, and the shade plugin then took
     * its own previous output as the input: a change in another module alone left that module's old classes in
     * the jar (the first copy wins), so the jar ran code that was not the build's.
     */
    @Test
    void theShadedJarHoldsEachModulesClassesAsThisBuildCompiledThem() throws IOException {
        List<Path> classDirectories = new ArrayList<>();
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(Path.of("..").toAbsolutePath().normalize())) {
            for (Path module : modules) {
                Path classes = module.resolve("target").resolve("classes");
                if (Files.isDirectory(classes.resolve("dev"))) {
                    classDirectories.add(classes);
                }
            }
        }
        List<String> stale = new ArrayList<>();
        int compared = 0;
        try (JarFile shaded = new JarFile(JAR.toFile())) {
            for (JarEntry entry : Collections.list(shaded.entries())) {
                if (!entry.getName().startsWith("dev/roster/") || !entry.getName().endsWith(".class")) {
                    continue;
                }
                for (Path classes : classDirectories) {
                    Path compiled = classes.resolve(entry.getName());
                    if (Files.exists(compiled)) {
                        compared++;
                        try (InputStream packaged = shaded.getInputStream(entry)) {
                            if (!Arrays.equals(packaged.readAllBytes(), Files.readAllBytes(compiled))) {
                                stale.add(entry.getName());
                            }
                        }
                    }
                }
            }
        }

        assertThat(classDirectories).as("module class directories beside reference-server").hasSizeGreaterThan(3);
        assertThat(compared).as("classes of ours compared").isGreaterThan(300);
        assertThat(stale).as("classes in the jar that are not the build's").isEmpty();
    }

    private static ProcessBuilder jar(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ROSTER_ADMIN_PASSWORD");
        return builder;
    }
}
