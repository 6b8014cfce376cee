package dev.cutover.migrations.ratelimits;

import java.util.HashSet;
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
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.migrations.ratelimits.admission.AdmissionChecker;
import dev.cutover.migrations.ratelimits.behavior.EffectiveLimits;
import dev.cutover.migrations.ratelimits.behavior.QuotaModel;
import dev.cutover.migrations.ratelimits.demo.RateLimitsDemo;
import dev.cutover.migrations.ratelimits.normalize.KvEntryNormalizer;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.normalize.RateAnomaly;
import dev.cutover.migrations.ratelimits.plan.Quota;
import dev.cutover.migrations.ratelimits.plan.QuotaPlanner;
import dev.cutover.migrations.ratelimits.plan.QuotaValidator;
import dev.cutover.migrations.ratelimits.source.KvProtocol;

/**
 * The second migration: API-gateway rate limits, read from regional Consul-like KV stores (one source
 * per region, {@link KvProtocol}), become {@code quotas}: one per (service, route, tier, rate, burst),
 * whatever the spelling and however many regions hold it. The live behavior is the gateway's
 * {@link AdmissionChecker}; {@code --demo} serves three generated regions. Its sources are configured
 * with {@code cutover.migrations.rate-limits-v2.sources.<region>.url}.
 */
@ApplicationScoped
public class RateLimitsMigration implements MigrationDescriptor<QuotaLeaf, Quota, EffectiveLimits> {

    public static final String ID = QuotaModel.ID;


    @Inject
    AdmissionChecker admission;

    private final KvEntryNormalizer normalizer = new KvEntryNormalizer();
    private final QuotaPlanner planner = new QuotaPlanner();
    private final QuotaValidator validator = new QuotaValidator();
    // what the admission checker executes, shared with it: one definition of codecs and behavior
    private final QuotaModel model = QuotaModel.INSTANCE;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String entityKind() {
        return "quotas";
    }

    @Override
    public SourceProtocol sourceProtocol() {
        return KvProtocol.INSTANCE;
    }

    @Override
    public JsonCodec<QuotaLeaf> leafCodec() {
        return model.leafCodec();
    }

    @Override
    public JsonCodec<Quota> entityCodec() {
        return model.entityCodec();
    }

    /** The record codes ({@link RateAnomaly}) and the planner's region conflicts ({@link QuotaPlanner#PLAN_ANOMALY_CODES}). */
    @Override
    public Set<String> anomalyCodes() {
        Set<String> codes = new HashSet<>(AnomalyCodes.namesOf(RateAnomaly.class));
        codes.addAll(QuotaPlanner.PLAN_ANOMALY_CODES);
        return codes;
    }

    @Override
    public RecordNormalizer<QuotaLeaf> normalizer() {
        return normalizer;
    }

    @Override
    public TargetPlanner<QuotaLeaf, Quota> planner() {
        return planner;
    }

    @Override
    public TargetValidator<Quota> validator() {
        return validator;
    }

    @Override
    public BehaviorModel<QuotaLeaf, Quota, EffectiveLimits> behavior() {
        return model.behavior();
    }

    @Override
    public Optional<LiveExecutor> liveExecutor() {
        return Optional.of(admission);
    }

    @Override
    public Optional<DemoData> demoData() {
        return Optional.of(new RateLimitsDemo());
    }
}
