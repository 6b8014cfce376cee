package dev.cutover.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.migrations.notifications.schedule.CronSchedule;

/**
 * The atomic-activation check of DESIGN.md §7, for any test that runs the dispatcher through a
 * switch (activate, rollback, apply): over a window of slots the dispatcher processed, it compares
 * {@code dispatch_log} with the tuples a reference model makes due, computed here independently of
 * the dispatcher (straight from {@link CronSchedule}, policy by policy, slot by slot).
 *
 * <p>It finds (a) ticks whose rows come from more than one model or generation, and slots whose rows
 * come from more than one tick, (b) tuples due but not dispatched, dispatched but not due, and
 * dispatched more than once, and (c) which models and generations dispatched, in tick order, and how
 * often the model changed from one tick to the next, so a test can require that a switch happened
 * inside the window. Usually through {@link DispatcherRun#audit}; see {@link DispatchAuditReport}.
 */
public final class DispatchAudit {

    private DispatchAudit() {
    }

    /** One policy of a reference model, as {@code export} and the plan list it. */
    public record ReferencePolicy(String tenant, String channel, int priority, String schedule, String timezone,
            List<String> recipients) {

        /**
         * @param json an {@code export} document ({@code {"policies": [...]}}) or an array of policies
         *             (the plan's model); other fields ({@code id}, {@code members}) are ignored
         */
        public static List<ReferencePolicy> fromJson(JsonNode json) {
            JsonNode policies = json.isArray() ? json : json.get("policies");
            List<ReferencePolicy> reference = new ArrayList<>();
            for (JsonNode p : policies) {
                List<String> recipients = new ArrayList<>();
                p.get("recipients").forEach(r -> recipients.add(r.asText()));
                reference.add(new ReferencePolicy(p.get("tenant").asText(), p.get("channel").asText(),
                        p.get("priority").asInt(), p.get("schedule").asText(), p.get("timezone").asText(),
                        List.copyOf(recipients)));
            }
            return reference;
        }

        /** @return the policies the demo data should make, from the demo's own oracle */
        public static List<ReferencePolicy> ofDemo() {
            return DemoRules.generate().expectedPolicies().stream().map(p -> new ReferencePolicy(p.tenant(),
                    p.channel(), p.priority(), p.schedule(), p.timezone(), p.recipients())).toList();
        }
    }

    /** One dispatch: (tenant, channel, priority, recipient, slot). */
    public record Tuple(String tenant, String channel, int priority, String recipient, Instant slot)
            implements Comparable<Tuple> {

        private static final Comparator<Tuple> ORDER = Comparator.comparing(Tuple::slot).thenComparing(Tuple::tenant)
                .thenComparing(Tuple::channel).thenComparingInt(Tuple::priority).thenComparing(Tuple::recipient);

        @Override
        public int compareTo(Tuple other) {
            return ORDER.compare(this, other);
        }
    }

    /** One {@code dispatch_log} row. */
    public record Row(long tick, Tuple tuple, String model, int generation) {

        /** @return {@code legacy} or {@code generation N} */
        public String modelLabel() {
            return "legacy".equals(model) && generation == 0 ? "legacy" : model + " " + generation;
        }
    }

    /** @return the {@code count} minutes from {@code first} on */
    public static List<Instant> minutes(Instant first, int count) {
        return slots(first, Duration.ofMinutes(1), count);
    }

    /** @return {@code first}, {@code first + step}, ..., {@code count} slots */
    public static List<Instant> slots(Instant first, Duration step, int count) {
        List<Instant> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.add(first.plus(step.multipliedBy(i)));
        }
        return slots;
    }

    /**
     * Audits the rows logged for the window's slots by ticks numbered above {@code afterTick} (so rows
     * of earlier runs over the same slots are left out).
     */
    public static DispatchAuditReport audit(DataSource dataSource, Collection<Instant> window, long afterTick,
            List<ReferencePolicy> reference) {
        return audit(rows(dataSource, window, afterTick), window, reference);
    }

    /** Audits the given rows (those outside the window are ignored): no database needed. */
    public static DispatchAuditReport audit(List<Row> rows, Collection<Instant> window, List<ReferencePolicy> reference) {
        Set<Instant> slots = new LinkedHashSet<>(window);
        SortedSet<Tuple> expected = expected(reference, slots);
        Map<Tuple, Integer> counts = new TreeMap<>();
        Map<Long, Set<String>> modelsByTick = new TreeMap<>();
        Map<Instant, Set<Long>> ticksBySlot = new TreeMap<>();
        for (Row row : rows) {
            if (slots.contains(row.tuple().slot())) {
                counts.merge(row.tuple(), 1, Integer::sum);
                modelsByTick.computeIfAbsent(row.tick(), t -> new TreeSet<>()).add(row.modelLabel());
                ticksBySlot.computeIfAbsent(row.tuple().slot(), s -> new TreeSet<>()).add(row.tick());
            }
        }
        List<Tuple> missing = expected.stream().filter(t -> !counts.containsKey(t)).toList();
        List<Tuple> unexpected = counts.keySet().stream().filter(t -> !expected.contains(t)).toList();
        Map<Tuple, Integer> duplicates = new TreeMap<>();
        counts.forEach((tuple, count) -> {
            if (count > 1) {
                duplicates.put(tuple, count);
            }
        });
        Map<Long, Set<String>> mixedTicks = new TreeMap<>();
        modelsByTick.forEach((tick, models) -> {
            if (models.size() > 1) {
                mixedTicks.put(tick, models);
            }
        });
        Map<Instant, Set<Long>> splitSlots = new TreeMap<>();
        ticksBySlot.forEach((slot, ticks) -> {
            if (ticks.size() > 1) {
                splitSlots.put(slot, ticks);
            }
        });
        Map<String, Long> firstTickOfModel = new LinkedHashMap<>();
        int switches = 0;
        String previous = null;
        for (Map.Entry<Long, Set<String>> tick : modelsByTick.entrySet()) {
            for (String model : tick.getValue()) {
                firstTickOfModel.putIfAbsent(model, tick.getKey());
                switches += previous != null && !previous.equals(model) ? 1 : 0;
                previous = model;
            }
        }
        int dispatched = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new DispatchAuditReport(slots.size(), expected.size(), dispatched, modelsByTick.size(), missing,
                unexpected, duplicates, mixedTicks, splitSlots, List.copyOf(firstTickOfModel.keySet()), switches);
    }

    /** @return the tuples the reference model makes due in the window's slots, each once */
    public static SortedSet<Tuple> expected(List<ReferencePolicy> reference, Collection<Instant> window) {
        SortedSet<Tuple> expected = new TreeSet<>();
        Map<String, CronSchedule> schedules = new HashMap<>();
        for (ReferencePolicy policy : reference) {
            CronSchedule schedule = schedules.computeIfAbsent(policy.schedule(), text -> CronSchedule.parse(text)
                    .orElseThrow(() -> new IllegalArgumentException("reference schedule does not parse: " + policy)));
            ZoneId zone = ZoneId.of(policy.timezone());
            for (Instant slot : window) {
                if (schedule.matches(LocalDateTime.ofInstant(slot, zone))) {
                    for (String recipient : policy.recipients()) {
                        expected.add(new Tuple(policy.tenant(), policy.channel(), policy.priority(), recipient, slot));
                    }
                }
            }
        }
        return expected;
    }

    /** @return the rows logged for the window's slots by ticks above {@code afterTick}, by id */
    public static List<Row> rows(DataSource dataSource, Collection<Instant> window, long afterTick) {
        if (window.isEmpty()) {
            return List.of();
        }
        Instant from = window.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant to = window.stream().max(Comparator.naturalOrder()).orElseThrow();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select tick, slot, tenant, channel, priority, recipient, model, generation from dispatch_log
                where slot between ? and ? and tick > ? order by id""")) {
            ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            ps.setLong(3, afterTick);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Tuple tuple = new Tuple(rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                            rs.getObject(2, OffsetDateTime.class).toInstant());
                    rows.add(new Row(rs.getLong(1), tuple, rs.getString(7), rs.getInt(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dispatch_log", e);
        }
    }

    /** @return the highest tick number logged so far (0 when none): pass it as {@code afterTick} */
    public static long lastTick(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select coalesce(max(tick), 0) from dispatch_log"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dispatch_log", e);
        }
    }
}
