package dev.cutover.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.migrations.notifications.demo.BenchNotificationData;
import dev.cutover.migrations.ratelimits.demo.BenchRateLimitData;
import dev.cutover.migrations.ratelimits.demo.KvSourceServer;
import dev.cutover.migrations.ratelimits.demo.KvStore;

/**
 * What the end-to-end bench needs to know of one migration: how to generate and serve its legacy data
 * with a per-request latency, and how its listing is paged (for the I/O floor and the ad-hoc script).
 */
interface BenchMigration {

    String name();

    /** @return the anomaly codes {@code --accept} names, so that plan and apply go ahead */
    List<String> accept();

    /** Generates {@code records} legacy records over {@code sources} sources and serves them. */
    Served serve(int records, int sources, int maxPageSize, Duration latency, long seed);

    /** @return the URL of the first page of a listing */
    String firstPage(String base, int limit);

    /** @return the URL of the page after {@code body}, or {@code null} when it was the last */
    String nextPage(String base, int limit, JsonNode body);

    /** @return the listed items of a page's body */
    JsonNode items(JsonNode body);

    /** Running sources; closing stops them. */
    interface Served extends AutoCloseable {
        /** @return source name -> base URL, in name order */
        Map<String, String> urls();

        /** @return the number of items listed over all sources (copies included) */
        long listedItems();

        @Override
        void close();
    }

    /** The servers (and proxies) of one data set, closed together, best effort. */
    record RunningSources(Map<String, String> urls, long listedItems, List<AutoCloseable> running) implements Served {

        @Override
        public void close() {
            closeAll(running);
        }

        static void closeAll(List<AutoCloseable> running) {
            for (AutoCloseable c : running) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort: the bench is ending this run anyway
                }
            }
        }
    }

    /** notification-rules-v2 over §4 sources ({@link LegacySourceServer}, latency via its delay hook). */
    final class Notifications implements BenchMigration {

        @Override
        public String name() {
            return "notification-rules-v2";
        }

        @Override
        public List<String> accept() {
            return BenchNotificationData.ANOMALY_CODES;
        }

        @Override
        public Served serve(int records, int sources, int maxPageSize, Duration latency, long seed) {
            // as JSON text: a million records as trees would take some GB of the bench's heap
            Map<String, List<String>> listings = BenchNotificationData.generateJson(records, sources, seed);
            List<AutoCloseable> servers = new ArrayList<>();
            Map<String, String> urls = new TreeMap<>();
            long listed = 0;
            InFlightGauge gauge = new InFlightGauge();
            try {
                for (Map.Entry<String, List<String>> listing : listings.entrySet()) {
                    LegacySourceServer server = new LegacySourceServer(listing.getKey(),
                            LegacySourceData.ofJsonText(listing.getValue()), maxPageSize, gauge);
                    servers.add(server);
                    urls.put(listing.getKey(), server.start());
                    if (!latency.isZero()) {
                        // every request to this source (pages and changes) is held that long
                        server.faults().delayNext(Integer.MAX_VALUE, latency);
                    }
                    listed += listing.getValue().size();
                }
            } catch (RuntimeException e) {
                RunningSources.closeAll(servers);
                throw e;
            }
            return new RunningSources(urls, listed, servers);
        }

        @Override
        public String firstPage(String base, int limit) {
            return base + LegacySourceServer.RULES_PATH + "?limit=" + limit;
        }

        @Override
        public String nextPage(String base, int limit, JsonNode body) {
            JsonNode next = body.get("next_cursor");
            return next == null || next.isNull() ? null
                    : firstPage(base, limit) + "&cursor=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
        }

        @Override
        public JsonNode items(JsonNode body) {
            return body.get("items");
        }
    }

    /**
     * rate-limits-v2 over regional KV stores ({@link KvSourceServer}); they have no latency hook, so each
     * is reached through a {@link DelayingProxy}.
     */
    final class RateLimits implements BenchMigration {

        private static final String LIST = "/v1/kv?prefix=ratelimits/";

        @Override
        public String name() {
            return "rate-limits-v2";
        }

        @Override
        public List<String> accept() {
            return BenchRateLimitData.ANOMALY_CODES;
        }

        @Override
        public Served serve(int records, int sources, int maxPageSize, Duration latency, long seed) {
            Map<String, KvStore> stores = BenchRateLimitData.generate(records, sources, seed);
            List<AutoCloseable> running = new ArrayList<>();
            Map<String, String> urls = new TreeMap<>();
            long listed = 0;
            try {
                for (Map.Entry<String, KvStore> store : stores.entrySet()) {
                    KvSourceServer server = new KvSourceServer(store.getKey(), store.getValue(), maxPageSize);
                    running.add(server);
                    String url = server.start();
                    if (!latency.isZero()) {
                        DelayingProxy proxy = new DelayingProxy(url, latency);
                        running.add(proxy);
                        url = proxy.start();
                    }
                    urls.put(store.getKey(), url);
                    listed += store.getValue().size();
                }
            } catch (RuntimeException e) {
                RunningSources.closeAll(running);
                throw e;
            }
            return new RunningSources(urls, listed, running);
        }

        @Override
        public String firstPage(String base, int limit) {
            return base + LIST + "&offset=0&limit=" + limit;
        }

        @Override
        public String nextPage(String base, int limit, JsonNode body) {
            JsonNode next = body.get("next_offset");
            return next == null || next.isNull() ? null : base + LIST + "&offset=" + next.asLong() + "&limit=" + limit;
        }

        @Override
        public JsonNode items(JsonNode body) {
            return body.get("entries");
        }
    }
}
