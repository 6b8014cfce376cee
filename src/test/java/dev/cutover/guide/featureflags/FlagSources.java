package dev.cutover.guide.featureflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.framework.source.server.LegacySourceServer;
import dev.cutover.framework.toolkit.LegacyJson;

/**
 * Two real HTTP legacy sources of flag records (DESIGN.md §4), {@code eu-1} and {@code us-1}, on loopback:
 * the example's demo data and the guide test's fixture. Deterministic: 7 records, of which 4 migrate into
 * 5 flags, 1 is skipped ({@code NO_FLAGS}) and 2 are anomalies ({@code UNKNOWN_STATE},
 * {@code MISSING_FIELD}).
 */
public final class FlagSources implements DemoData.Running {

    static final Map<String, List<String>> RECORDS = Map.of(
            "eu-1", List.of(
                    """
                    {"id": "checkout@prod", "version": 2, "app": "checkout", "env": "prod",
                     "flags": {"new-cart": "on", "dark-mode": "off", "express-pay": 1}}""",
                    """
                    {"id": "checkout@staging", "version": 1, "app": "checkout", "env": " Staging ",
                     "flags": {"new-cart": true, "dark-mode": "Enabled", "express-pay": "0"}}""",
                    """
                    {"id": "search@prod", "version": 1, "app": "search", "env": "prod", "flags": {"fuzzy": "maybe"}}""",
                    """
                    {"id": "billing@prod", "version": 1, "app": "billing", "env": "prod", "flags": {}}"""),
            "us-1", List.of(
                    """
                    {"id": "checkout@dev", "version": 1, "app": "checkout", "env": "dev",
                     "flags": {"new-cart": "yes", "dark-mode": "on"}}""",
                    """
                    {"id": "search@dev", "version": 1, "app": "search", "env": "dev",
                     "flags": {"fuzzy": "true", "synonyms": 0}}""",
                    """
                    {"id": "search@qa", "version": 1, "env": "qa", "flags": {"fuzzy": "off"}}"""));

    private final Map<String, LegacySourceServer> servers = new TreeMap<>();

    private FlagSources() {
    }

    /** Starts both sources; if one cannot start, the other is stopped and the failure thrown. */
    public static FlagSources start() {
        FlagSources sources = new FlagSources();
        try {
            for (String name : new TreeMap<>(RECORDS).keySet()) {
                List<JsonNode> items = new ArrayList<>();
                RECORDS.get(name).forEach(json -> items.add(parse(json)));
                LegacySourceServer server = new LegacySourceServer(name, new LegacySourceData(items));
                server.start();
                sources.servers.put(name, server);
            }
            return sources;
        } catch (RuntimeException e) {
            sources.close();
            throw e;
        }
    }

    /** Writes a new version of a record (its id taken from the JSON), as an edit of the legacy system would. */
    public void upsert(String source, String json) {
        servers.get(source).data().upsert((ObjectNode) parse(json));
    }

    /** @return {@code <command> feature-flags-v2 --source eu-1=URL --source us-1=URL extra...} */
    public String[] args(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, FeatureFlagsMigration.ID));
        endpoints().forEach(endpoint -> args.addAll(List.of("--source", endpoint.toString())));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Override
    public List<SourceEndpoint> endpoints() {
        return servers.values().stream().map(s -> SourceEndpoint.of(s.name(), s.baseUrl())).toList();
    }

    @Override
    public void close() {
        servers.values().forEach(LegacySourceServer::close);
    }

    private static JsonNode parse(String json) {
        try {
            return LegacyJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
