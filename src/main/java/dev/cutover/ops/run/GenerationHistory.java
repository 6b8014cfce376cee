package dev.cutover.ops.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.cutover.framework.model.ExecutingModelPointer;
import dev.cutover.framework.model.ModelGeneration;
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
    MigrationCatalog catalog;

    /** @return every migration of this build, sorted by id */
    @Transactional
    public List<Executing> all() {
        return catalog.names().stream().map(this::of).toList();
    }

    private Executing of(String migration) {
        List<Switch> history = new ArrayList<>();
        ModelGeneration.of(migration).forEach(
                g -> history.add(new Switch(g.activatedAt, ACTIVATED, -1, g.generation, g.executionId)));
        ModelRollbackRecord.of(migration).forEach(
                r -> history.add(new Switch(r.rolledBackAt, ROLLED_BACK, r.fromGeneration, r.toGeneration, null)));
        history.sort(Comparator.comparing(Switch::at));
        // an activation switches from whatever executed just before it
        List<Switch> replayed = new ArrayList<>();
        int executing = 0;
        for (Switch s : history) {
            Switch complete = s.kind().equals(ACTIVATED) ? new Switch(s.at(), s.kind(), executing, s.to(), s.executionId()) : s;
            replayed.add(complete);
            executing = complete.to();
        }
        ExecutingModelPointer pointer = ExecutingModelPointer.findById(migration);
        return pointer == null ? new Executing(migration, 0, null, replayed)
                : new Executing(migration, pointer.generation, pointer.switchedAt, replayed);
    }
}
