package dev.cutover.guide.featureflags;

import java.util.List;

/**
 * The target entity of {@code feature-flags-v2}: one flag of one app, with the environments where it is
 * on and those where it is off (each sorted, code-point order). An environment in neither list has no
 * state for this flag: the flag is off there by default. An environment in both is a conflict, which
 * {@link FlagPlanner#checkModel} reports as {@code CONFLICTING_STATE}.
 */
public record FlagBody(String app, String flag, List<String> on, List<String> off) {
}
