package dev.cutover.framework.source;

/**
 * A request, or the wait before retrying it, was abandoned because its execution was asked to stop
 * ({@link StopSignal}). Nothing of the page was kept: a restart asks for it again from the same cursor.
 */
public class SourceWaitStopped extends RuntimeException {

    public SourceWaitStopped(String source, String cursor) {
        super("source " + source + ", " + SourceFailure.describeCursor(cursor) + ": stopped while waiting for the source");
    }
}
