package dev.cutover.migrations.notifications;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.AnomalyCodes;
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
import dev.cutover.migrations.notifications.behavior.NotificationModel;
import dev.cutover.migrations.notifications.demo.NotificationDemo;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import dev.cutover.migrations.notifications.normalize.AnomalyCode;
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

    public static final String ID = NotificationModel.ID;


    @Inject
    NotificationDispatcher dispatcher;

    private final RuleNormalization normalization = new RuleNormalization();
    private final NotificationPlanner planner = new NotificationPlanner();
    private final PolicyValidator validator = new PolicyValidator();
    // what the dispatcher executes, shared with it: one definition of codecs and behavior
    private final NotificationModel model = NotificationModel.INSTANCE;

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
        return model.leafCodec();
    }

    @Override
    public JsonCodec<PolicyBody> entityCodec() {
        return model.entityCodec();
    }

    /** The record codes of DESIGN.md §5; the planner raises no plan anomaly of its own. */
    @Override
    public Set<String> anomalyCodes() {
        return AnomalyCodes.namesOf(AnomalyCode.class);
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
        return model.behavior();
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
