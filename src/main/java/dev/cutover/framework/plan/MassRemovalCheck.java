package dev.cutover.framework.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ExecutingModelReader;
import dev.cutover.framework.run.Sql;

/**
 * {@code MASS_REMOVAL} (DESIGN.md §5): more than {@code cutover.plan.mass-removal-share} (default
 * 0.10) of the executing generation's entities are absent from the plan, as when a source lost most
 * of its rules. Never raised while legacy executes (there is nothing to remove). Reads only; a
 * restarted plan step asks again and answers for the generation executing then.
 *
 * <p>It describes the executing state, not the data, so it stays out of the digest
 * ({@link PlanReportBuilder}).
 */
@ApplicationScoped
public class MassRemovalCheck {

    public static final String CODE = AnomalyCodes.MASS_REMOVAL;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @ConfigProperty(name = "cutover.plan.mass-removal-share", defaultValue = "0.10")
    BigDecimal share;

    @Inject
    ExecutingModelReader models;

    @Inject
    DataSource dataSource;

    /**
     * @param runId the run whose planned model is in {@code planned_entity}
     * @return the anomaly, or empty when legacy executes or few enough entities would go
     * @throws IllegalStateException when the configured share is not between 0 and 1
     */
    public Optional<PlanReport.PlanAnomaly> check(String migration, long runId) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("cutover.plan.mass-removal-share must be between 0 and 1, was " + share);
        }
        ExecutingModel executing = models.current(migration);
        if (executing.isLegacy()) {
            return Optional.empty();
        }
        // set-based: each executing entity is looked up in the plan by (run, id), whatever the model's size
        long[] counts = Sql.query(dataSource, """
                select count(*), count(*) filter (where not exists (
                  select 1 from planned_entity p where p.run_id = ? and p.entity_id = t.entity_id))
                from target_entity t where t.run_id = ?""", rs -> new long[] { rs.getLong(1), rs.getLong(2) },
                runId, executing.runId()).get(0);
        long staged = counts[0];
        BigDecimal absent = BigDecimal.valueOf(counts[1]);
        if (absent.compareTo(share.multiply(BigDecimal.valueOf(staged))) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new PlanReport.PlanAnomaly(CODE, counts[1] + " of " + staged + " "
                + executing.entityKind() + " of generation " + executing.generation() + " are absent from this plan ("
                + percent(absent, staged) + ", more than " + plain(share.multiply(HUNDRED)) + "%)"));
    }

    /** Rounded to whole percents, unless that would read as not more than the share (10.4% as 10%). */
    private String percent(BigDecimal absent, long staged) {
        BigDecimal exact = absent.multiply(HUNDRED).divide(BigDecimal.valueOf(staged), 6, RoundingMode.HALF_UP);
        BigDecimal limit = share.multiply(HUNDRED);
        for (int scale = 0; scale < 6; scale++) {
            BigDecimal shown = exact.setScale(scale, RoundingMode.HALF_UP);
            if (shown.compareTo(limit) > 0) {
                return plain(shown) + "%";
            }
        }
        return plain(exact) + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
