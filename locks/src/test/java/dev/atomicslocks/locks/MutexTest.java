package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomicslocks.basics.Ordering;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public Mutex: its try, timed and interruptible forms, and misuse of guards. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class MutexTest {

    /** Rounds of the hand-off test; a round is lost only if the waiter wins a race. */
    private static final int HANDOFF_ATTEMPTS = 20;
    /** How long the hand-off test waits for the claim: a liveness bound, not a speed. */
    private static final Duration CLAIM_PATIENCE = Duration.ofSeconds(10);

    // A guard reads and replaces the value, and the next holder sees the replacement.
    @Test
    void guard_getAndSet_reachTheValue() {
        Mutex<@Nullable String> mutex = new Mutex<>(null);

        try (var guard = mutex.lock()) {
            assertThat(guard.get()).isNull();
            guard.set("b");
        }
        try (var guard = mutex.lock()) {
            assertThat(guard.get()).isEqualTo("b");
        }
    }

    // tryLock fails while the lock is held, by this thread or another, and succeeds once free.
    @Test
    void tryLock_whenHeld_returnsNullAndWhenFree_returnsAGuard() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(1);

        try (var held = mutex.lock()) {
            assertThat(mutex.tryLock()).as("same thread").isNull();
            try (ExecutorService other = Executors.newSingleThreadExecutor()) {
                assertThat(other.submit(() -> mutex.tryLock()).get()).as("other thread").isNull();
            }
            assertThat(held.get()).isEqualTo(1);
        }
        try (var guard = mutex.tryLock()) {
            assertThat(guard).isNotNull();
        }
        assertThat(mutex.isLocked()).isFalse();
    }

    // Zero and negative timeouts try once: they fail on a held lock and succeed on a free one.
    @Test
    void tryLockWithTimeout_zeroOrNegative_triesOnce() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);

        try (var held = mutex.lock();
                ExecutorService other = Executors.newSingleThreadExecutor()) {
            for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(-1),
                    Duration.ofSeconds(Long.MIN_VALUE))) {
                assertThat(other.submit(() -> mutex.tryLock(timeout)).get())
                        .as("held, timeout %s", timeout).isNull();
            }
            assertThat(held.get()).isZero();
        }
        try (var guard = mutex.tryLock(Duration.ZERO)) {
            assertThat(guard).as("free, zero timeout").isNotNull();
        }
    }

    // A timed wait that runs out returns null and leaves the lock working: the holder's
    // unlock frees it and the next lock takes it at once.
    @Test
    void tryLockWithTimeout_whenItRunsOut_returnsNullAndLeavesTheLockUsable() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        var held = mutex.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<Mutex.@Nullable Guard<Integer>> attempt =
                    other.submit(() -> mutex.tryLock(Duration.ofMillis(20)));
            assertThat(attempt.get()).isNull();
        }

        assertThat(mutex.isLocked()).as("still held by its owner").isTrue();
        held.close();
        assertThat(mutex.isLocked()).isFalse();
        try (var guard = mutex.tryLock()) {
            assertThat(guard).isNotNull();
        }
    }

    // The longest timeouts neither overflow nor fail: the wait ends when the lock is freed.
    @Test
    void tryLockWithTimeout_huge_doesNotOverflowAndTakesTheFreedLock() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            var held = mutex.lock();
            CompletableFuture<Boolean> took = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try (var guard = mutex.tryLock(timeout)) {
                    took.complete(guard != null);
                } catch (InterruptedException e) {
                    took.completeExceptionally(e);
                }
            });
            awaitContended(mutex);

            held.close();

            assertThat(took.get()).as("took the lock, timeout %s", timeout).isTrue();
            waiter.join();
        }
    }

    // An interrupt before lockInterruptibly or tryLock(Duration) throws at once, clears the
    // status and leaves the lock free.
    @Test
    void interruptibleForms_whenAlreadyInterrupted_throwWithoutLocking() {
        Mutex<Integer> mutex = new Mutex<>(0);

        Thread.currentThread().interrupt();
        assertThatThrownBy(mutex::lockInterruptibly).isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> mutex.tryLock(Duration.ofSeconds(1)))
                .isInstanceOf(InterruptedException.class);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(mutex.isLocked()).isFalse();
    }

    // An interrupt while waiting in lockInterruptibly throws, clears the status, takes no lock
    // and leaves the lock usable.
    @Test
    void lockInterruptibly_whenInterruptedWhileWaiting_throwsWithoutLocking() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
        var held = mutex.lock();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try (var guard = mutex.lockInterruptibly()) {
                statusAfterThrow.completeExceptionally(new AssertionError("locked: " + guard));
            } catch (InterruptedException e) {
                statusAfterThrow.complete(Thread.currentThread().isInterrupted());
            }
        });
        awaitContended(mutex);

        waiter.interrupt();

        assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
        waiter.join();
        assertThat(held.get()).as("still held by its owner").isZero();
        held.close();
        try (var guard = mutex.tryLock()) {
            assertThat(guard).isNotNull();
        }
    }

    // An interrupt neither ends the uninterruptible lock's wait nor makes it spin; the thread
    // gets the lock once it is freed, with its interrupt status still set.
    @Test
    void lock_whenInterruptedWhileWaiting_keepsWaitingAndKeepsTheStatus() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        CompletableFuture<Boolean> statusWhenLocked = new CompletableFuture<>();
        var held = mutex.lock();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try (var guard = mutex.lock()) {
                guard.set(guard.get() + 1);
                statusWhenLocked.complete(Thread.currentThread().isInterrupted());
            }
        });
        awaitContended(mutex);

        Sleepers.interruptAndAssertItSleepsOn(waiter);

        held.close();
        assertThat(statusWhenLocked.get()).as("interrupt status when locked").isTrue();
        waiter.join();
        try (var guard = mutex.lock()) {
            assertThat(guard.get()).isEqualTo(1);
        }
    }

    // Closing a guard twice throws and leaves a lock taken since then untouched.
    @Test
    void close_twice_throwsAndDoesNotReleaseALaterHolder() {
        Mutex<Integer> mutex = new Mutex<>(0);
        var stale = mutex.lock();
        stale.close();
        var current = mutex.lock();

        assertThatThrownBy(stale::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot close a Mutex guard that was already closed");

        assertThat(mutex.isLocked()).as("still held by the current guard").isTrue();
        current.close();
        assertThat(mutex.isLocked()).isFalse();
    }

    // A closed guard no longer reads or writes the value.
    @Test
    void getAndSet_afterClose_throw() {
        Mutex<Integer> mutex = new Mutex<>(7);
        var guard = mutex.lock();
        guard.close();

        assertThatThrownBy(guard::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot get a Mutex guard that was already closed");
        assertThatThrownBy(() -> guard.set(8)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set a Mutex guard that was already closed");
        try (var next = mutex.lock()) {
            assertThat(next.get()).isEqualTo(7);
        }
    }

    // A guard belongs to the thread that locked: another thread can neither use nor close it.
    @Test
    void guard_usedFromAnotherThread_throwsAndKeepsTheLock() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        var guard = mutex.lock();

        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            List<Runnable> misuses = List.of(guard::close, guard::get, () -> guard.set(1));
            for (Runnable misuse : misuses) {
                Future<?> attempt = other.submit(misuse);
                assertThatThrownBy(attempt::get)
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("the thread that locked");
            }
        }

        assertThat(mutex.isLocked()).isTrue();
        assertThat(guard.get()).isZero();
        guard.close();
        assertThat(mutex.isLocked()).isFalse();
    }

    // An exception thrown inside the critical section still releases the lock.
    @Test
    void exceptionInCriticalSection_releasesTheLock() {
        Mutex<Integer> mutex = new Mutex<>(0);

        assertThatThrownBy(() -> {
            try (var guard = mutex.lock()) {
                guard.set(1);
                throw new IllegalArgumentException("inside");
            }
        }).isInstanceOf(IllegalArgumentException.class);

        assertThat(mutex.isLocked()).isFalse();
        try (var guard = mutex.lock()) {
            assertThat(guard.get()).isEqualTo(1);
        }
    }

    // toString tells the three states apart and never reads the value.
    @Test
    void toString_showsTheStateOnly() throws Exception {
        Mutex<String> mutex = new Mutex<>("secret");
        assertThat(mutex).hasToString("Mutex[unlocked]");

        var held = mutex.lock();
        assertThat(mutex).hasToString("Mutex[locked]");
        assertThat(held.toString()).doesNotContain("secret");
        Thread waiter = Thread.ofPlatform().start(() -> mutex.lock().close());
        awaitContended(mutex);
        assertThat(mutex).hasToString("Mutex[locked, contended]");

        held.close();
        waiter.join();
        assertThat(mutex).hasToString("Mutex[unlocked]");
    }

    // A thread that has slept on the lock longer than the hand-off threshold, and loses it
    // again to a barging thread, has it handed over by the next unlock: the unlocking
    // thread, trying again at once, finds it taken unless the waiter has already had it and
    // let go, and the waiter sees its last write.
    @Test
    void lock_afterWaitingTooLong_isHandedTheLockByTheNextUnlock() throws Exception {
        for (int attempt = 1; attempt <= HANDOFF_ATTEMPTS; attempt++) {
            Mutex<Integer> mutex = new Mutex<>(0);
            CompletableFuture<Integer> waiterSaw = new CompletableFuture<>();
            var held = mutex.lock();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try (var guard = mutex.lock()) {
                    waiterSaw.complete(guard.get());
                }
            });
            awaitContended(mutex);
            awaitWaiting(waiter);
            Thread.sleep(Duration.ofNanos(2 * MutexCore.HANDOFF_AFTER_NANOS));

            // Unlock, which wakes the waiter, and barge back in before it runs.
            held.close();
            var barged = mutex.tryLock();
            if (barged == null) {
                // The waiter was quicker this time: no starvation to cure. Try again.
                assertThat(waiterSaw.get()).isZero();
                waiter.join();
                continue;
            }
            long patience = System.nanoTime() + CLAIM_PATIENCE.toNanos();
            while (!isHandoffClaimed(mutex) && !waiterSaw.isDone()
                    && System.nanoTime() - patience < 0) {
                Thread.sleep(1);
            }
            if (waiterSaw.isDone()) {
                // The waiter took the lock and let it go before the barging thread came.
                barged.close();
                waiter.join();
                continue;
            }
            assertThat(isHandoffClaimed(mutex)).as("a hand-off claimed by the starved waiter")
                    .isTrue();

            barged.set(7);
            barged.close();
            var again = mutex.tryLock();

            if (again != null) {
                // Only possible once the claimant was handed the lock, used it and let it go
                // (it spins for the hand-off, so it can be that quick): it must be done.
                assertThat(waiterSaw).as("the waiter, handed the lock before this retry")
                        .isDone();
                again.close();
            }
            assertThat(waiterSaw.get()).as("what the waiter saw").isEqualTo(7);
            waiter.join();
            assertThat(mutex.isLocked()).isFalse();
            return;
        }
        throw new AssertionError("the waiter always took the lock before the barging thread");
    }

    private static boolean isHandoffClaimed(Mutex<?> mutex) {
        return MutexCore.isHandoffClaimed(mutex.state.load(Ordering.RELAXED));
    }

    /** Waits until another thread has marked the mutex contended, on its way to sleep. */
    private static void awaitContended(Mutex<?> mutex) throws InterruptedException {
        while (!mutex.toString().endsWith("contended]")) {
            Thread.sleep(1);
        }
    }

    /** Waits until {@code thread} is parked. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
