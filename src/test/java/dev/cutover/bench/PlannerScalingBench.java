package dev.cutover.bench;

import dev.cutover.framework.plan.ModelPlanning;
import dev.cutover.migrations.notifications.NotificationRulesMigration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.normalize.RecordOutcome;
import dev.cutover.framework.plan.TargetPlan;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.plan.NotificationPlanner;

/**
 * Shows that {@link NotificationPlanner} scales linearly with the number of migrated records: plans
 * synthetic runs of 10,000 and 100,000 records drawn from the same few hundred (schedule, zone)
 * pairs and prints the times and their ratio (about 10 when linear; less when the fixed cost of
 * computing the calendars of the distinct schedules still weighs at 10,000). Not a test: run it with
 * {@code ./mvnw -B -Pbench verify}.
 */
public final class PlannerScalingBench {

    private static final Instant START = Instant.parse("2024-03-25T00:00:00Z");
    private static final String[] CHANNELS = { "email", "sms", "webhook", "pager" };
    private static final String[] ZONES = { "UTC", "Europe/Paris", "America/New_York" };
    private static final int SCHEDULES = 300;
    private static final int TENANTS = 200;
    private static final int RECIPIENTS_PER_TENANT = 40;
    private static final int REPEATS = 5;

    private PlannerScalingBench() {
    }

    public static void main(String[] args) {
        NotificationRulesMigration planner = new NotificationRulesMigration();
        List<RecordOutcome> small = outcomes(10_000);
        List<RecordOutcome> large = outcomes(100_000);
        ModelPlanning.plan(planner, small::forEach, START); // warm-up: class loading and JIT

        long smallNanos = timed(planner, small, "10k");
        long largeNanos = timed(planner, large, "100k");
        System.out.printf("ratio 100k/10k: %.2f (linear = 10)%n", (double) largeNanos / smallNanos);
    }

    /** @return the median of {@value #REPEATS} runs, in nanoseconds */
    private static long timed(NotificationRulesMigration planner, List<RecordOutcome> outcomes, String label) {
        long[] nanos = new long[REPEATS];
        TargetPlan plan = null;
        for (int i = 0; i < REPEATS; i++) {
            System.gc(); // so that one run's garbage is not collected in the next one's time
            long begin = System.nanoTime();
            plan = ModelPlanning.plan(planner, outcomes::forEach, START);
            nanos[i] = System.nanoTime() - begin;
        }
        Arrays.sort(nanos);
        System.out.printf("%-5s records=%d policies=%d legacyDispatches=%d newDispatches=%d equal=%b: "
                + "median %d ms (min %d, max %d)%n", label, outcomes.size(), plan.entityCount(),
                plan.behavior().legacyDispatches(), plan.behavior().newDispatches(), plan.behavior().equal(),
                nanos[REPEATS / 2] / 1_000_000, nanos[0] / 1_000_000, nanos[REPEATS - 1] / 1_000_000);
        return nanos[REPEATS / 2];
    }

    private static List<RecordOutcome> outcomes(int records) {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        List<RecordOutcome> outcomes = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            int leafCount = 1 + random.nextInt(2);
            List<PolicyLeaf> leaves = new ArrayList<>(leafCount);
            for (int l = 0; l < leafCount; l++) {
                leaves.add(leaf(random));
            }
            outcomes.add(RecordOutcome.migrated("src-" + (r % 3), "r-" + r, null, json.valueToTree(leaves)));
        }
        return outcomes;
    }

    private static PolicyLeaf leaf(Random random) {
        int schedule = random.nextInt(SCHEDULES);
        String minuteHour = (schedule % 60) + " " + (schedule / 60 % 24);
        // every third schedule uses a legacy spelling, so the check evaluates both spellings
        String[] days = switch (schedule % 3) {
            case 0 -> new String[] { "*", "*" };
            case 1 -> new String[] { "1,2,3,4,5", "MON-FRI" };
            default -> new String[] { "0,6", "SAT,SUN" };
        };
        int tenant = random.nextInt(TENANTS);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            recipients.add(String.format("user%02d@tenant%03d.example", random.nextInt(RECIPIENTS_PER_TENANT), tenant));
        }
        List<String> sorted = recipients.stream().distinct().sorted().toList();
        return new PolicyLeaf("tenant-" + tenant, CHANNELS[random.nextInt(CHANNELS.length)], 1 + random.nextInt(5),
                minuteHour + " * * " + days[0], minuteHour + " * * " + days[1], ZONES[schedule % ZONES.length],
                sorted);
    }
}
