package dev.roster.scim.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log's appender: lines in order and whole, soon after they are logged, none lost on stop. */
class BatchedConsoleAppenderTest {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final PrintStream standardOutput = System.out;
    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void captureStandardOutput() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(standardOutput);
        context.stop();
    }

    @Test
    void aLineAppearsWithinAFewPeriodsWithoutAStop() throws InterruptedException {
        logger(appender(16)).info("GET /health 200");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (output().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(output()).containsExactly("GET /health 200");
    }

    @Test
    void stopWritesOutEveryQueuedLineInOrder() {
        BatchedConsoleAppender appender = appender(1000);
        Logger logger = logger(appender);

        IntStream.range(0, 1000).forEach(i -> logger.info("line {}", i));
        appender.stop();

        assertThat(output()).containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> "line " + i).toList());
        assertThat(appender.dropped()).isZero();
    }

    @Test
    void aFullQueueDropsTheNewestLinesAndCountsThem() {
        BatchedConsoleAppender appender = appender(10);
        Logger logger = logger(appender);

        // Far faster than one period: the writer thread takes nothing before the queue is full.
        IntStream.range(0, 25).forEach(i -> logger.info("line {}", i));
        appender.stop();

        List<String> lines = output();
        assertThat(lines.size() + appender.dropped()).isEqualTo(25);
        assertThat(appender.dropped()).isPositive();
        // The first ten always found room; which later ones did depends on when the writer woke.
        assertThat(lines).startsWith(IntStream.range(0, 10).mapToObj(i -> "line " + i).toArray(String[]::new));
    }

    @Test
    void theMessageIsFixedWhenLoggedNotWhenWritten() {
        BatchedConsoleAppender appender = appender(16);
        StringBuilder changing = new StringBuilder("before");

        logger(appender).info("{}", changing);
        changing.replace(0, changing.length(), "after");
        appender.stop();

        assertThat(output()).containsExactly("before");
    }

    private BatchedConsoleAppender appender(int capacity) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        BatchedConsoleAppender appender = new BatchedConsoleAppender(capacity);
        appender.setContext(context);
        appender.setName("test");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private Logger logger(BatchedConsoleAppender appender) {
        Logger logger = context.getLogger("test");
        logger.setAdditive(false);
        logger.addAppender(appender);
        return logger;
    }

    private List<String> output() {
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
