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

/** One reason a safety gate refused an execution ({@code execution_refusal}), as {@link RefusalLog} keeps it. */
@Entity
@Table(name = "execution_refusal")
public class ExecutionRefusal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long executionId;

    /** An anomaly code, or DIGEST_MISMATCH. */
    public String code;

    public String message;

    @Generated
    public Instant recordedAt;

    protected ExecutionRefusal() {
    }

    public ExecutionRefusal(long executionId, String code, String message) {
        this.executionId = executionId;
        this.code = code;
        this.message = message;
    }

    /** @return the execution's refusals, by code */
    public static List<ExecutionRefusal> of(long executionId) {
        return EntityRows.where(ExecutionRefusal.class, "executionId", executionId, "code");
    }
}
