package dev.cutover.framework.activate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.ConcurrencyGate;
import dev.cutover.framework.source.SourceClient;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.StopSignal;

/**
 * Drift (DESIGN.md §4): asks each source for {@code /v1/changes?since=<baseline>} (the watermark of
 * its first page in this run) and compares every changed rule with what was retrieved: a higher
 * version, a deleted rule that was retrieved, or a rule that was not retrieved is drift. Retrieved
 * versions are those read when the pages were parsed ({@code raw_record.version}); no stored body is
 * parsed again. Reads only, so a restarted activation simply asks again.
 */
@ApplicationScoped
public class DriftCheck {

    private static final int MAX_LISTED = 10;

    @Inject
    SourceClient client;

    @Inject
    DataSource dataSource;

    /**
     * @return what drifted, one line each (at most 10 per source); empty when nothing did
     * @throws dev.cutover.framework.source.SourceWaitStopped when {@code stop} asked to stop while a
     *         source was awaited
     */
    public List<String> drifted(long runId, List<SourceEndpoint> sources, ConcurrencyGate gate, StopSignal stop) {
        List<String> drift = new ArrayList<>();
        for (SourceEndpoint source : sources) {
            long baseline = Sql.query(dataSource, "select watermark from retrieved_page where run_id = ? and source = ? and page_no = 0",
                    rs -> rs.getLong(1), runId, source.name()).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("source " + source.name() + " was not retrieved in this run"));
            JsonNode answer = client.changes(source, baseline, gate, stop);
            JsonNode items = answer.get("items");
            if (items == null || !items.isArray()) {
                throw new SourceFailure(source.name(), "changes since " + baseline, "the body has no 'items' array", null);
            }
            Map<String, BigDecimal> retrieved = retrievedVersions(runId, source.name());
            int listed = 0;
            for (JsonNode item : items) {
                String why = drift(item, retrieved);
                if (why != null && listed++ < MAX_LISTED) {
                    drift.add(source.name() + ": " + why);
                }
            }
            if (listed > MAX_LISTED) {
                drift.add(source.name() + ": and " + (listed - MAX_LISTED) + " more changed rule(s)");
            }
        }
        return drift;
    }

    private static String drift(JsonNode item, Map<String, BigDecimal> retrieved) {
        JsonNode idNode = item.get("id");
        if (idNode == null || !idNode.isTextual()) {
            return "a changed item without a usable id";
        }
        String id = idNode.asText();
        if (item.path("deleted").asBoolean(false)) {
            return retrieved.containsKey(id) ? "rule " + id + " was deleted" : null;
        }
        BigDecimal seen = retrieved.get(id);
        if (!retrieved.containsKey(id)) {
            return "rule " + id + " was added";
        }
        JsonNode version = item.get("version");
        if (version == null || !version.isNumber() || seen == null || version.decimalValue().compareTo(seen) > 0) {
            return "rule " + id + " changed (version " + (seen == null ? "?" : seen.toPlainString()) + " -> "
                    + (version == null ? "?" : version.asText()) + ")";
        }
        return null;
    }

    private Map<String, BigDecimal> retrievedVersions(long runId, String source) {
        Map<String, BigDecimal> versions = new HashMap<>();
        // the version read when the page was parsed: a body may hold U+0000 (which jsonb refuses) or be too deep
        Sql.query(dataSource, """
                select rec_id, max(version) from raw_record
                where run_id = ? and source = ? and rec_id is not null group by rec_id""",
                rs -> versions.put(rs.getString(1), rs.getBigDecimal(2)), runId, source);
        return versions;
    }
}
