package dev.cutover.migrations.notifications.behavior;

import java.util.Comparator;

import dev.cutover.framework.toolkit.CodePoints;

/**
 * Who is notified, and how, when a schedule is due: a dispatch tuple without its slot. Two rules that
 * notify the same target in the same slot dispatch it once (DESIGN.md §3: behavior is a set of tuples).
 *
 * @param tenant    trimmed tenant
 * @param channel   email, sms, webhook or pager
 * @param priority  1..5
 * @param recipient one normalized recipient
 */
public record DispatchTarget(String tenant, String channel, int priority, String recipient)
        implements Comparable<DispatchTarget> {

    // a fixed order so that a slot's rows are logged in the same order on every run; by code point, as
    // PostgreSQL's "C" collation sorts the rows the dispatcher logs
    private static final Comparator<DispatchTarget> ORDER = Comparator.comparing(DispatchTarget::tenant, CodePoints.ORDER)
            .thenComparing(DispatchTarget::channel, CodePoints.ORDER).thenComparingInt(DispatchTarget::priority)
            .thenComparing(DispatchTarget::recipient, CodePoints.ORDER);

    @Override
    public int compareTo(DispatchTarget other) {
        return ORDER.compare(this, other);
    }
}
