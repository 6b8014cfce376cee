package dev.cutover.migrations.notifications.behavior;

import java.time.Instant;
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
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import dev.cutover.migrations.notifications.schedule.DueMinutes;
import dev.cutover.migrations.notifications.schedule.ZonedSchedule;

/**
 * A model the dispatcher can execute, legacy rules or target policies alike: entries of (tenant,
 * channel, priority, schedule, zone, recipients), grouped by distinct {@link ZonedSchedule} (two
 * spellings of one schedule in one zone share a group) so that {@link #dueAt} costs one cron match
 * per distinct schedule and zone, not one per rule.
 *
 * <p>Whether a group is due in a slot is decided by {@link DueMinutes}, the definition the behavior
 * check evaluates over its horizon too: a UTC minute is due when the schedule matches the zone's
 * wall-clock time at that instant, so a local time skipped by a DST change never fires and a
 * repeated one fires once per UTC minute that shows it.
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
        // a window of one slot: each zone's wall clock is derived once, whatever the number of its schedules
        DueMinutes minute = DueMinutes.window(slot, 1);
        SortedSet<DispatchTarget> due = new TreeSet<>();
        for (ScheduleGroup group : groups) {
            if (minute.isDue(group.schedule(), 0)) {
                due.addAll(group.targets());
            }
        }
        return due;
    }

    /**
     * Hands each distinct (schedule, zone) of the model, with the targets it dispatches to, to
     * {@code action}, in the order they were first added: what the behavior check compares.
     */
    public void forEachSchedule(BiConsumer<ZonedSchedule, List<DispatchTarget>> action) {
        groups.forEach(group -> action.accept(group.schedule(), group.targets()));
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

    private record ScheduleGroup(ZonedSchedule schedule, List<DispatchTarget> targets) {
    }

    private record Spelling(String schedule, String timezone) {
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {

        // by text first, so that a rule spelled like an earlier one is not parsed again
        private final Map<Spelling, ZonedSchedule> parsed = new HashMap<>();
        private final Map<ZonedSchedule, Set<DispatchTarget>> targets = new LinkedHashMap<>();
        // one instance of each tenant and channel: every entry parsed its own copy, and a tenant has many
        // rules (1M legacy records held 820,689 targets: 148 MB live, which a 256 MB heap could not build)
        private final Map<String, String> names = new HashMap<>();
        private int entries;

        private Builder() {
        }

        /**
         * Adds one rule or policy.
         *
         * @param owner names the entry in the message when it cannot be executed
         * @throws IllegalStateException naming the owner when the schedule does not parse or the zone is
         *                               unknown ({@link ZonedSchedule#parse}): a model the dispatcher
         *                               cannot execute exactly must not be executed partly
         */
        public Builder add(String tenant, String channel, int priority, String schedule, String timezone,
                Collection<String> recipients, Supplier<String> owner) {
            Spelling text = new Spelling(schedule, timezone);
            ZonedSchedule key = parsed.get(text);
            if (key == null) {
                key = ZonedSchedule.parse(schedule, timezone, owner);
                parsed.put(text, key);
            }
            Set<DispatchTarget> group = targets.computeIfAbsent(key, k -> new LinkedHashSet<>());
            String sharedTenant = names.computeIfAbsent(tenant, name -> name);
            String sharedChannel = names.computeIfAbsent(channel, name -> name);
            for (String recipient : recipients) {
                group.add(new DispatchTarget(sharedTenant, sharedChannel, priority, recipient));
            }
            entries++;
            return this;
        }

        public DispatchModel build() {
            List<ScheduleGroup> groups = new ArrayList<>(targets.size());
            targets.forEach((key, group) -> groups.add(new ScheduleGroup(key, List.copyOf(group))));
            return new DispatchModel(List.copyOf(groups), entries);
        }
    }
}
