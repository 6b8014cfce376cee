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

import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.migration.BehaviorCheck;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.Entity;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.migration.Migrated;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.run.Sql;
import dev.cutover.framework.source.RulesApiProtocol;
import dev.cutover.framework.source.SourceProtocol;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;
import io.quarkus.test.junit.QuarkusTest;

/** {@code serve} runs the live executor of every migration of the build, whichever it is. */
@QuarkusTest
class LiveExecutorsTest {

    /** A second migration known only to the tests: its executor counts what serve asks of it. */
    @ApplicationScoped
    static class CountingMigration implements MigrationDescriptor<String, String, String>, LiveExecutor {
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
        public SourceProtocol sourceProtocol() {
            return RulesApiProtocol.INSTANCE;
        }

        @Override
        public JsonCodec<String> leafCodec() {
            return JsonCodec.of(String.class);
        }

        @Override
        public JsonCodec<String> entityCodec() {
            return JsonCodec.of(String.class);
        }

        @Override
        public RecordNormalizer<String> normalizer() {
            return copies -> {
                throw new UnsupportedOperationException("never run");
            };
        }

        @Override
        public TargetPlanner<String, String> planner() {
            return new TargetPlanner<>() {
                @Override
                public JsonNode groupKey(String leaf) {
                    throw new UnsupportedOperationException("never run");
                }

                @Override
                public String entity(JsonNode key, List<Migrated<String>> leaves) {
                    throw new UnsupportedOperationException("never run");
                }
            };
        }

        @Override
        public BehaviorModel<String, String, String> behavior() {
            return new BehaviorModel<>() {
                @Override
                public String legacy(Stream<Migrated<String>> records) {
                    throw new UnsupportedOperationException("never run");
                }

                @Override
                public String target(Stream<Entity<String>> entities) {
                    throw new UnsupportedOperationException("never run");
                }

                @Override
                public String empty() {
                    return "";
                }

                @Override
                public BehaviorCheck compare(String legacy, String planned, Instant horizonStart) {
                    throw new UnsupportedOperationException("never run");
                }
            };
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
                    "rate-limits-v2: admission checker running", "test-live-executor: counter running");
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
