package dev.cutover.migrations.notifications;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.migration.TargetValidator;
import dev.cutover.framework.source.RulesApiProtocol;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.migrations.notifications.behavior.DispatchModel;
import dev.cutover.migrations.notifications.behavior.NotificationBehavior;
import dev.cutover.migrations.notifications.demo.NotificationDemo;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.normalize.RuleNormalization;
import dev.cutover.migrations.notifications.plan.NotificationPlanner;
import dev.cutover.migrations.notifications.plan.PolicyBody;
import dev.cutover.migrations.notifications.plan.PolicyValidator;

/**
 * The reference migration (DESIGN.md §3): legacy notification rules read from §4 sources to policies,
 * with the platform's dispatcher as its live behavior and a built-in demo data set. Its sources may
 * still be configured as {@code cutover.sources.<name>.url}, the spelling of the releases before
 * per-migration configuration.
 */
@ApplicationScoped
public class NotificationRulesMigration implements MigrationDescriptor<PolicyLeaf, PolicyBody, DispatchModel> {

    public static final String ID = "notification-rules-v2";

    private static final JsonCodec<PolicyLeaf> LEAVES = JsonCodec.of(PolicyLeaf.class);
    private static final JsonCodec<PolicyBody> POLICIES = JsonCodec.of(PolicyBody.class);

    @Inject
    NotificationDispatcher dispatcher;

    private final RuleNormalization normalization = new RuleNormalization();
    private final NotificationPlanner planner = new NotificationPlanner();
    private final PolicyValidator validator = new PolicyValidator();
    private final NotificationBehavior behavior = new NotificationBehavior();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String entityKind() {
        return "policies";
    }

    @Override
    public SourceProtocol sourceProtocol() {
        return RulesApiProtocol.INSTANCE;
    }

    @Override
    public JsonCodec<PolicyLeaf> leafCodec() {
        return LEAVES;
    }

    @Override
    public JsonCodec<PolicyBody> entityCodec() {
        return POLICIES;
    }

    @Override
    public RecordNormalizer<PolicyLeaf> normalizer() {
        return normalization;
    }

    @Override
    public TargetPlanner<PolicyLeaf, PolicyBody> planner() {
        return planner;
    }

    @Override
    public TargetValidator<PolicyBody> validator() {
        return validator;
    }

    @Override
    public BehaviorModel<PolicyLeaf, PolicyBody, DispatchModel> behavior() {
        return behavior;
    }

    @Override
    public Optional<LiveExecutor> liveExecutor() {
        return Optional.of(dispatcher);
    }

    @Override
    public Optional<DemoData> demoData() {
        return Optional.of(new NotificationDemo());
    }

    @Override
    public boolean readsSharedSources() {
        return true;
    }
}
