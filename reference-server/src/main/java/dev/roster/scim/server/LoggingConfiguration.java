package dev.roster.scim.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * The server's logging, set up in code: Logback finds it through {@code ServiceLoader} before it looks for
 * {@code logback.xml}, which saves a start the XML configurator's classes and parse (ADR 043). An operator who passes
 * {@code -Dlogback.configurationFile=...} gets that file instead, through Logback's own configurators.
 *
 * <p>What it sets up: one line per event on standard output ({@code HH:mm:ss.SSS LEVEL logger - message}); the access
 * log ({@code dev.roster.access}, and {@code dev.roster.access.json} whose lines are one JSON object and nothing
 * else) leaves the request threads through a bounded queue that a {@link BatchedConsoleAppender} writes to standard
 * output a batch at a time. A full queue drops lines (never blocking a request). Main stops Logback after the server
 * on shutdown, which writes out what is queued.
 * Jersey, MyBatis, Hikari and Flyway (which narrates every start; the server prints its own upgrade notices) log
 * warnings only.
 */
public final class LoggingConfiguration extends ContextAwareBase implements Configurator {

    static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";
    static final String ACCESS_LOGGER = "dev.roster.access";
    static final String JSON_ACCESS_LOGGER = "dev.roster.access.json";
    private static final int ACCESS_QUEUE_SIZE = 8192;
    private static final String LINE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    /** Called by Logback's {@code ServiceLoader}. */
    public LoggingConfiguration() {
        // the public no-argument constructor a service provider needs
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        onlyTo(context.getLogger(ACCESS_LOGGER), batched(context, "access-log", LINE_PATTERN));
        onlyTo(context.getLogger(JSON_ACCESS_LOGGER), batched(context, "access-log-json", "%msg%n"));
        for (String quiet : new String[] {"org.glassfish", "org.apache.ibatis", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context, "STDOUT", LINE_PATTERN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The access log lines the built-in configuration dropped since start because its queue was full; 0 under an
     * operator's own configuration, whose appenders are theirs to watch.
     */
    static long accessLinesDropped() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? accessLinesDropped(context) : 0;
    }

    static long accessLinesDropped(LoggerContext context) {
        long dropped = 0;
        for (String logger : new String[] {ACCESS_LOGGER, JSON_ACCESS_LOGGER}) {
            for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(logger).iteratorForAppenders();
                 it.hasNext(); ) {
                if (it.next() instanceof BatchedConsoleAppender batched) {
                    dropped += batched.dropped();
                }
            }
        }
        return dropped;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, String name, String pattern) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> batched(LoggerContext context, String name, String pattern) {
        BatchedConsoleAppender appender = new BatchedConsoleAppender(ACCESS_QUEUE_SIZE);
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    private static void onlyTo(Logger logger, Appender<ILoggingEvent> appender) {
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
    }
}
