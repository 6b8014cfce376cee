package dev.cutover.migrations.notifications.dispatch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.cutover.migrations.notifications.CronSchedule;

/**
 * A model the dispatcher can execute, legacy rules or target policies alike: entries of (tenant,
 * channel, priority, schedule, zone, recipients), grouped by distinct (schedule, zone) so that
 * {@link #dueAt} costs one cron match per distinct schedule and zone, not one per rule.
 *
 * <p>A UTC minute is due for (schedule, zone) when the schedule matches the zone's wall-clock time at
 * that instant (DESIGN.md §5 rule 8), so a local time skipped by a DST change never fires and a
 * repeated one fires once per UTC minute that shows it. Schedules are grouped by their canonical
 * form, so two spellings of one schedule share a group.
 *
 * <p>Immutable and thread-safe once built: a cached model can serve any number of ticks.
 */
public final class DispatchModel {

    private static final DispatchModel EMPTY = new DispatchModel(List.of(), 0);

    private final List<ScheduleGroup> groups;
    private final int entries;

    private DispatchModel(List<ScheduleGroup> groups, int entries) {
        this.groups = groups;
        this.entries = entries;
    }

    /** @return a model that dispatches nothing (legacy before any retrieval completed) */
    public static DispatchModel empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param slot a whole UTC minute
     * @return the targets due in that minute, each once however many entries make it due, in
     *         {@link DispatchTarget} order
     * @throws IllegalArgumentException when {@code slot} is not a whole minute
     */
    public SortedSet<DispatchTarget> dueAt(Instant slot) {
        if (!slot.truncatedTo(ChronoUnit.MINUTES).equals(slot)) {
            throw new IllegalArgumentException("a slot is a whole UTC minute, not " + slot);
        }
        // one zone conversion per zone per slot, whatever the number of its schedules
        Map<ZoneId, LocalDateTime> localTimes = new HashMap<>();
        SortedSet<DispatchTarget> due = new TreeSet<>();
        for (ScheduleGroup group : groups) {
            LocalDateTime local = localTimes.computeIfAbsent(group.zone(), zone -> LocalDateTime.ofInstant(slot, zone));
            if (group.schedule().matches(local)) {
                due.addAll(group.targets());
            }
        }
        return due;
    }

    /** @return how many entries (legacy leaves or policies) the model was built from */
    public int entryCount() {
        return entries;
    }

    /** @return how many distinct (schedule, zone) pairs a slot is matched against */
    public int scheduleCount() {
        return groups.size();
    }

    @Override
    public String toString() {
        return entries + " entries, " + groups.size() + " distinct schedules";
    }

    private record ScheduleGroup(CronSchedule schedule, ZoneId zone, List<DispatchTarget> targets) {
    }

    private record GroupKey(String canonicalSchedule, ZoneId zone) {
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {

        private final Map<String, CronSchedule> parsed = new HashMap<>();
        private final Map<String, ZoneId> zones = new HashMap<>();
        private final Map<GroupKey, CronSchedule> schedules = new LinkedHashMap<>();
        private final Map<GroupKey, Set<DispatchTarget>> targets = new LinkedHashMap<>();
        private int entries;

        private Builder() {
        }

        /**
         * Adds one rule or policy.
         *
         * @param owner names the entry in the message when it cannot be executed
         * @throws IllegalStateException naming the owner when the schedule does not parse or the zone is
         *                               not a tz region id: a model the dispatcher cannot execute
         *                               exactly must not be executed partly
         */
        public Builder add(String tenant, String channel, int priority, String schedule, String timezone,
                Collection<String> recipients, Supplier<String> owner) {
            CronSchedule cron = parsed.computeIfAbsent(schedule, text -> CronSchedule.parse(text).orElse(null));
            if (cron == null) {
                throw new IllegalStateException(owner.get() + ": schedule '" + schedule + "' does not parse");
            }
            GroupKey key = new GroupKey(cron.canonical(), zone(timezone, owner));
            schedules.putIfAbsent(key, cron);
            Set<DispatchTarget> group = targets.computeIfAbsent(key, k -> new LinkedHashSet<>());
            for (String recipient : recipients) {
                group.add(new DispatchTarget(tenant, channel, priority, recipient));
            }
            entries++;
            return this;
        }

        public DispatchModel build() {
            List<ScheduleGroup> groups = new ArrayList<>(schedules.size());
            schedules.forEach((key, cron) -> groups.add(new ScheduleGroup(cron, key.zone(), List.copyOf(targets.get(key)))));
            return new DispatchModel(List.copyOf(groups), entries);
        }

        private ZoneId zone(String timezone, Supplier<String> owner) {
            ZoneId zone = zones.get(timezone);
            if (zone == null) {
                try {
                    zone = ZoneId.of(timezone);
                } catch (DateTimeException | NullPointerException e) {
                    throw new IllegalStateException(owner.get() + ": unknown time zone '" + timezone + "'", e);
                }
                zones.put(timezone, zone);
            }
            return zone;
        }
    }
}
