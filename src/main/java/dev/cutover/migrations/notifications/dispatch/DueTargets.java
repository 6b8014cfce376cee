package dev.cutover.migrations.notifications.dispatch;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import dev.cutover.framework.model.ExecutingByKey;
import dev.cutover.migrations.notifications.behavior.DispatchModel;
import dev.cutover.migrations.notifications.behavior.DispatchTarget;
import dev.cutover.migrations.notifications.behavior.ScheduleKey;
import dev.cutover.migrations.notifications.schedule.DueMinutes;
import dev.cutover.migrations.notifications.schedule.ZonedSchedule;

/**
 * The targets due in a tick's slots from a model read by schedule key ({@link ScheduleKey}): each of the
 * model's distinct schedules is matched against every slot of the tick, and only the rules or policies
 * of the schedules due are read, a part of at most {@link #partElements()} of them at a time
 * ({@link ExecutingByKey#forEachPart}), so a tick holds one part's targets, never the whole model nor all
 * of a slot (a schedule that every rule shares is as due as the whole model). A target may come in
 * several parts (two schedules or two parts make it due): the {@link DispatchLogWriter.TickLog} logs it
 * once per slot. The model's schedule keys are streamed from its index once per tick, whatever the
 * number of slots, and a due schedule's rules are read once for all the slots it is due in: a tick that
 * catches up on several minutes costs one pass over the keys, not one per minute (on hostile data
 * spelling a schedule per rule, a pass parses every spelling beyond {@code CronSchedule}'s bounded cache,
 * so passes per minute would let a lagging dispatcher fall further behind with each tick). No key is
 * kept. Stateless between ticks.
 */
final class DueTargets {

    /**
     * Rules or policies per part: the keys' cache holds as many ({@code KeyedModels}), so a schedule whose
     * rules fit in it is read once, and a part's targets stay a few MB.
     */
    static final int PART_ELEMENTS = 10_000;

    /** Receives the targets due in one slot from one part of a schedule's rules or policies. */
    @FunctionalInterface
    interface Due {
        void accept(Instant slot, SortedSet<DispatchTarget> targets) throws SQLException;
    }

    /**
     * What one {@link #forEach} read of the model.
     *
     * @param keys  the schedule keys handed from the model's index (each once)
     * @param parts the parts of due schedules' rules or policies read (each due schedule's once)
     */
    record Pass(long keys, long parts) {
    }

    private final int partElements;

    DueTargets() {
        this(PART_ELEMENTS);
    }

    DueTargets(int partElements) {
        this.partElements = partElements;
    }

    int partElements() {
        return partElements;
    }

    /**
     * Hands the targets due in each of {@code slots} to {@code due}, one part of a due schedule's rules or
     * policies at a time, each part's targets of a slot in {@link DispatchTarget} order; the slots of one
     * part come in the order given.
     *
     * @param slots whole UTC minutes, ascending
     * @return what was read: every key once, and the parts of the keys due in at least one slot, once
     * @throws IllegalStateException naming a schedule or an element of the model that cannot be executed
     */
    Pass forEach(ExecutingByKey<DispatchModel> model, List<Instant> slots, Due due) throws SQLException {
        List<DueMinutes> minutes = new ArrayList<>(slots.size());
        for (Instant slot : slots) {
            minutes.add(DueMinutes.window(slot, 1));
        }
        List<Instant> dueIn = new ArrayList<>(slots.size());
        long[] read = new long[2];
        model.forEachKey(key -> {
            read[0]++;
            ZonedSchedule schedule = ScheduleKey.parse(key);
            dueIn.clear();
            for (int i = 0; i < slots.size(); i++) {
                if (minutes.get(i).isDue(schedule, 0)) {
                    dueIn.add(slots.get(i));
                }
            }
            if (!dueIn.isEmpty()) {
                model.forEachPart(key, partElements, part -> {
                    read[1]++;
                    for (Instant slot : dueIn) {
                        due.accept(slot, part.dueAt(slot));
                    }
                });
            }
        });
        return new Pass(read[0], read[1]);
    }
}
