package dev.cutover.migrations.ratelimits.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.LiveExecutorMetrics;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.model.ExecutingBehavior.Executing;
import dev.cutover.framework.model.ExecutingBehavior;
import dev.cutover.migrations.ratelimits.behavior.EffectiveLimits;
import dev.cutover.migrations.ratelimits.behavior.QuotaModel;
import dev.cutover.migrations.ratelimits.behavior.RequestClass;
import dev.cutover.migrations.ratelimits.normalize.RateLimit;

/**
 * The live behavior of {@code rate-limits-v2}, run by {@code cutover serve}: the gateway's admission
 * checker. Each {@link #decide} is one unit of work: it reads the executing generation and its model
 * in one REPEATABLE READ snapshot ({@link ExecutingBehavior#inSnapshot}), so a decision
 * taken while an activation or a rollback commits comes wholly from the old model or wholly from the
 * new one, and reports which. The model is {@link EffectiveLimits}, the one the plan's behavior gate
 * compares, so the gate and the gateway cannot disagree; an ambiguous setting (accepted
 * {@code REGION_CONFLICT} within one region) is resolved to its strictest limit. A decision reads the
 * settings of its service only (the model's key, {@link ExecutingBehavior#inSnapshotByKey}), so the
 * checker's memory does not grow with the model; the first decision after a switch indexes the new model
 * by service.
 * <p>
 * Decisions are read-only, so stopping loses nothing and a restarted checker has nothing to resume;
 * each decision is logged (DEBUG, category of this class) with its generation.
 */
@ApplicationScoped
public class AdmissionChecker implements LiveExecutor {

    private static final Logger LOG = Logger.getLogger(AdmissionChecker.class);

    /** Asked for a decision while the checker is not serving. */
    public static final class NotServing extends RuntimeException {
        NotServing() {
            super("the rate-limit admission checker is not serving (cutover serve starts it)");
        }
    }

    @Inject
    ExecutingBehavior behavior;

    @Inject
    LiveExecutorMetrics liveMetrics;

    private volatile boolean serving;
    private volatile LiveExecutorMetrics.Executor meters;

    @Override
    public String name() {
        return "admission checker";
    }

    @Override
    public synchronized boolean startServing() {
        if (serving) {
            return false;
        }
        serving = true;
        meters();
        LOG.info("admission checker: serving");
        return true;
    }

    @Override
    public synchronized void stop() {
        if (serving) {
            serving = false;
            LOG.info("admission checker: stopped");
        }
    }

    /** Decisions by outcome: limited (a limit applies), unlimited (none does). */
    private LiveExecutorMetrics.Executor meters() {
        LiveExecutorMetrics.Executor registered = meters;
        if (registered == null) {
            registered = liveMetrics.register(QuotaModel.ID, name(), "limited", "unlimited");
            meters = registered;
        }
        return registered;
    }

    public boolean isServing() {
        return serving;
    }

    /**
     * @param route a route pattern, or {@code *} for a route without an override
     * @param tier  a known tier, lower-case
     * @throws NotServing when not serving
     */
    public Decision decide(String region, String service, String route, String tier) {
        if (!serving) {
            throw new NotServing();
        }
        // a decision is about one service (the model's key and partition): only that service's settings are read
        Executing<EffectiveLimits> executing = behavior.inSnapshot(QuotaModel.INSTANCE, service, (read, connection) -> read);
        RateLimit limit = executing.model().limit(new RequestClass(region, service, route, tier));
        Decision decision = new Decision(region, service, route, tier, executing.generation(), executing.runId(),
                limit == null, limit == null ? null : limit.ratePerSecond().toString(), limit == null ? null : limit.burst());
        meters().decided(decision.unlimited() ? "unlimited" : "limited");
        LOG.debugf("admission: %s", decision);
        return decision;
    }
}
