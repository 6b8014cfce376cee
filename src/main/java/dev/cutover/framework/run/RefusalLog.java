package dev.cutover.framework.run;

import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.toolkit.LegacyJson;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Why a safety gate refused an apply: one row per blocking reason, kept with the execution. A message
 * may quote a source (a drifted rule's id); U+0000 in it is stored as <code>&#92;u0000</code>, since
 * PostgreSQL text cannot hold it.
 */
@ApplicationScoped
public class RefusalLog {

    @Inject
    DataSource dataSource;

    /** A blocking reason: an anomaly code (or DIGEST_MISMATCH) and what it means here. */
    public record Refusal(String code, String message) {
    }

    public void record(long executionId, List<Refusal> refusals) {
        QuarkusTransaction.requiringNew().run(() -> refusals.forEach(r -> Sql.update(dataSource,
                "insert into execution_refusal (execution_id, code, message) values (?, ?, ?)", executionId, r.code(),
                LegacyJson.withNulEscaped(r.message()))));
    }

    public List<Refusal> refusals(long executionId) {
        return Sql.query(dataSource, "select code, message from execution_refusal where execution_id = ? order by code",
                rs -> new Refusal(rs.getString(1), rs.getString(2)), executionId);
    }
}
