package dev.cutover.migrations.notifications.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;

/**
 * The demo's legacy sources, running: one {@link LegacySourceServer} per {@link DemoRules} source on
 * loopback, with pages capped below the largest {@code limit} so that paging is exercised. Closing the
 * handle stops them all. Every server holds its own copy of the data, so edits made through
 * {@link #server(String)} (drift) affect only that running source, never the {@link DemoRules} oracle.
 */
public final class DemoSources implements AutoCloseable {

    /** The page cap of the demo sources: a {@code limit} above it still gets this many items. */
    public static final int DEMO_PAGE_SIZE = 250;

    private final DemoRules rules;
    private final Map<String, LegacySourceServer> servers = new TreeMap<>();
    private final Map<String, String> urls = new TreeMap<>();

    private DemoSources(DemoRules rules) {
        this.rules = rules;
    }

    /** Starts the built-in demo sources, each with a gauge of its own. */
    public static DemoSources start() {
        return start(DemoRules.generate(), DEMO_PAGE_SIZE, new InFlightGauge());
    }

    /**
     * Starts one server per source of {@code rules}; if one cannot start, those already started are
     * stopped and the failure is thrown.
     *
     * @param gauge shared by all the servers, so it measures the requests in flight to the demo as a whole
     */
    public static DemoSources start(DemoRules rules, int maxPageSize, InFlightGauge gauge) {
        DemoSources sources = new DemoSources(rules);
        try {
            for (String name : rules.sourceNames()) {
                LegacySourceServer server = new LegacySourceServer(name, new LegacySourceData(rules.items(name)),
                        maxPageSize, gauge);
                sources.servers.put(name, server);
                sources.urls.put(name, server.start());
            }
            return sources;
        } catch (RuntimeException e) {
            sources.close();
            throw e;
        }
    }

    /** @return source name -> base URL, ordered by name */
    public Map<String, String> urls() {
        return Collections.unmodifiableMap(urls);
    }

    /** @return the running server of a source, for faults, counters and edits (drift) */
    public LegacySourceServer server(String name) {
        LegacySourceServer server = servers.get(name);
        if (server == null) {
            throw new IllegalArgumentException("no demo source " + name + "; they are " + servers.keySet());
        }
        return server;
    }

    /** @return the data served, with its oracle (as generated: edits made since are not reflected) */
    public DemoRules rules() {
        return rules;
    }

    /** Stops every server; the first failure is thrown after all were tried. Idempotent. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (LegacySourceServer server : new ArrayList<>(servers.values())) {
            try {
                server.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** @return {@code name=url} per source, as {@code --source} arguments take them */
    public List<String> sourceArguments() {
        List<String> arguments = new ArrayList<>();
        urls.forEach((name, url) -> arguments.add(name + "=" + url));
        return arguments;
    }
}
