package dev.roster.scim.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The logging set up in code writes what logback.xml wrote, and steps aside for an operator's own file. */
class LoggingConfigurationTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream standardOutput = System.out;
    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void captureStandardOutput() {
        context.setMDCAdapter(new LogbackMDCAdapter()); // what Logback's SLF4J provider gives its own context
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(standardOutput);
        System.clearProperty(LoggingConfiguration.CONFIGURATION_FILE_PROPERTY);
        context.stop();
    }

    @Test
    void logbackFindsItAsAServiceSoNoXmlIsParsed() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(ServiceLoader.Provider::type)).containsExactly(LoggingConfiguration.class);
    }

    @Test
    void serverLinesCarryTimeLevelAndLoggerAndTheJsonAccessLogIsTheObjectAlone() {
        assertThat(new LoggingConfiguration().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        context.getLogger(RosterApplication.class).info("Roster reference server listening on {}", "http://x");
        context.getLogger(LoggingConfiguration.JSON_ACCESS_LOGGER).info("{\"status\":200}");
        context.getLogger(LoggingConfiguration.ACCESS_LOGGER).info("GET /health 200");
        context.stop(); // drains the access log's queues, as Main does on shutdown

        assertThat(written.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
                lineMatching("INFO  d.r.s.s.RosterApplication - Roster reference server listening on http://x"),
                "{\"status\":200}",
                lineMatching("INFO  dev.roster.access - GET /health 200"));
    }

    @Test
    void linesTheFullQueueDroppedAreCountedAndEveryOtherIsWritten() {
        new LoggingConfiguration().configure(context);
        org.slf4j.Logger access = context.getLogger(LoggingConfiguration.ACCESS_LOGGER);

        // Far more than the queue holds, far faster than its writer takes them: some lines cannot be queued.
        int logged = 100_000;
        for (int i = 0; i < logged; i++) {
            access.info("GET /health 200 {}", i);
        }
        long dropped = LoggingConfiguration.accessLinesDropped(context);
        context.stop();

        assertThat(dropped).isPositive();
        long kept = written.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("dev.roster.access - GET /health 200 ")).count();
        assertThat(kept + dropped).isEqualTo(logged);
    }

    @Test
    void anOperatorsConfigurationHasNoDroppedLinesToCount() {
        assertThat(LoggingConfiguration.accessLinesDropped(context)).isZero();
    }

    @Test
    void librariesSayOnlyWarningsAndTheRootSaysInfo() {
        new LoggingConfiguration().configure(context);

        for (String library : new String[] {"org.glassfish.jersey", "org.apache.ibatis", "com.zaxxer.hikari",
                "org.flywaydb.core"}) {
            Logger logger = context.getLogger(library);
            assertThat(logger.isInfoEnabled()).as(library).isFalse();
            assertThat(logger.isWarnEnabled()).as(library).isTrue();
        }
        assertThat(context.getLogger("dev.roster.scim.server").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("dev.roster.scim.server").isDebugEnabled()).isFalse();
    }

    @Test
    void anOperatorsConfigurationFileIsLeftToLogbacksOwnConfigurators() {
        System.setProperty(LoggingConfiguration.CONFIGURATION_FILE_PROPERTY, "/etc/roster/logback.xml");

        assertThat(new LoggingConfiguration().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    private String lineMatching(String rest) {
        String all = written.toString(StandardCharsets.UTF_8);
        return all.lines().filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} " + java.util.regex.Pattern
                .quote(rest))).findFirst().orElse("<no line ending in '" + rest + "' in:\n" + all + ">");
    }
}
