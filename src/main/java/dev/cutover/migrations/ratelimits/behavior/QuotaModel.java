package dev.cutover.migrations.ratelimits.behavior;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.ExecutableModel;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.migrations.ratelimits.normalize.QuotaLeaf;
import dev.cutover.migrations.ratelimits.plan.Quota;

/**
 * What the admission checker needs to execute {@code rate-limits-v2}: its id, the codecs of its leaves
 * and quotas, and its {@link LimitsBehavior}. The descriptor delegates to this one, so the checker
 * depends on it rather than on the descriptor (which names the checker).
 */
public final class QuotaModel implements ExecutableModel<QuotaLeaf, Quota, EffectiveLimits> {

    public static final String ID = "rate-limits-v2";

    public static final QuotaModel INSTANCE = new QuotaModel();

    private static final JsonCodec<QuotaLeaf> LEAVES = JsonCodec.of(QuotaLeaf.class);
    private static final JsonCodec<Quota> QUOTAS = JsonCodec.of(Quota.class);

    private final LimitsBehavior behavior = new LimitsBehavior();

    private QuotaModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public JsonCodec<QuotaLeaf> leafCodec() {
        return LEAVES;
    }

    @Override
    public JsonCodec<Quota> entityCodec() {
        return QUOTAS;
    }

    @Override
    public BehaviorModel<QuotaLeaf, Quota, EffectiveLimits> behavior() {
        return behavior;
    }
}
