package dev.cutover.migrations.notifications.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.cutover.framework.metrics.LiveExecutorMetrics;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.model.ExecutingBehavior;
import dev.cutover.framework.model.ReadSnapshot;
import dev.cutover.migrations.notifications.behavior.NotificationModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The live behavior of the notification platform (DESIGN.md §3): on every tick it reads, in one
 * database snapshot, which model of {@value #MIGRATION} executes (legacy or an activated generation),
 * computes the notifications due in the tick's slots from that model only (reading the rules of the
 * schedules due in them, a part at a time, {@link DueTargets}, not the whole model), and logs them in
 * {@code dispatch_log} with the tick number and the model and generation that produced them.
 *
 * <p><b>Ticks.</b> Each tick that has slots due ({@link SlotClock}) is one REPEATABLE READ transaction
 * ({@link ReadSnapshot}): pointer, model and inserts together. Activation and rollback switch
 * the pointer in one transaction, so a tick sees the old model or the new one, never a mix. A tick
 * that fails is rolled back and logged; its slots stay due and the next tick processes them again:
 * nothing is lost and nothing doubled. Ticks never overlap, {@link #tickOnce} included.
 *
 * <p><b>Restart and crash.</b> State is in memory: the clock's position and the model cache. A crash
 * loses no committed dispatch and leaves no partial tick. A restarted {@link #startServing() serving}
 * dispatcher starts with the current minute, or the next one when the log already holds the current
 * minute (its previous incarnation dispatched it); minutes that passed while no dispatcher ran are
 * not dispatched. Tick numbers continue after the highest one logged. One limit: a commit whose
 * acknowledgement is lost (the connection drops during COMMIT) counts as failed, so its slots would be
 * logged again.
 *
 * <p>One dispatcher per database is assumed: two running at once would both dispatch.
 */
@ApplicationScoped
public class NotificationDispatcher implements LiveExecutor {

    /** The migration whose executing model is dispatched. */
    public static final String MIGRATION = NotificationModel.ID;

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    // longer than a tick's transaction timeout, so that stop() outwaits any tick that can still commit
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(ReadSnapshot.TIMEOUT_SECONDS + 30);
    private static final int FAILURE_LOG_EVERY = 60;

    @Inject
    ReadSnapshot snapshot;

    @Inject
    ExecutingBehavior behavior;

    @Inject
    DispatcherConfig config;

    @Inject
    LiveExecutorMetrics liveMetrics;

    private final ReentrantLock tickLock = new ReentrantLock();
    private final DueTargets due = new DueTargets();
    private ScheduledExecutorService executor;
    private volatile SlotClock clock;
    private volatile LiveExecutorMetrics.Executor meters;
    // guarded by tickLock
    private long lastTick = -1;
    private String lastModel;
    private int failuresInARow;

    /**
     * Starts ticking on the dispatcher's own thread: a tick at once, then {@code tick} after the end of
     * each one.
     *
     * @throws IllegalStateException when already running
     */
    public synchronized void start(Duration tick, SlotClock clock) {
        if (isRunning()) {
            throw new IllegalStateException("the dispatcher is already running");
        }
        this.clock = clock;
        meters();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cutover-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::scheduledTick, 0, tick.toNanos(), TimeUnit.NANOSECONDS);
        LOG.infof("dispatcher: started, a tick every %s", tick);
    }

    /**
     * Starts the real-time dispatcher at the configured tick ({@code cutover.dispatcher.tick}): what
     * {@code serve} calls. Starts with the current minute, or the next one when the log already holds
     * the current minute.
     *
     * @return false when it was already running (nothing changes)
     */
    @Override
    public String name() {
        return "dispatcher";
    }

    @Override
    public synchronized boolean startServing() {
        if (isRunning()) {
            return false;
        }
        Instant now = Slots.minuteOf(Instant.now());
        boolean dispatched = snapshot.call(connection -> DispatchLogWriter.logged(connection, now));
        start(config.tick(), SlotClock.realTime(Clock.systemUTC(), dispatched ? now.plus(Slots.MINUTE) : now));
        return true;
    }

    /** Stops ticking; waits for a running tick to commit or roll back. Does nothing when not running. */
    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        // shutdown() cancels the next ticks but lets the running one finish: interrupting it mid-JDBC
        // would only turn a clean commit into a rollback
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("dispatcher: a tick still runs after %s; interrupting it", STOP_TIMEOUT);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        LOG.info("dispatcher: stopped");
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }

    /**
     * Runs one tick now, on the caller's thread, with the clock of the last {@link #start}.
     *
     * @throws IllegalStateException when the dispatcher was never started; see {@link #tickOnce(SlotClock)}
     */
    public TickResult tickOnce() {
        SlotClock current = clock;
        if (current == null) {
            throw new IllegalStateException("no slot clock: start the dispatcher or call tickOnce(clock)");
        }
        return tickOnce(current);
    }

    /**
     * Runs one tick now, on the caller's thread, with {@code slotClock}, after any running tick.
     *
     * @return what it dispatched; {@link TickResult#isIdle() idle} when no slot was due
     * @throws RuntimeException what made the tick fail, after its transaction rolled back; its slots
     *                          stay due in {@code slotClock}
     */
    public TickResult tickOnce(SlotClock slotClock) {
        return tick(slotClock);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            startServing();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    private void scheduledTick() {
        // an exception escaping a scheduled task would cancel all further ticks
        try {
            tick(clock);
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    private TickResult tick(SlotClock slotClock) {
        tickLock.lock();
        try {
            List<Instant> slots = slotClock.dueSlots();
            if (slots.isEmpty()) {
                meters().decided("idle");
                return TickResult.idle();
            }
            long started = System.nanoTime();
            // the model read by schedule: a slot reads the rules of the schedules due in it, not the whole model
            Committed committed = behavior.inSnapshotByKey(NotificationModel.INSTANCE, (read, connection) -> {
                if (lastTick < 0) {
                    lastTick = DispatchLogWriter.lastTick(connection);
                }
                // a number is never reused, even by a tick that rolls back
                long tick = ++lastTick;
                DispatchLogWriter.TickLog log = new DispatchLogWriter.TickLog(connection);
                DueTargets.Pass pass = due.forEach(read, slots, log::add);
                // the pass handed every schedule of the model once: counted there, not by a query of its own
                ExecutingDispatchModel executing = new ExecutingDispatchModel(read.generation(), read.runId(), pass.keys());
                return new Committed(tick, executing, log.log(tick, executing), pass);
            });
            // only now, after the commit, may the clock forget these slots
            slotClock.processed(slots.get(slots.size() - 1));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            committed(committed, slots, elapsed);
            meters().decided("dispatched");
            ExecutingDispatchModel executing = committed.executing();
            return new TickResult(committed.tick(), slots, executing.kind(), executing.generation(), executing.runId(),
                    committed.rows(), elapsed);
        } catch (RuntimeException e) {
            failuresInARow++;
            meters().decided("failed");
            throw e;
        } finally {
            tickLock.unlock();
        }
    }

    private void committed(Committed committed, List<Instant> slots, Duration elapsed) {
        if (failuresInARow > 0) {
            LOG.infof("dispatcher: tick %d succeeded after %d failed ticks", committed.tick(), failuresInARow);
            failuresInARow = 0;
        }
        ExecutingDispatchModel executing = committed.executing();
        String model = executing.kind() + " " + executing.generation() + " run " + executing.runId();
        if (!model.equals(lastModel)) {
            LOG.infof("dispatcher: from tick %d executing %s", committed.tick(), executing);
            lastModel = model;
        }
        LOG.debugf("dispatcher: tick %d, %d slots from %s, %d dispatched in %d ms (%d schedules read, %d parts of "
                + "due ones)", committed.tick(), slots.size(), slots.get(0), committed.rows(), elapsed.toMillis(),
                committed.pass().keys(), committed.pass().parts());
    }

    private void failed(Throwable failure) {
        int failures = failuresInARow;
        if (failures <= 1 || failures % FAILURE_LOG_EVERY == 0) {
            SlotClock current = clock;
            List<Instant> pending = current == null ? List.of() : current.dueSlots();
            LOG.errorf(failure, "dispatcher: tick failed (%d in a row) and was rolled back; slots from %s are "
                    + "dispatched by the next tick", failures, pending.isEmpty() ? "?" : pending.get(0));
        }
    }

    /** Ticks by outcome: dispatched (slots committed), idle (none due), failed (rolled back). */
    private LiveExecutorMetrics.Executor meters() {
        LiveExecutorMetrics.Executor registered = meters;
        if (registered == null) {
            registered = liveMetrics.register(MIGRATION, name(), "dispatched", "idle", "failed");
            meters = registered;
        }
        return registered;
    }

    private record Committed(long tick, ExecutingDispatchModel executing, int rows, DueTargets.Pass pass) {
    }
}
