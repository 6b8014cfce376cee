package dev.cutover.framework.migration;

import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The anomaly codes an operator can accept ({@code --accept}, the API's {@code accept}) for a
 * migration: the ones it declares ({@link MigrationDescriptor#anomalyCodes()}) and the plan and
 * activation anomalies the framework raises for every migration (DESIGN.md §5). A code outside this
 * set can never be raised, so accepting it is a mistake (a typo) that is refused, not ignored.
 */
public final class AnomalyCodes {

    /** A source's distinct fetched ids differ from its final total. */
    public static final String SOURCE_INCOMPLETE = "SOURCE_INCOMPLETE";
    /** A source lists no record at all. */
    public static final String EMPTY_SOURCE = "EMPTY_SOURCE";
    /** The behavior check found that the planned model does something else. */
    public static final String BEHAVIOR_CHANGE = "BEHAVIOR_CHANGE";
    /** A large share of the executing generation's entities is absent from the plan. */
    public static final String MASS_REMOVAL = "MASS_REMOVAL";
    /** A source changed between retrieval and activation. */
    public static final String DRIFT = "DRIFT";

    /**
     * The codes the framework raises itself, whatever the migration: the steps raise them through the
     * constants above, so a code cannot be raised without being acceptable.
     */
    public static final Set<String> FRAMEWORK = Set.of(SOURCE_INCOMPLETE, EMPTY_SOURCE, BEHAVIOR_CHANGE, MASS_REMOVAL,
            DRIFT);

    private AnomalyCodes() {
    }

    /** @return the names of an enum's constants: the usual way a migration spells its record codes */
    public static Set<String> namesOf(Class<? extends Enum<?>> codes) {
        return Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    }

    /** @return every code an operator can accept for this migration, sorted */
    public static SortedSet<String> acceptable(MigrationDescriptor<?, ?, ?> migration) {
        SortedSet<String> codes = new TreeSet<>(FRAMEWORK);
        codes.addAll(migration.anomalyCodes());
        return codes;
    }
}
