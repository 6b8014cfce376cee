package dev.cutover.framework.plan;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a run's plan report is about ({@code plan_report} without its text): read as an entity, written
 * only by {@link PlanStore} with the report itself, which may be large and stays out of the
 * persistence context (JDBC writes and reads it as text).
 */
@Entity
@Immutable
@Table(name = "plan_report")
public class PlanMetadata extends PanacheEntityBase {

    @Id
    public long runId;

    /** The execution whose plan step wrote it last. */
    public long executionId;

    public String migration;

    /** The digest of the plan (what an apply's {@code --plan-digest} names). */
    public String digest;

    /** What the migration's entities are called. */
    public String entityKind;

    public Instant createdAt;
}
