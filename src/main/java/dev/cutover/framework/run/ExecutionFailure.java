package dev.cutover.framework.run;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One reason an execution failed ({@code execution_failure}), as {@link FailureLog} keeps it. */
@Entity
@Table(name = "execution_failure")
public class ExecutionFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long executionId;

    /** The step (or {@code lease}, {@code stop}) where it failed. */
    public String step;

    public String message;

    /** On the database's clock: reasons are listed first recorded first. */
    @Generated
    public Instant recordedAt;

    protected ExecutionFailure() {
    }

    public ExecutionFailure(long executionId, String step, String message) {
        this.executionId = executionId;
        this.step = step;
        this.message = message;
    }

    /** @return the execution's failure reasons, first recorded first */
    public static List<ExecutionFailure> of(long executionId) {
        return EntityRows.where(ExecutionFailure.class, "executionId", executionId, "recordedAt", "step");
    }
}
