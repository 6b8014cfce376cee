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

    /** The codes the framework raises itself, whatever the migration. */
    public static final Set<String> FRAMEWORK = Set.of(
            "SOURCE_INCOMPLETE", // a source's distinct fetched ids differ from its final total
            "EMPTY_SOURCE", // a source lists no record at all
            "BEHAVIOR_CHANGE", // the behavior check found the planned model does something else
            "MASS_REMOVAL", // a large share of the executing generation's entities is absent from the plan
            "DRIFT"); // a source changed between retrieval and activation

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
