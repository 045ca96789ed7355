package dev.roster.scim.server.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Everything the server logs (its own loggers and Grizzly's, bridged from JUL) while the capture is open. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public synchronized List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    public void clear() {
        synchronized (appender.list) {
            appender.list.clear();
        }
    }

    /** Events at WARN or above. */
    public List<ILoggingEvent> warnings() {
        return events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    /** Events that carry a stack trace. */
    public List<ILoggingEvent> withStackTraces() {
        return events().stream().filter(event -> event.getThrowableProxy() != null).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
