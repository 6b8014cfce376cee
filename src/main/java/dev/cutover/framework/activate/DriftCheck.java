package dev.cutover.framework.activate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.retrieve.RetrievalStore;
import dev.cutover.framework.run.RecordKey;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.ConcurrencyGate;
import dev.cutover.framework.source.SourceClient;
import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.framework.source.StopSignal;

/**
 * Drift (DESIGN.md §4): asks each source, through the migration's {@link SourceProtocol}, for its
 * changes since the baseline (the watermark of its first page in this run) and compares every changed
 * record with what was retrieved ({@link SourceDrift}: a higher version, a deleted rule that was
 * retrieved, or a record that was not retrieved is drift). Retrieved versions are those read when the
 * pages were parsed ({@code raw_record.version}), looked up for the changed ids only, a batch at a
 * time: no map of every retrieved record is held. No stored body is parsed again. Reads only, so a
 * restarted activation simply asks again.
 */
@ApplicationScoped
public class DriftCheck {

    @Inject
    SourceClient client;

    @Inject
    DataSource dataSource;

    @Inject
    RetrievalStore retrieval;

    /**
     * @return what drifted, one line each (at most 10 per source); empty when nothing did
     * @throws dev.cutover.framework.source.SourceWaitStopped when {@code stop} asked to stop while a
     *         source was awaited
     */
    public List<String> drifted(long runId, SourceProtocol protocol, List<SourceEndpoint> sources, ConcurrencyGate gate,
            StopSignal stop) {
        List<String> drift = new ArrayList<>();
        for (SourceEndpoint source : sources) {
            long baseline = retrieval.baseline(runId, source.name())
                    .orElseThrow(() -> new IllegalStateException("source " + source.name() + " was not retrieved in this run"));
            SourceDrift found = new SourceDrift(source.name(), ids -> retrievedVersions(runId, source.name(), ids),
                    protocol.recordNoun());
            client.changes(protocol, source, baseline, gate, stop, found::accept);
            drift.addAll(found.lines());
        }
        return drift;
    }

    /**
     * @return of {@code ids}, those the run retrieved from {@code source}, each with the highest version
     *         read of its copies ({@code null} when none could be read). Looked up by record key
     *         ({@code raw_record_by_key_idx}); raw_record was analyzed after retrieve filled it (the
     *         normalize step's mapper), so the index is chosen on this run's figures.
     */
    Map<String, BigDecimal> retrievedVersions(long runId, String source, Collection<String> ids) {
        String[] keys = ids.stream().map(id -> RecordKey.of(id, null)).toArray(String[]::new);
        Map<String, BigDecimal> versions = new HashMap<>();
        // the version read when the page was parsed: a body may hold U+0000 (which jsonb refuses) or be too deep
        for (Version found : Sql.query(dataSource, """
                select rec_id, max(version) from raw_record
                where run_id = ? and source = ? and record_key = any(?::text[]) and rec_id is not null group by rec_id""",
                rs -> new Version(rs.getString(1), rs.getBigDecimal(2)), runId, source, keys)) {
            versions.put(found.id(), found.version());
        }
        return versions;
    }

    private record Version(String id, BigDecimal version) {
    }
}
