package dev.cutover.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages one logger category of the running application logs while open (INFO and above, as the
 * application's levels let through). Through JBoss LogManager's context, which Quarkus logs to, not
 * the JDK's.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> category) {
        logger = org.jboss.logmanager.LogContext.getLogContext().getLogger(category.getName());
        logger.addHandler(handler);
    }

    /** @return a capture of what {@code category}'s logger logs from now on */
    public static LogCapture of(Class<?> category) {
        return new LogCapture(category);
    }

    /** @return the messages so far, formatted */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
