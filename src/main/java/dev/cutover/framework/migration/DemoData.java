package dev.cutover.framework.migration;

import java.util.List;

import dev.cutover.framework.source.SourceEndpoint;

/**
 * A migration's built-in demo data set ({@code --demo}): legacy sources it serves on loopback ports of
 * this process for one run. Deterministic: every start serves the same data, so a plan of the demo has
 * the same digest every time. Its sources live only as long as the process: a demo run cannot be
 * restarted by id from another process.
 */
public interface DemoData {

    /** The demo's sources while they run; closing stops them. */
    interface Running extends AutoCloseable {

        /** @return the sources, sorted by name */
        List<SourceEndpoint> endpoints();

        @Override
        void close();
    }

    /** Starts the sources; if one cannot start, those already started are stopped and the failure thrown. */
    Running start();
}
