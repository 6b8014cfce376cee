package dev.cutover.ops.cli;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Console log filter ({@code quarkus.log.console.filter=cutover-live-line}) that lets every record
 * through, but first clears the terminal's live progress line, if one is drawn, so that the log line
 * starts at the left margin instead of after the progress text.
 */
@LoggingFilter(name = "cutover-live-line")
public final class LiveLineLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        LiveLine.clearShown();
        return true;
    }
}
