package dev.cutover.migrations.notifications.plan;

import java.util.function.Consumer;

import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.TargetValidator;
import dev.cutover.migrations.notifications.schedule.CronSchedule;

/** A staged policy is complete: a key, a schedule that parses, and at least one recipient. */
public final class PolicyValidator implements TargetValidator<PolicyBody> {

    @Override
    public void check(Entity<PolicyBody> entity, Consumer<String> problems) {
        PolicyBody policy = entity.body();
        if (policy.recipients().isEmpty()) {
            problems.accept("has no recipient");
        }
        for (String[] field : new String[][] { { "tenant", policy.tenant() }, { "channel", policy.channel() },
                { "schedule", policy.schedule() }, { "timezone", policy.timezone() } }) {
            if (field[1] == null || field[1].isEmpty()) {
                problems.accept("has no " + field[0]);
            }
        }
        if (policy.schedule() != null && CronSchedule.parse(policy.schedule()).isEmpty()) {
            problems.accept("has an invalid schedule '" + policy.schedule() + "'");
        }
    }
}
