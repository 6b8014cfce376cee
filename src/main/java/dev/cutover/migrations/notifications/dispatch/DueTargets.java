package dev.cutover.migrations.notifications.dispatch;

import java.sql.SQLException;
import java.time.Instant;
import java.util.SortedSet;

import dev.cutover.framework.model.ExecutingByKey;
import dev.cutover.migrations.notifications.behavior.DispatchModel;
import dev.cutover.migrations.notifications.behavior.DispatchTarget;
import dev.cutover.migrations.notifications.behavior.ScheduleKey;
import dev.cutover.migrations.notifications.schedule.DueMinutes;

/**
 * The targets due in one slot of a model read by schedule key ({@link ScheduleKey}): each of the model's
 * distinct schedules is matched against the slot, and only the rules or policies of the schedules due
 * are read, a part of at most {@link #partElements()} of them at a time ({@link ExecutingByKey#forEachPart}),
 * so a tick holds one part's targets, never the whole model nor all of a slot (a schedule that every
 * rule shares is as due as the whole model). A target may come in several parts (two schedules or two
 * parts make it due): the {@link DispatchLogWriter.TickLog} logs it once. The model's schedule keys are
 * streamed from its index each slot and none is kept: hostile legacy data may spell a schedule per rule,
 * and a parsed schedule comes from {@code CronSchedule}'s bounded cache. Stateless between slots.
 */
final class DueTargets {

    /**
     * Rules or policies per part: the keys' cache holds as many ({@code KeyedModels}), so a schedule whose
     * rules fit in it is read once, and a part's targets stay a few MB.
     */
    static final int PART_ELEMENTS = 10_000;

    /** Receives the targets due in one part of a schedule's rules or policies. */
    @FunctionalInterface
    interface Due {
        void accept(SortedSet<DispatchTarget> targets) throws SQLException;
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
     * Hands the targets due in {@code slot} to {@code due}, one part of a due schedule's rules or policies
     * at a time, each part's in {@link DispatchTarget} order.
     *
     * @param slot a whole UTC minute
     * @throws IllegalStateException naming a schedule or an element of the model that cannot be executed
     */
    void forEach(ExecutingByKey<DispatchModel> model, Instant slot, Due due) throws SQLException {
        DueMinutes minute = DueMinutes.window(slot, 1);
        model.forEachKey(key -> {
            if (minute.isDue(ScheduleKey.parse(key), 0)) {
                model.forEachPart(key, partElements, part -> due.accept(part.dueAt(slot)));
            }
        });
    }
}
