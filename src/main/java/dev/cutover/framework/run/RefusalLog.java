package dev.cutover.framework.run;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.cutover.framework.toolkit.LegacyJson;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Why a safety gate refused an apply: one row per blocking reason, kept with the execution. A message
 * may quote a source (a drifted rule's id); U+0000 in it is stored as <code>&#92;u0000</code>, since
 * PostgreSQL text cannot hold it.
 */
@ApplicationScoped
public class RefusalLog {

    /** A blocking reason: an anomaly code (or DIGEST_MISMATCH) and what it means here. */
    public record Refusal(String code, String message) {
    }

    public void record(long executionId, List<Refusal> refusals) {
        QuarkusTransaction.requiringNew().run(() -> refusals.forEach(r -> new ExecutionRefusal(executionId, r.code(),
                LegacyJson.withNulEscaped(r.message())).persist()));
    }

    /** @return the execution's refusals, by code */
    @Transactional
    public List<Refusal> refusals(long executionId) {
        return ExecutionRefusal.of(executionId).stream().map(r -> new Refusal(r.code, r.message)).toList();
    }
}
