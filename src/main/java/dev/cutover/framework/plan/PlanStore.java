package dev.cutover.framework.plan;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.run.Sql;


/**
 * The plan report of each run; the plan step of a restarted run replaces its own report. The report
 * text goes through JDBC (it is never an entity); what it is about is read as {@link PlanMetadata}.
 *
 * <p>The stored text leaves out the anomalous records: they are the run's anomalous record outcomes,
 * as many as its records on hostile data, so a report read back ({@link #report}) lists them from
 * there as it is written ({@link AnomalyRecords#stored}). A report stored before this was so still
 * holds them; they are skipped when it is read, and listed from the outcomes like the others.
 */
@ApplicationScoped
public class PlanStore {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Reads and writes the stored text: the report without its anomalous records. */
    private ObjectMapper storage;

    @JsonIgnoreProperties({ "anomalyRecords" })
    interface StoredWithoutAnomalyRecords {
    }

    @PostConstruct
    void storageMapper() {
        storage = json.copy().addMixIn(PlanReport.class, StoredWithoutAnomalyRecords.class);
    }

    /** Saves the report and what its entities are called; its model is in {@code planned_entity} already. */
    public void save(long runId, PlanReport report, String entityKind) {
        String text = serialize(report);
        Sql.update(dataSource, """
                insert into plan_report (run_id, execution_id, migration, digest, report, entity_kind)
                values (?, ?, ?, ?, ?, ?)
                on conflict (run_id) do update set execution_id = excluded.execution_id, digest = excluded.digest,
                  report = excluded.report, model = null, entity_kind = excluded.entity_kind, created_at = now()""",
                runId, report.executionId(), report.migration(), report.digest(), text, entityKind);
    }

    /**
     * Replaces the stored report of the run by {@code report}, which differs from it only in its verdict
     * (the digest does not cover it).
     */
    public void saveVerdict(long runId, PlanReport report) {
        Sql.update(dataSource, "update plan_report set report = ? where run_id = ? and digest = ?", serialize(report), runId,
                report.digest());
    }

    /** A plan's verdict and the command that applies it. */
    public record VerdictAndCommand(ApplyGate.Verdict verdict, String applyCommand) {
    }

    /**
     * Streams the stored report's top-level fields, skipping the others (a report stored by an earlier
     * version holds its anomalous records, which may be many),
     * rather than asking PostgreSQL: its json operators refuse a document holding <code>&#92;u0000</code>
     * anywhere, which a report quoting hostile legacy text may.
     *
     * @return the verdict and apply command of the run's report; empty when the run has no report, or a
     *         report written before reports had a verdict
     */
    public Optional<VerdictAndCommand> verdict(long runId) {
        return reportJson(runId).flatMap(text -> {
            ApplyGate.Verdict verdict = null;
            String command = null;
            try (JsonParser parser = json.getFactory().createParser(text)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("verdict".equals(field)) {
                        verdict = json.readValue(parser, ApplyGate.Verdict.class);
                    } else if ("applyCommand".equals(field)) {
                        command = parser.getValueAsString();
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored plan report of run " + runId + " is unreadable", e);
            }
            return verdict == null ? Optional.empty() : Optional.of(new VerdictAndCommand(verdict, command));
        });
    }

    private String serialize(PlanReport report) {
        try {
            return storage.writeValueAsString(report);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialize the plan report", e);
        }
    }

    /** @return the run's report as stored: JSON text without its anomalous records */
    private Optional<String> reportJson(long runId) {
        List<String> rows = Sql.query(dataSource, "select report from plan_report where run_id = ?", rs -> rs.getString(1), runId);
        return rows.stream().findFirst();
    }

    /**
     * @return the run's report, listing the run's anomalous records from its record outcomes whenever it
     *         is written (so written in a transaction of its own, never inside another); empty when the
     *         run has no report
     */
    public Optional<PlanReport> report(long runId) {
        return reportJson(runId).map(text -> {
            try {
                return storage.readValue(text, PlanReport.class)
                        .withAnomalyRecords(AnomalyRecords.stored(dataSource, runId));
            } catch (Exception e) {
                throw new IllegalStateException("stored plan report of run " + runId + " is unreadable", e);
            }
        });
    }

    /** @return how many entities the run's planned model holds */
    public int plannedEntityCount(long runId) {
        return Sql.query(dataSource, "select count(*) from planned_entity where run_id = ?", rs -> rs.getInt(1), runId).get(0);
    }

    /** @return what the run's plan calls its entities; empty when the run has no plan */
    @Transactional
    public Optional<String> entityKind(long runId) {
        return PlanMetadata.<PlanMetadata> findByIdOptional(runId).map(plan -> plan.entityKind);
    }

    /** @return the digest of the run's plan; empty when the run has no plan */
    @Transactional
    public Optional<String> digest(long runId) {
        return PlanMetadata.<PlanMetadata> findByIdOptional(runId).map(plan -> plan.digest);
    }
}
