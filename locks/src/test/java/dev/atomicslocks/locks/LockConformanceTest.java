package dev.atomicslocks.locks;

import static dev.atomicslocks.locks.Sleepers.awaitParked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the public Mutex, the MutexLock view and ReentrantLock all do: try, timed and
 * interruptible locking, the misuse and fault matrix of the JDK's own lock tests (an unlock
 * without holding, interrupts before and during each blocking form, zero, negative and
 * huge timeouts, an exception in the critical section), and the state of the lock after each.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class LockConformanceTest {

    private static final int THREADS = 4;
    private static final int ROUNDS_PER_THREAD = 20_000;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(20);

    static Stream<Named<Supplier<TestLock>>> locks() {
        return TestLock.all();
    }

    // tryLock fails while another thread holds the lock, and succeeds once it is free.
    @ParameterizedTest
    @MethodSource("locks")
    void tryLock_whenHeldElsewhere_failsAndWhenFree_succeeds(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        lock.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> lock.tryLock()).get()).as("held by another thread")
                    .isFalse();
        }
        lock.unlock();

        assertThat(lock.tryLock()).as("free").isTrue();
        assertThat(lock.isLocked()).isTrue();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    // Zero and negative timeouts try once: they fail on a held lock, succeed on a free one.
    @ParameterizedTest
    @MethodSource("locks")
    void tryLockWithTimeout_zeroOrNegative_triesOnce(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        List<Duration> timeouts = List.of(Duration.ZERO, Duration.ofNanos(-1),
                Duration.ofNanos(Long.MIN_VALUE), Duration.ofSeconds(Long.MIN_VALUE));
        lock.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            for (Duration timeout : timeouts) {
                assertThat(other.submit(() -> lock.tryLock(timeout)).get())
                        .as("held, timeout %s", timeout).isFalse();
            }
        }
        lock.unlock();

        for (Duration timeout : timeouts) {
            assertThat(lock.tryLock(timeout)).as("free, timeout %s", timeout).isTrue();
            lock.unlock();
        }
        assertThat(lock.isLocked()).isFalse();
    }

    // A timed wait that runs out returns false and leaves the lock as it was: still held by
    // its owner, and free for the next thread once the owner unlocks.
    @ParameterizedTest
    @MethodSource("locks")
    void tryLockWithTimeout_whenItRunsOut_failsAndLeavesTheLockUsable(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        lock.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> lock.tryLock(SHORT_TIMEOUT)).get()).isFalse();
        }
        assertThat(lock.isLocked()).as("still held by its owner").isTrue();
        lock.unlock();

        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> {
                boolean taken = lock.tryLock();
                lock.unlock();
                return taken;
            }).get()).as("taken by another thread after the unlock").isTrue();
        }
    }

    // The longest timeouts neither overflow nor fail: the wait ends when the lock is freed.
    @ParameterizedTest
    @MethodSource("locks")
    void tryLockWithTimeout_huge_doesNotOverflowAndTakesTheFreedLock(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            lock.lock();
            CompletableFuture<Boolean> took = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    boolean taken = lock.tryLock(timeout);
                    if (taken) {
                        lock.unlock();
                    }
                    took.complete(taken);
                } catch (InterruptedException e) {
                    took.completeExceptionally(e);
                }
            });
            awaitParked(waiter);

            lock.unlock();

            assertThat(took.get()).as("took the lock, timeout %s", timeout).isTrue();
            waiter.join();
        }
        assertThat(lock.isLocked()).isFalse();
    }

    // An interrupt before lockInterruptibly or a timed tryLock throws at once, even on a free
    // lock, clears the status and takes nothing.
    @ParameterizedTest
    @MethodSource("locks")
    void interruptibleForms_whenInterruptedBefore_throwWithoutLocking(Supplier<TestLock> factory) {
        TestLock lock = factory.get();

        Thread.currentThread().interrupt();
        assertThatThrownBy(lock::lockInterruptibly).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("status after the first").isFalse();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> lock.tryLock(Duration.ofSeconds(1)))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("status after the second").isFalse();

        assertThat(lock.isLocked()).isFalse();
    }

    // An interrupt before lock() does not stop it: the free lock is taken and the status kept.
    @ParameterizedTest
    @MethodSource("locks")
    void lock_whenInterruptedBefore_locksAndKeepsTheStatus(Supplier<TestLock> factory) {
        TestLock lock = factory.get();

        Thread.currentThread().interrupt();
        lock.lock();

        assertThat(Thread.interrupted()).as("status kept, and cleared here").isTrue();
        assertThat(lock.isLocked()).isTrue();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();
    }

    // An interrupt while waiting in lockInterruptibly or a timed tryLock throws, clears the
    // status, takes nothing and leaves the lock to its owner.
    @ParameterizedTest
    @MethodSource("locks")
    void interruptibleForms_whenInterruptedWhileWaiting_throwWithoutLocking(
            Supplier<TestLock> factory) throws Exception {
        TestLock lock = factory.get();
        List<Blocking> forms = List.of(lock::lockInterruptibly,
                () -> lock.tryLock(Duration.ofDays(1)));
        for (Blocking form : forms) {
            lock.lock();
            CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    form.run();
                    statusAfterThrow.completeExceptionally(new AssertionError("locked"));
                } catch (InterruptedException e) {
                    statusAfterThrow.complete(Thread.currentThread().isInterrupted());
                }
            });
            awaitParked(waiter);

            waiter.interrupt();

            assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
            waiter.join();
            assertThat(lock.isLocked()).as("still held by its owner").isTrue();
            lock.unlock();
            assertThat(lock.tryLock()).as("usable afterwards").isTrue();
            lock.unlock();
        }
    }

    // An interrupt neither ends lock()'s wait nor makes it spin; the thread gets the lock once
    // it is freed, with its interrupt status still set.
    @ParameterizedTest
    @MethodSource("locks")
    void lock_whenInterruptedWhileWaiting_keepsWaitingAndTheStatus(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        CompletableFuture<Boolean> statusWhenLocked = new CompletableFuture<>();
        lock.lock();
        Thread waiter = Thread.ofPlatform().start(() -> {
            lock.lock();
            statusWhenLocked.complete(Thread.currentThread().isInterrupted());
            lock.unlock();
        });
        awaitParked(waiter);

        Sleepers.interruptAndAssertItSleepsOn(waiter);

        lock.unlock();
        assertThat(statusWhenLocked.get()).as("interrupt status when locked").isTrue();
        waiter.join();
        assertThat(lock.isLocked()).isFalse();
    }

    // An unlock by a thread that does not hold the lock throws the documented exception and
    // changes nothing: not locked at all, or locked by another thread.
    @ParameterizedTest
    @MethodSource("locks")
    void unlock_withoutHoldingTheLock_throwsAndChangesNothing(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        if (lock.canUnlockWithoutEverLocking()) {
            assertThatThrownBy(lock::unlock).as("never locked").isInstanceOf(lock.misuse());
            assertThat(lock.isLocked()).isFalse();
        }

        lock.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<?> attempt = other.submit(() -> lock.unlock());
            assertThatThrownBy(attempt::get).as("held by another thread")
                    .hasCauseInstanceOf(lock.misuse());
        }
        assertThat(lock.isLocked()).as("still held by its owner").isTrue();
        lock.unlock();
        assertThatThrownBy(lock::unlock).as("unlocked twice").isInstanceOf(lock.misuse());
        assertThat(lock.isLocked()).isFalse();
    }

    // An exception thrown inside the critical section still releases the lock.
    @ParameterizedTest
    @MethodSource("locks")
    void exceptionInCriticalSection_releasesTheLock(Supplier<TestLock> factory) throws Exception {
        TestLock lock = factory.get();

        assertThatThrownBy(() -> {
            lock.lock();
            try {
                throw new IllegalArgumentException("inside");
            } finally {
                lock.unlock();
            }
        }).isInstanceOf(IllegalArgumentException.class);

        assertThat(lock.isLocked()).isFalse();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> {
                boolean taken = lock.tryLock();
                lock.unlock();
                return taken;
            }).get()).as("another thread takes it").isTrue();
        }
    }

    // Writes made under the lock are all seen by the next holder: two plain fields, updated
    // together under the lock by every form of locking, always agree.
    @ParameterizedTest
    @MethodSource("locks")
    void writesUnderTheLock_areSeenWholeByTheNextHolder(Supplier<TestLock> factory)
            throws Exception {
        TestLock lock = factory.get();
        Pair pair = new Pair();
        List<Future<Integer>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int form = t;
                workers.add(threads.submit(() -> updatePairs(lock, pair, form)));
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get()).as("rounds in which the fields disagreed").isZero();
            }
        }
        assertThat(pair.first).as("first field").isEqualTo(THREADS * ROUNDS_PER_THREAD);
        assertThat(pair.second).as("second field").isEqualTo(THREADS * ROUNDS_PER_THREAD);
    }

    /** Two plain fields, only read and written under the lock. */
    private static final class Pair {
        int first;
        int second;
    }

    /** Increments both fields, locking in the form numbered {@code form}; counts mismatches. */
    private static int updatePairs(TestLock lock, Pair pair, int form)
            throws InterruptedException {
        int mismatches = 0;
        for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
            switch (form % 3) {
                case 0 -> lock.lock();
                case 1 -> lock.lockInterruptibly();
                default -> {
                    while (!lock.tryLock(Duration.ofMillis(1))) {
                        Thread.onSpinWait();
                    }
                }
            }
            try {
                if (pair.first != pair.second) {
                    mismatches++;
                }
                pair.first++;
                pair.second++;
            } finally {
                lock.unlock();
            }
        }
        return mismatches;
    }

    /** A blocking way of taking the lock. */
    @FunctionalInterface
    interface Blocking {
        void run() throws InterruptedException;
    }

}
