package dev.cutover.guide.featureflags;

import java.util.HashMap;
import java.util.Map;

/**
 * The executable model of {@code feature-flags-v2}: for each (app, env, flag) that has a state, whether
 * it is on, off, or both (a conflict); built from legacy leaves or from flag entities alike. Immutable once
 * built, so the live evaluator may share one between threads.
 */
public final class FlagTable {

    /** What a model answers for one (app, env, flag). */
    public enum Answer {
        ON, OFF, CONFLICT, UNSET
    }

    public static final FlagTable EMPTY = new FlagTable(Map.of());

    private final Map<Address, Answer> answers;

    private FlagTable(Map<Address, Answer> answers) {
        this.answers = Map.copyOf(answers);
    }

    /** @return whether flag {@code flag} is on for {@code app} in {@code env} (off when unset or conflicting) */
    public boolean isOn(String app, String env, String flag) {
        return answer(app, env, flag) == Answer.ON;
    }

    public Answer answer(String app, String env, String flag) {
        return answers.getOrDefault(new Address(app, env, flag), Answer.UNSET);
    }

    /** @return how many (app, env, flag) have a state: the decisions the behavior gate counts */
    public int decisions() {
        return answers.size();
    }

    /** Two tables are equal when they answer every (app, env, flag) alike. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FlagTable table && table.answers.equals(answers);
    }

    @Override
    public int hashCode() {
        return answers.hashCode();
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<Address, Answer> answers = new HashMap<>();

        Builder add(String app, String env, String flag, boolean enabled) {
            Answer answer = enabled ? Answer.ON : Answer.OFF;
            answers.merge(new Address(app, env, flag), answer, (a, b) -> a == b ? a : Answer.CONFLICT);
            return this;
        }

        FlagTable build() {
            return new FlagTable(answers);
        }
    }

    private record Address(String app, String env, String flag) {
    }
}
