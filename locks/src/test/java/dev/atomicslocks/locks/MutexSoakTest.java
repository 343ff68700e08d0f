package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A soak test: many threads, for seconds on end, mixing every way of taking the lock
 * (lock, tryLock, timed tryLock, lockInterruptibly, with interrupts thrown in) with a
 * producer-consumer hand-off through the condition variable, against Condvar with the public
 * Mutex and against MutexLock's Condition. At the end the totals must be exact: every
 * increment counted once, every item produced consumed once or still in the buffer.
 *
 * <p>A watchdog samples a progress counter; if it stops moving for {@link #STALL_LIMIT},
 * the watchdog records every thread's stack, stops the run and the test fails with the dump,
 * instead of hanging until the build's own timeout.
 *
 * <p>It runs for {@value #DEFAULT_SECONDS} seconds per lock by default, which CI affords; set
 * the system property {@value #SECONDS_PROPERTY} (shared with {@code RwLockSoakTest}) for a
 * long soak, for example five minutes per lock with {@code mvn -pl locks -am verify
 * -Dtest=MutexSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddev.atomicslocks.locks.soak.seconds=300}. The build gives one test JVM 15 minutes, so a
 * longer soak runs one lock at a time ({@code -Dtest='MutexSoakTest#*[1]'}, then
 * {@code [2]}); the test's own timeout, an hour, is only a backstop, since the watchdog ends a
 * stalled run after {@code STALL_LIMIT}.
 */
final class MutexSoakTest {

    /** The system property that sets the run time per lock, in seconds. */
    static final String SECONDS_PROPERTY = "dev.atomicslocks.locks.soak.seconds";
    /** The run time per lock when the property is not set; chosen for CI. */
    static final int DEFAULT_SECONDS = 2;
    private static final int WORKERS = 8;
    private static final int BUFFER_CAPACITY = 4;
    /** How long a wait for the buffer may last before the worker does something else. */
    private static final Duration BUFFER_PATIENCE = Duration.ofMillis(5);
    private static final Duration TRY_TIMEOUT = Duration.ofMillis(1);
    /** How often the watchdog samples progress, and interrupts a random worker. */
    private static final Duration WATCHDOG_PERIOD = Duration.ofMillis(100);
    /** No progress for this long counts as a stall. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(10);

    static Stream<Named<Supplier<TestCondition>>> conditions() {
        return TestCondition.all().filter(named -> !named.getName().startsWith("ReentrantLock"));
    }

    // Every worker mixes all forms of locking and the hand-off until time is up; the counts
    // add up exactly and the watchdog never saw a stall.
    @ParameterizedTest
    @MethodSource("conditions")
    @Timeout(value = 1, unit = TimeUnit.HOURS)
    void mixedOperations_forSeconds_keepExactTotalsAndNeverStall(
            Supplier<TestCondition> factory) throws Exception {
        TestCondition condition = factory.get();
        Shared shared = new Shared();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds()).toNanos();
        AtomicLong progress = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(new Worker(w, condition, shared, deadline, progress));
        }
        // Daemons: a worker stuck for good must not keep the test JVM from exiting.
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            threads.add(Thread.ofPlatform().daemon().name("soak-" + worker.id).start(worker));
        }
        AtomicReference<@Nullable String> stall = new AtomicReference<>();
        Thread watchdog = Thread.ofPlatform().daemon().name("soak-watchdog")
                .start(() -> watch(threads, progress, stall));

        for (Thread thread : threads) {
            while (!thread.join(WATCHDOG_PERIOD)) {
                assertThat(stall.get()).as("stall report").isNull();
            }
        }
        watchdog.interrupt();
        watchdog.join();

        assertThat(stall.get()).as("stall report").isNull();
        assertTotals(condition, shared, workers);
    }

    private static void assertTotals(TestCondition condition, Shared shared,
            List<Worker> workers) {
        long increments = workers.stream().mapToLong(w -> w.increments).sum();
        long produced = workers.stream().mapToLong(w -> w.produced).sum();
        long producedSum = workers.stream().mapToLong(w -> w.producedSum).sum();
        long consumed = workers.stream().mapToLong(w -> w.consumed).sum();
        long consumedSum = workers.stream().mapToLong(w -> w.consumedSum).sum();
        condition.lock().lock();
        try {
            assertThat(shared.counter).as("the counter against the increments made")
                    .isEqualTo(increments);
            assertThat(consumed + shared.size).as("items consumed or still buffered")
                    .isEqualTo(produced);
            assertThat(consumedSum + shared.bufferedSum()).as("sum of the items")
                    .isEqualTo(producedSum);
            assertThat(increments).as("increments made").isPositive();
            assertThat(consumed).as("items consumed").isPositive();
        } finally {
            condition.lock().unlock();
        }
    }

    /** Samples progress, interrupts a worker now and then, and reports a stall. */
    private static void watch(List<Thread> threads, AtomicLong progress,
            AtomicReference<@Nullable String> stall) {
        long last = progress.get();
        long lastChange = System.nanoTime();
        try {
            while (true) {
                Thread.sleep(WATCHDOG_PERIOD);
                threads.get(ThreadLocalRandom.current().nextInt(threads.size())).interrupt();
                long now = progress.get();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
                    stall.set("no progress for " + STALL_LIMIT + "; threads:\n" + dumpThreads());
                    threads.forEach(Thread::interrupt);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // The run is over.
        }
    }

    /** Every thread's name, state, blocker and stack. */
    private static String dumpThreads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState())
                    .append(" on ").append(LockSupport.getBlocker(thread)).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        return dump.toString();
    }

    private static long seconds() {
        return Long.getLong(SECONDS_PROPERTY, DEFAULT_SECONDS);
    }

    /** The counter and the ring buffer, read and written only under the lock. */
    private static final class Shared {
        long counter;
        final long[] buffer = new long[BUFFER_CAPACITY];
        int head;
        int size;

        long bufferedSum() {
            long sum = 0;
            for (int i = 0; i < size; i++) {
                sum += buffer[(head + i) % BUFFER_CAPACITY];
            }
            return sum;
        }
    }

    /** One soak thread; its tallies are read only after it has been joined. */
    private static final class Worker implements Runnable {
        final int id;
        private final TestCondition condition;
        private final TestLock lock;
        private final Shared shared;
        private final long deadline;
        private final AtomicLong progress;
        long increments;
        long produced;
        long producedSum;
        long consumed;
        long consumedSum;
        private long nextItem;

        Worker(int id, TestCondition condition, Shared shared, long deadline,
                AtomicLong progress) {
            this.id = id;
            this.condition = condition;
            this.lock = condition.lock();
            this.shared = shared;
            this.deadline = deadline;
            this.progress = progress;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() - deadline < 0) {
                // An interrupt from the watchdog lands on whatever the thread does next.
                try {
                    switch (random.nextInt(6)) {
                        case 0 -> incrementWith(Form.LOCK);
                        case 1 -> incrementWith(Form.TRY);
                        case 2 -> incrementWith(Form.TIMED);
                        case 3 -> incrementWith(Form.INTERRUPTIBLY);
                        case 4 -> produce();
                        default -> consume();
                    }
                } catch (InterruptedException e) {
                    // Interrupted before or while waiting: nothing was done, and that is fine.
                }
                progress.incrementAndGet();
            }
            Thread.interrupted();
        }

        private void incrementWith(Form form) throws InterruptedException {
            boolean locked = switch (form) {
                case LOCK -> {
                    lock.lock();
                    yield true;
                }
                case TRY -> lock.tryLock();
                case TIMED -> lock.tryLock(TRY_TIMEOUT);
                case INTERRUPTIBLY -> {
                    lock.lockInterruptibly();
                    yield true;
                }
            };
            if (!locked) {
                return;
            }
            try {
                shared.counter++;
                increments++;
            } finally {
                lock.unlock();
            }
        }

        private void produce() throws InterruptedException {
            lock.lock();
            try {
                long patience = System.nanoTime() + BUFFER_PATIENCE.toNanos();
                while (shared.size == BUFFER_CAPACITY) {
                    if (System.nanoTime() - patience >= 0) {
                        return;
                    }
                    condition.await(BUFFER_PATIENCE);
                }
                long item = ((long) id << 32) | ++nextItem;
                shared.buffer[(shared.head + shared.size) % BUFFER_CAPACITY] = item;
                shared.size++;
                produced++;
                producedSum += item;
                condition.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private void consume() throws InterruptedException {
            lock.lock();
            try {
                long patience = System.nanoTime() + BUFFER_PATIENCE.toNanos();
                while (shared.size == 0) {
                    if (System.nanoTime() - patience >= 0) {
                        return;
                    }
                    condition.await(BUFFER_PATIENCE);
                }
                long item = shared.buffer[shared.head];
                shared.head = (shared.head + 1) % BUFFER_CAPACITY;
                shared.size--;
                consumed++;
                consumedSum += item;
                condition.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The forms of taking the lock that the workers mix. */
    private enum Form {
        LOCK,
        TRY,
        TIMED,
        INTERRUPTIBLY
    }
}
