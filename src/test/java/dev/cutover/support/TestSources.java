package dev.cutover.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.source.server.InFlightGauge;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;

/**
 * Real HTTP legacy sources for a test (DESIGN.md §4), each serving simple valid rules, sharing one
 * in-flight gauge so the maximum of concurrent requests across all of them can be checked.
 */
public final class TestSources implements AutoCloseable {

    private final List<LegacySourceServer> servers = new ArrayList<>();
    private final InFlightGauge gauge = new InFlightGauge();

    /** Starts {@code count} sources named {@code s1..sN} with {@code rules} rules each, pages capped at {@code pageCap}. */
    public static TestSources start(int count, int rules, int pageCap) {
        return start(count, rules, pageCap, 1);
    }

    /** As {@link #start(int, int, int)}, every rule written at watermark {@code watermark}. */
    public static TestSources start(int count, int rules, int pageCap, long watermark) {
        int[] sizes = new int[count];
        java.util.Arrays.fill(sizes, rules);
        return sized(pageCap, watermark, sizes);
    }

    /** Sources {@code s1..sN} holding {@code rules[i]} rules each (0: a source that lists nothing). */
    public static TestSources sized(int pageCap, int... rules) {
        return sized(pageCap, 1, rules);
    }

    /** One source named {@code name} serving exactly {@code rules} (valid or not), pages capped at {@code pageCap}. */
    public static TestSources serving(String name, List<JsonNode> rules, int pageCap) {
        TestSources sources = new TestSources();
        LegacySourceServer server = new LegacySourceServer(name, new LegacySourceData(rules, 1), pageCap, sources.gauge);
        server.start();
        sources.servers.add(server);
        return sources;
    }

    private static TestSources sized(int pageCap, long watermark, int... rules) {
        TestSources sources = new TestSources();
        for (int s = 1; s <= rules.length; s++) {
            LegacySourceServer server = new LegacySourceServer("s" + s,
                    new LegacySourceData(rules("s" + s, rules[s - 1]), watermark), pageCap, sources.gauge);
            server.start();
            sources.servers.add(server);
        }
        return sources;
    }

    /** Simple valid rules: a few tenants and schedules, so they group into fewer policies. */
    public static List<JsonNode> rules(String prefix, int count) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode spec = f.objectNode().put("kind", "simple").put("channel", "email").put("priority", 1 + i % 5)
                    .put("schedule", (i % 7) + " 9 * * MON-FRI");
            spec.putArray("recipients").add("user" + (i % 11) + "@" + prefix + ".example");
            ObjectNode rule = f.objectNode().put("id", prefix + "-r" + i).put("tenant", "tenant-" + (i % 13)).put("version", 1)
                    .put("enabled", true);
            rule.set("spec", spec);
            rules.add(rule);
        }
        return rules;
    }

    public LegacySourceServer get(int oneBased) {
        return servers.get(oneBased - 1);
    }

    /** @return every source, in the order of their names {@code s1..sN} */
    public List<LegacySourceServer> servers() {
        return List.copyOf(servers);
    }

    public InFlightGauge gauge() {
        return gauge;
    }

    /** @return {@code --source NAME=URL} arguments for all sources */
    public List<String> sourceArgs() {
        List<String> args = new ArrayList<>();
        for (LegacySourceServer server : servers) {
            args.add("--source");
            args.add(server.name() + "=" + server.baseUrl());
        }
        return args;
    }

    /** @return {@code plan notification-rules-v2 --source ... extra...} */
    public String[] planArgs(String... extra) {
        return args("plan", extra);
    }

    /** @return {@code <command> notification-rules-v2 --source ... extra...} */
    public String[] args(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "notification-rules-v2"));
        args.addAll(sourceArgs());
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Override
    public void close() {
        servers.forEach(LegacySourceServer::close);
    }
}
