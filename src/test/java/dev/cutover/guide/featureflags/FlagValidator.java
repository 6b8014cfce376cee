package dev.cutover.guide.featureflags;

import java.util.List;
import java.util.function.Consumer;

import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.TargetValidator;
import dev.cutover.framework.toolkit.CodePoints;

/** A staged flag names its app and flag, has a state in at least one environment, and lists each sorted once. */
public final class FlagValidator implements TargetValidator<FlagBody> {

    @Override
    public void check(Entity<FlagBody> entity, Consumer<String> problems) {
        FlagBody flag = entity.body();
        if (flag.app().isBlank() || flag.flag().isBlank()) {
            problems.accept("has no app or no flag name");
        }
        if (flag.on().isEmpty() && flag.off().isEmpty()) {
            problems.accept("is on or off in no environment");
        }
        checkSorted("on", flag.on(), problems);
        checkSorted("off", flag.off(), problems);
    }

    private static void checkSorted(String list, List<String> envs, Consumer<String> problems) {
        for (int i = 1; i < envs.size(); i++) {
            if (CodePoints.compare(envs.get(i - 1), envs.get(i)) >= 0) {
                problems.accept("'" + list + "' is not sorted and distinct: " + envs);
                return;
            }
        }
    }
}
