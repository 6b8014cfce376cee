package dev.cutover.framework.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.source.SourceRetryConfig;
import dev.cutover.framework.source.server.FaultMix;
import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.migrations.ratelimits.RateLimitsRuns;
import dev.cutover.migrations.ratelimits.demo.DemoRegions;
import dev.cutover.migrations.ratelimits.demo.KvSourceServer;
import dev.cutover.migrations.ratelimits.demo.KvStore;
import dev.cutover.support.Apply;
import dev.cutover.support.Cli;
import dev.cutover.support.Cli.Result;
import dev.cutover.support.TestSources;
import dev.cutover.support.proof.ProofFigures;
import dev.cutover.support.proof.ProofFigures.Figure;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Faults at the sources, combined (issue 11), for every migration: each source draws a seeded random
 * {@link FaultMix} per request (30% 5xx, 10% 429 with {@code Retry-After} in seconds or as an HTTP date,
 * 5% timeouts, latency spikes) throughout an {@code apply --concurrency 2}, drift check included. The
 * apply completes with {@code fetched = total} for every source, and the sources' own counters show that
 * requests in flight never exceeded {@code --concurrency} and that no request came before a
 * {@code Retry-After} the source had announced.
 */
@QuarkusTest
class CombinedSourceFaultsTest {

    private static final int CONCURRENCY = 2;
    /** Records per source, 10 a page: about 100 requests per migration in CI, ten times more under soak. */
    private static final int RECORDS = ProofFigures.scaled(120, 1200);
    private static final Pattern SOURCE_LINE = Pattern.compile("source (\\S+)\\s+total (\\d+), fetched (\\d+)");

    @Inject
    SourceRetryConfig config;

    @Inject
    GenerationSwitch generations;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
        RateLimitsRuns.startFromLegacy(generations);
    }

    @Test
    void notificationRulesApplyThroughTheFaultMixFetchesEverythingWithinTheConcurrencyAndHonoursEveryRetryAfter() {
        try (TestSources sources = TestSources.start(4, RECORDS, 10)) {
            Map<String, FaultMix> mixes = new LinkedHashMap<>();
            for (LegacySourceServer server : sources.servers()) {
                FaultMix mix = mix(server.name());
                server.faults().mix(mix);
                mixes.put(server.name(), mix);
            }

            Result apply = Cli.run(sources.args("apply", "--concurrency", Integer.toString(CONCURRENCY)));

            Map<String, Long> totals = new TreeMap<>();
            sources.servers().forEach(s -> totals.put(s.name(), (long) RECORDS));
            check("notification-rules-v2", apply, totals, mixes, sources.gauge());
        }
    }

    @Test
    void rateLimitsApplyThroughTheFaultMixFetchesEverythingWithinTheConcurrencyAndHonoursEveryRetryAfter() {
        Map<String, KvStore> stores = new TreeMap<>();
        for (String region : List.of("ap", "eu", "sa", "us")) {
            KvStore store = new KvStore();
            for (int i = 0; i < RECORDS; i++) {
                // the same settings in every region: no REGION_CONFLICT, one quota per setting
                store.put("ratelimits/svc-" + i, TextNode.valueOf((10 + i % 7) + "/s"));
            }
            stores.put(region, store);
        }
        try (DemoRegions regions = DemoRegions.start(stores, 10)) {
            Map<String, FaultMix> mixes = new LinkedHashMap<>();
            regions.servers().forEach((region, server) -> {
                FaultMix mix = mix(region);
                server.faults().mix(mix);
                mixes.put(region, mix);
            });

            Result apply = Cli.run(RateLimitsRuns.args("apply", regions, "--concurrency", Integer.toString(CONCURRENCY)));

            Map<String, Long> totals = new TreeMap<>();
            regions.servers().forEach((region, server) -> totals.put(region, (long) server.store().size()));
            check(RateLimitsRuns.MIGRATION, apply, totals, mixes, regions.gauge());
            for (KvSourceServer server : regions.servers().values()) {
                assertThat(server.gauge()).isSameAs(regions.gauge());
            }
        }
    }

    /**
     * A mix per source, seeded by its name (reproducible), that holds a timeout longer than the client's
     * request timeout and never faults all of a page's attempts.
     */
    private FaultMix mix(String source) {
        Duration timeout = config.requestTimeout().plusMillis(1500);
        return new FaultMix(source.hashCode(), timeout, config.maxAttempts() - 1);
    }

    private static void check(String migration, Result apply, Map<String, Long> totals, Map<String, FaultMix> mixes,
            InFlightGauge gauge) {
        Map<String, long[]> fetched = new TreeMap<>();
        Matcher m = SOURCE_LINE.matcher(apply.out());
        while (m.find()) {
            fetched.put(m.group(1), new long[] { Long.parseLong(m.group(2)), Long.parseLong(m.group(3)) });
        }
        List<String> violations = new ArrayList<>();
        totals.forEach((source, total) -> {
            long[] seen = fetched.get(source);
            if (seen == null || seen[0] != total || seen[1] != total) {
                violations.add("source " + source + ": expected total = fetched = " + total + ", the summary says "
                        + (seen == null ? "nothing" : "total " + seen[0] + ", fetched " + seen[1]));
            }
        });
        if (gauge.max() > CONCURRENCY) {
            violations.add(gauge.max() + " requests in flight at once, more than --concurrency " + CONCURRENCY);
        }
        int injected = 0;
        int requests = 0;
        for (Map.Entry<String, FaultMix> source : mixes.entrySet()) {
            FaultMix mix = source.getValue();
            injected += mix.injectedCount();
            requests += mix.requests();
            mix.early().forEach(early -> violations.add("source " + source.getKey() + ": " + early));
            for (int i = mix.early().size(); i < mix.earlyRequests(); i++) {
                violations.add("source " + source.getKey() + ": one more request before its Retry-After");
            }
        }
        System.out.printf("combined faults, %s: %d requests, %d faults injected %s, at most %d in flight (--concurrency %d)%n",
                migration, requests, injected, byKind(mixes), gauge.max(), CONCURRENCY);
        ProofFigures.add(Figure.FAULTS_INJECTED, migration, injected);
        ProofFigures.add(Figure.VIOLATIONS, migration, violations.size());

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(violations).as(apply.toString()).isEmpty();
        assertThat(fetched.keySet()).as(apply.toString()).isEqualTo(totals.keySet());
        for (FaultMix.Fault kind : FaultMix.Fault.values()) {
            assertThat(byKind(mixes).getOrDefault(kind, 0)).as("faults of kind " + kind + " injected").isPositive();
        }
    }

    private static Map<FaultMix.Fault, Integer> byKind(Map<String, FaultMix> mixes) {
        Map<FaultMix.Fault, Integer> kinds = new TreeMap<>();
        mixes.values().forEach(mix -> mix.injected().forEach((kind, n) -> kinds.merge(kind, n, Integer::sum)));
        return kinds;
    }
}
