package dev.cutover.ops.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.cutover.framework.run.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which generation each migration executes and how it got there, as {@code status} shows it: every
 * activation ({@code model_generation}) and every rollback ({@code model_rollback}, recorded by
 * {@link ModelRollback}) in the order they happened. Reads only.
 */
@RegisterForReflection(targets = { GenerationHistory.Executing.class, GenerationHistory.Switch.class })
@ApplicationScoped
public class GenerationHistory {

    /** The kinds of {@link Switch}. */
    public static final String ACTIVATED = "activated";
    public static final String ROLLED_BACK = "rolled back";

    /**
     * One switch of the executing generation.
     *
     * @param executionId the apply that activated, or {@code null} for a rollback
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Switch(Instant at, String kind, int from, int to, Long executionId) {
    }

    /**
     * A migration's executing generation (0 = legacy) since {@code since} ({@code null}: never switched)
     * and every switch, oldest first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Executing(String migration, int generation, Instant since, List<Switch> history) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MigrationCatalog catalog;

    /** @return every migration of this build, sorted by id */
    public List<Executing> all() {
        return catalog.names().stream().map(this::of).toList();
    }

    private Executing of(String migration) {
        List<Switch> history = new ArrayList<>();
        Sql.query(dataSource, "select generation, activated_at, execution_id from model_generation where migration = ?",
                rs -> history.add(new Switch(rs.getTimestamp(2).toInstant(), ACTIVATED, -1, rs.getInt(1), rs.getLong(3))),
                migration);
        Sql.query(dataSource, "select from_generation, to_generation, rolled_back_at from model_rollback where migration = ?",
                rs -> history.add(new Switch(rs.getTimestamp(3).toInstant(), ROLLED_BACK, rs.getInt(1), rs.getInt(2), null)),
                migration);
        history.sort(Comparator.comparing(Switch::at));
        // an activation switches from whatever executed just before it
        List<Switch> replayed = new ArrayList<>();
        int executing = 0;
        for (Switch s : history) {
            Switch complete = s.kind().equals(ACTIVATED) ? new Switch(s.at(), s.kind(), executing, s.to(), s.executionId()) : s;
            replayed.add(complete);
            executing = complete.to();
        }
        return Sql.query(dataSource, "select generation, switched_at from executing_model where migration = ?",
                rs -> new Executing(migration, rs.getInt(1), rs.getTimestamp(2).toInstant(), replayed), migration)
                .stream().findFirst().orElse(new Executing(migration, 0, null, replayed));
    }
}
