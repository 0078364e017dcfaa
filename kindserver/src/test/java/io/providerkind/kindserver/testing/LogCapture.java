package io.providerkind.kindserver.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged while it is open, at DEBUG for kindserver's own loggers (request lines
 * included), so tests can assert what operators would see, and what they must never see.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger kindserver = (Logger) LoggerFactory.getLogger("io.providerkind");
    private final Level previousLevel = kindserver.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
        kindserver.setLevel(Level.DEBUG);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Every event as one text: level, logger, message and any stack trace. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : events()) {
            out.append(event.getLevel())
                    .append(' ')
                    .append(event.getLoggerName())
                    .append(" - ")
                    .append(event.getFormattedMessage())
                    .append('\n');
            if (event.getThrowableProxy() != null) {
                out.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        kindserver.setLevel(previousLevel);
    }
}
