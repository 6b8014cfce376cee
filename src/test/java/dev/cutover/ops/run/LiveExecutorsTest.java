package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.normalize.RecordNormalizer;
import dev.cutover.framework.plan.TargetPlanner;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.stage.TargetValidator;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import io.quarkus.test.junit.QuarkusTest;

/** {@code serve} runs the live executor of every migration of the build, whichever it is. */
@QuarkusTest
class LiveExecutorsTest {

    /** A second migration known only to the tests: its executor counts what serve asks of it. */
    @ApplicationScoped
    static class CountingMigration implements MigrationDescriptor, LiveExecutor {
        private final AtomicInteger starts = new AtomicInteger();
        private final AtomicInteger stops = new AtomicInteger();

        // read through methods: the injected reference is a client proxy, whose own fields stay unset
        int starts() {
            return starts.get();
        }

        int stops() {
            return stops.get();
        }

        @Override
        public String id() {
            return "test-live-executor";
        }

        @Override
        public String entityKind() {
            return "things";
        }

        // this migration is never run: only its live executor is
        @Override
        public RecordNormalizer normalizer() {
            return copies -> {
                throw new UnsupportedOperationException("never run");
            };
        }

        @Override
        public TargetPlanner planner() {
            return (outcomes, start) -> {
                throw new UnsupportedOperationException("never run");
            };
        }

        @Override
        public TargetValidator validator() {
            return entities -> List.of();
        }

        @Override
        public Optional<LiveExecutor> liveExecutor() {
            return Optional.of(this);
        }

        @Override
        public String name() {
            return "counter";
        }

        @Override
        public boolean startServing() {
            starts.incrementAndGet();
            return true;
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    @Inject
    LiveExecutors executors;

    @Inject
    CountingMigration counting;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    DataSource dataSource;

    @Test
    void everyMigrationsLiveExecutorIsStartedAndStopped() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        List<String> started = executors.startAll();
        try {
            assertThat(started).containsExactly("notification-rules-v2: dispatcher running",
                    "test-live-executor: counter running");
            assertThat(counting.starts()).isEqualTo(1);
            assertThat(dispatcher.isRunning()).isTrue();
        } finally {
            executors.stopAll();
        }
        assertThat(counting.stops()).isEqualTo(1);
        assertThat(dispatcher.isRunning()).isFalse();
        // the real-time dispatcher logged the current minute: other tests audit the log from scratch
        Sql.update(dataSource, "delete from dispatch_log where slot >= ?", before);
    }
}
