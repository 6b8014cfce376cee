package dev.cutover.migrations.ratelimits.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.source.server.InFlightGauge;

/**
 * The demo's regional KV stores, running: one {@link KvSourceServer} per region of {@link DemoKeys} on
 * loopback, pages capped at {@value #DEMO_PAGE_SIZE} entries so that paging is exercised. Each server
 * holds its own store, so a test may edit one (drift) without touching the others. Closing stops them all.
 */
public final class DemoRegions implements DemoData.Running {

    public static final int DEMO_PAGE_SIZE = 250;

    private final Map<String, KvSourceServer> servers = new TreeMap<>();
    private final List<SourceEndpoint> endpoints = new ArrayList<>();
    private final InFlightGauge gauge;

    private DemoRegions(InFlightGauge gauge) {
        this.gauge = gauge;
    }

    /** Starts the demo regions; if one cannot start, those started are stopped and the failure thrown. */
    public static DemoRegions start() {
        return start(DemoKeys.generate());
    }

    /** Starts one server per store, by region name. */
    public static DemoRegions start(Map<String, KvStore> stores) {
        return start(stores, DEMO_PAGE_SIZE);
    }

    /**
     * Starts one server per store, by region name, pages capped at {@code pageSize} entries, all counting
     * their requests in flight in one {@link #gauge()}.
     */
    public static DemoRegions start(Map<String, KvStore> stores, int pageSize) {
        DemoRegions regions = new DemoRegions(new InFlightGauge());
        try {
            stores.forEach((region, store) -> {
                KvSourceServer server = new KvSourceServer(region, store, pageSize, regions.gauge);
                regions.servers.put(region, server);
                regions.endpoints.add(SourceEndpoint.of(region, server.start()));
            });
            return regions;
        } catch (RuntimeException e) {
            regions.close();
            throw e;
        }
    }

    @Override
    public List<SourceEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** @return the running server of a region, for faults and edits */
    public KvSourceServer server(String region) {
        KvSourceServer server = servers.get(region);
        if (server == null) {
            throw new IllegalArgumentException("no demo region " + region + "; they are " + servers.keySet());
        }
        return server;
    }

    /** @return the requests in flight to all the regions together */
    public InFlightGauge gauge() {
        return gauge;
    }

    /** @return the running servers, by region */
    public Map<String, KvSourceServer> servers() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(servers));
    }

    /** @return {@code region=url} per region, as {@code --source} takes them */
    public List<String> sourceArguments() {
        return endpoints.stream().map(SourceEndpoint::toString).toList();
    }

    /** Stops every server; the first failure is thrown after all were tried. Idempotent. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (KvSourceServer server : servers.values()) {
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
}
