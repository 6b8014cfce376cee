package dev.cutover.migrations.notifications;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.normalize.RecordNormalizer;
import dev.cutover.framework.plan.TargetPlanner;
import dev.cutover.framework.stage.TargetValidator;
import dev.cutover.migrations.notifications.demo.NotificationDemo;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;

/**
 * The reference migration (DESIGN.md §3): legacy notification rules to policies, with the platform's
 * dispatcher as its live behavior and a built-in demo data set.
 */
@ApplicationScoped
public class NotificationRulesMigration implements MigrationDescriptor {

    public static final String ID = "notification-rules-v2";

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    NotificationPlanner planner;

    @Inject
    PolicyValidator validator;

    private final RuleNormalization normalization = new RuleNormalization();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String entityKind() {
        return "policies";
    }

    @Override
    public RecordNormalizer normalizer() {
        return normalization::normalize;
    }

    @Override
    public TargetPlanner planner() {
        return planner;
    }

    @Override
    public TargetValidator validator() {
        return validator;
    }

    @Override
    public Optional<LiveExecutor> liveExecutor() {
        return Optional.of(dispatcher);
    }

    @Override
    public Optional<DemoData> demoData() {
        return Optional.of(new NotificationDemo());
    }
}
