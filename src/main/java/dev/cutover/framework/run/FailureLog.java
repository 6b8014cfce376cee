package dev.cutover.framework.run;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.cutover.framework.toolkit.LegacyJson;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Why executions failed, in the words of the failure (JBeret's repository keeps no exception text).
 * Written in a transaction of its own, so the record survives the rollback of the failing chunk.
 * A message may quote what a source sent; U+0000 in it is stored as the six characters
 * <code>&#92;u0000</code>, because PostgreSQL text cannot hold it and the reason would be lost.
 */
@ApplicationScoped
public class FailureLog {

    public void record(long executionId, String step, Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        QuarkusTransaction.requiringNew().run(() -> new ExecutionFailure(executionId, step, LegacyJson.withNulEscaped(message))
                .persist());
    }

    /** @return every recorded reason of the execution's failure, first recorded first */
    @Transactional
    public List<String> reasons(long executionId) {
        return ExecutionFailure.of(executionId).stream().map(f -> f.step + ": " + f.message).toList();
    }

    /** @return the first recorded reason of the execution's failure, or {@code null} */
    public String reason(long executionId) {
        return reasons(executionId).stream().findFirst().orElse(null);
    }
}
