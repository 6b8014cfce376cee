package dev.cutover.migrations.notifications.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.metrics.LiveExecutorMetrics;
import dev.cutover.framework.run.Sql;
import dev.cutover.support.DispatchAudit.ReferencePolicy;
import dev.cutover.support.DispatchAudit;
import dev.cutover.support.DispatchAuditReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dispatcher on the real-time clock, with a generation due every minute so that every slot shows:
 * catching up several minutes in one tick, and a restart within a minute it already dispatched.
 */
@QuarkusTest
class NotificationDispatcherRealTimeTest {

    /** Staged entities are immutable per run (the dispatcher caches them so): a run id of its own. */
    private static final long EVERY_MINUTE_RUN = 9_000_000_001L;
    private static final Instant MONDAY_0800 = Instant.parse("2025-01-06T08:00:00Z");

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    Generations generations;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private JsonNode policies;

    @BeforeEach
    void everyMinuteGenerationExecutes() throws Exception {
        generations.deleteAll(EVERY_MINUTE_RUN);
        // the same recipient through two schedules due together on the hour: dispatched once
        policies = json.readTree("""
                [{"id": "pol_every_minute", "tenant": "realtime-test", "channel": "email", "priority": 1,
                  "schedule": "* * * * *", "timezone": "UTC", "recipients": ["a@rt.example", "b@rt.example"]},
                 {"id": "pol_hourly", "tenant": "realtime-test", "channel": "email", "priority": 1,
                  "schedule": "0 * * * *", "timezone": "Asia/Tokyo", "recipients": ["a@rt.example"]}]""");
        generations.stage(EVERY_MINUTE_RUN, policies);
        generations.activate(EVERY_MINUTE_RUN);
    }

    @AfterEach
    void cleanUp() {
        dispatcher.stop();
        generations.deleteAll(EVERY_MINUTE_RUN);
    }

    @Test
    void aTickThatFellBehindDispatchesEveryMissedMinuteInOneTransactionFromOneModel() {
        SlotClock clock = SlotClock.realTime(Clock.fixed(MONDAY_0800.plus(Duration.ofMinutes(30)), ZoneOffset.UTC),
                MONDAY_0800);

        TickResult tick = dispatcher.tickOnce(clock);

        List<Instant> window = DispatchAudit.minutes(MONDAY_0800, 31);
        assertThat(tick.slots()).isEqualTo(window);
        assertThat(tick.dispatched()).isEqualTo(31 * 2);
        DispatchAuditReport report = DispatchAudit.audit(dataSource, window, 0, ReferencePolicy.fromJson(policies))
                .assertExactlyOnceAndUnmixed();
        assertThat(report.ticks()).isEqualTo(1);
        assertThat(report.modelsSeen()).containsExactly("generation 1");
        assertThat(dispatcher.tickOnce(clock).isIdle()).as("nothing new is due").isTrue();
    }

    @Test
    void aRestartedServingDispatcherDoesNotDispatchAMinuteItAlreadyDispatched() {
        assertThat(dispatcher.startServing()).isTrue();
        assertThat(dispatcher.startServing()).as("already running").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> generations.rowsAt(null) > 0);
        dispatcher.stop();

        double ticksBefore = completedTicks();
        assertThat(dispatcher.startServing()).isTrue();
        // the restarted dispatcher's first tick, which it runs at once: the one that would dispatch the
        // minute again (a failed tick, rolled back, would prove nothing, so it does not count)
        await().atMost(Duration.ofSeconds(10)).until(() -> completedTicks() > ticksBefore);
        dispatcher.stop();

        List<Long> rowsPerSlot = Sql.query(dataSource, "select count(*) from dispatch_log group by slot order by slot",
                rs -> rs.getLong(1));
        assertThat(rowsPerSlot).isNotEmpty().allMatch(rows -> rows == 2);
    }

    /** Ticks of the dispatcher that committed or had nothing due, as its metrics count them. */
    private double completedTicks() {
        return registry.find(LiveExecutorMetrics.DECISIONS).tag("migration", NotificationDispatcher.MIGRATION)
                .tag("executor", dispatcher.name()).counters().stream()
                .filter(c -> !"failed".equals(c.getId().getTag("outcome"))).mapToDouble(Counter::count).sum();
    }
}
