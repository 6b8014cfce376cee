package dev.cutover.migrations.notifications.dispatch;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.cutover.framework.model.ExecutingByKey;
import dev.cutover.migrations.notifications.behavior.DispatchModel;
import dev.cutover.migrations.notifications.behavior.DispatchTarget;
import dev.cutover.migrations.notifications.behavior.ScheduleKey;
import dev.cutover.migrations.notifications.schedule.DueMinutes;
import dev.cutover.migrations.notifications.schedule.ZonedSchedule;

/**
 * The targets due in one slot of a model read by schedule key ({@link ScheduleKey}): each of the model's
 * distinct schedules is matched against the slot, and only the rules or policies of the schedules due
 * are read ({@link ExecutingByKey#model}), so a tick holds what is due, never the whole model. Each
 * target is due once however many schedules make it due. The parsed schedules of the model read last
 * are kept (one per distinct schedule). Not thread-safe: the dispatcher's ticks never overlap.
 */
final class DueTargets {

    private Long runId;
    private int generation = -1;
    private final Map<String, ZonedSchedule> parsed = new HashMap<>();

    /**
     * @param slot a whole UTC minute
     * @return the targets due in that minute, in {@link DispatchTarget} order
     * @throws IllegalStateException naming a schedule or an element of the model that cannot be executed
     */
    SortedSet<DispatchTarget> at(ExecutingByKey<DispatchModel> model, Instant slot) throws SQLException {
        if (model.generation() != generation || !Objects.equals(model.runId(), runId)) {
            parsed.clear();
            generation = model.generation();
            runId = model.runId();
        }
        DueMinutes minute = DueMinutes.window(slot, 1);
        SortedSet<DispatchTarget> due = new TreeSet<>();
        for (String key : model.keys()) {
            if (minute.isDue(parsed.computeIfAbsent(key, ScheduleKey::parse), 0)) {
                due.addAll(model.model(key).dueAt(slot));
            }
        }
        return due;
    }
}
