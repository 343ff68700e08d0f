package dev.atomicslocks.locks;

import static dev.atomicslocks.locks.Sleepers.STATE_SAMPLES;
import static dev.atomicslocks.locks.Sleepers.awaitParked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The misuse and fault matrix of Condvar, form by form: each of its six waits with a closed
 * guard, another thread's guard and a guard of another mutex; interrupts before and during
 * the {@code awaitWhile} forms (the plain forms are in {@code ConditionConformanceTest});
 * zero, negative and huge timeouts of the timed {@code awaitWhile}; a predicate that throws.
 * After each case the test checks who holds the mutex.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class CondvarFaultTest {

    private static final Duration LONG_TIMEOUT = Duration.ofDays(1);

    /** Guarded by the mutex of each test: whether the waiter may go on. */
    static final class Gate {
        boolean open;
        /** How many times a predicate was tested. */
        int tests;
    }

    /** One way of waiting on a condvar with a guard. */
    @FunctionalInterface
    interface WaitForm {
        void await(Condvar condvar, Mutex.Guard<Gate> guard) throws InterruptedException;
    }

    static Stream<Named<WaitForm>> everyForm() {
        return Stream.of(
                Named.of("await", (c, g) -> c.await(g)),
                Named.of("awaitUninterruptibly", (c, g) -> c.awaitUninterruptibly(g)),
                Named.of("await(timeout)", (c, g) -> c.await(g, LONG_TIMEOUT)),
                Named.of("awaitWhile", (c, g) -> c.awaitWhile(g, gate -> !gate.open)),
                Named.of("awaitWhileUninterruptibly",
                        (c, g) -> c.awaitWhileUninterruptibly(g, gate -> !gate.open)),
                Named.of("awaitWhile(timeout)",
                        (c, g) -> c.awaitWhile(g, gate -> !gate.open, LONG_TIMEOUT)));
    }

    static Stream<Named<WaitForm>> interruptibleWhileForms() {
        return Stream.of(
                Named.of("awaitWhile", (c, g) -> c.awaitWhile(g, gate -> !gate.open)),
                Named.of("awaitWhile(timeout)",
                        (c, g) -> c.awaitWhile(g, gate -> !gate.open, LONG_TIMEOUT)));
    }

    // Every form refuses a closed guard with IllegalStateException, and unlocks nothing: the
    // mutex stays free and another thread takes it.
    @ParameterizedTest
    @MethodSource("everyForm")
    void everyForm_withAClosedGuard_throwsAndLeavesTheMutexFree(WaitForm form)
            throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        var closed = mutex.lock();
        closed.close();

        assertThatThrownBy(() -> form.await(condvar, closed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed");

        assertThat(mutex.isLocked()).as("locked after the refused wait").isFalse();
        assertThat(condvar.hasWaiters()).as("counted as a waiter").isFalse();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> tryLockAndClose(mutex)).get())
                    .as("taken by another thread").isTrue();
        }
    }

    // Every form refuses another thread's guard with IllegalStateException, and the owner
    // still holds the mutex and can use its guard.
    @ParameterizedTest
    @MethodSource("everyForm")
    void everyForm_withAnotherThreadsGuard_throwsAndKeepsTheOwnersLock(WaitForm form)
            throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        try (var held = mutex.lock()) {
            try (ExecutorService other = Executors.newSingleThreadExecutor()) {
                Future<?> attempt = other.submit(() -> {
                    form.await(condvar, held);
                    return null;
                });
                assertThatThrownBy(attempt::get)
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("the thread that locked");
                assertThat(other.submit(() -> mutex.tryLock() == null).get())
                        .as("the lock is still taken, for the other thread").isTrue();
            }
            assertThat(held.get().open).as("the owner's guard still works").isFalse();
        }
        assertThat(mutex.isLocked()).isFalse();
    }

    // A condvar bound to one mutex refuses, in every form, the guard of another one with
    // IllegalStateException; that mutex stays held by its guard and the first one free.
    @ParameterizedTest
    @MethodSource("everyForm")
    void everyForm_withAGuardOfAnotherMutex_throwsAndKeepsThatMutexHeld(WaitForm form) {
        Mutex<Gate> first = new Mutex<>(new Gate());
        Mutex<Gate> second = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        try (var guard = first.lock()) {
            // A wait that returns at once still binds the condvar to its mutex.
            condvar.awaitWhileUninterruptibly(guard, gate -> false);
        }

        try (var guard = second.lock()) {
            assertThatThrownBy(() -> form.await(condvar, guard))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("belongs to one mutex");
            assertThat(second.isLocked()).as("the other mutex, still held").isTrue();
            assertThat(guard.get().open).as("its guard still works").isFalse();
            assertThat(first.isLocked()).as("the bound mutex").isFalse();
        }
        assertThat(second.isLocked()).isFalse();
    }

    // An interrupt before an interruptible awaitWhile whose condition holds throws at once,
    // with the status cleared and the guard still holding the lock.
    @ParameterizedTest
    @MethodSource("interruptibleWhileForms")
    void interruptibleWhileForms_whenInterruptedBefore_throwHoldingTheLock(WaitForm form) {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        try (var guard = mutex.lock()) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> form.await(condvar, guard))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("status").isFalse();
            assertThat(mutex.isLocked()).as("held after the throw").isTrue();
            assertThat(guard.get().open).as("the guard still works").isFalse();
        }
        assertThat(mutex.isLocked()).isFalse();
    }

    // An awaitWhile whose condition does not hold does not wait, so it returns even when
    // the thread was interrupted, and leaves the status set for the caller.
    @Test
    void whileForms_whenTheConditionDoesNotHold_returnAndKeepTheInterruptStatus()
            throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        try (var guard = mutex.lock()) {
            Thread.currentThread().interrupt();
            condvar.awaitWhile(guard, gate -> false);
            assertThat(condvar.awaitWhile(guard, gate -> false, LONG_TIMEOUT))
                    .as("the timed form's result").isTrue();
            condvar.awaitWhileUninterruptibly(guard, gate -> false);
            assertThat(Thread.interrupted()).as("status after the three").isTrue();
            assertThat(mutex.isLocked()).isTrue();
        }
    }

    // An interrupt during an interruptible awaitWhile throws once the waiter holds the lock
    // again, not while another thread keeps it; the status is cleared.
    @ParameterizedTest
    @MethodSource("interruptibleWhileForms")
    void interruptibleWhileForms_whenInterruptedWhileWaiting_throwHoldingTheLockAgain(
            WaitForm form) throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        CompletableFuture<Boolean> heldWhenThrown = new CompletableFuture<>();
        CompletableFuture<Boolean> statusWhenThrown = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try (var guard = mutex.lock()) {
                try {
                    form.await(condvar, guard);
                    heldWhenThrown.completeExceptionally(new AssertionError("returned"));
                } catch (InterruptedException e) {
                    statusWhenThrown.complete(Thread.currentThread().isInterrupted());
                    // The main thread has let go by now: a locked mutex is this thread's.
                    heldWhenThrown.complete(mutex.isLocked());
                }
            }
        });
        awaitParked(waiter);

        try (var guard = mutex.lock()) {
            waiter.interrupt();
            for (int i = 0; i < STATE_SAMPLES; i++) {
                assertThat(heldWhenThrown).as("sample %d, lock held here", i).isNotDone();
                Thread.sleep(1);
            }
            assertThat(guard.get().open).as("the gate, still closed").isFalse();
        }

        assertThat(heldWhenThrown.get()).as("held the lock when it threw").isTrue();
        assertThat(statusWhenThrown.get()).as("interrupt status when it threw").isFalse();
        waiter.join();
        assertThat(mutex.isLocked()).isFalse();
    }

    // awaitWhileUninterruptibly, interrupted before and during the wait, keeps waiting
    // without spinning; the change it waits for ends it, with the status still set.
    @Test
    void awaitWhileUninterruptibly_whenInterrupted_keepsWaitingAndTheStatus() throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().unstarted(() -> {
            Thread.currentThread().interrupt();
            try (var guard = mutex.lock()) {
                condvar.awaitWhileUninterruptibly(guard, gate -> !gate.open);
                statusOnReturn.complete(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        awaitParked(waiter);

        waiter.interrupt();
        Sleepers.assertStaysAsleep(waiter, "after the interrupts");
        assertThat(statusOnReturn).as("returned before the gate opened").isNotDone();

        try (var guard = mutex.lock()) {
            guard.get().open = true;
            condvar.signal();
        }
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        waiter.join();
        assertThat(mutex.isLocked()).isFalse();
    }

    // The timed awaitWhile with a zero or negative timeout tests the condition once and
    // waits for nothing: false while it holds, true once it does not; the lock stays held.
    @Test
    void timedAwaitWhile_zeroOrNegative_testsOnceWithoutWaiting() throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        List<Duration> timeouts = List.of(Duration.ZERO, Duration.ofNanos(-1),
                Duration.ofNanos(Long.MIN_VALUE), Duration.ofSeconds(Long.MIN_VALUE));
        try (var guard = mutex.lock()) {
            for (Duration timeout : timeouts) {
                Gate gate = guard.get();
                int before = gate.tests;
                assertThat(condvar.awaitWhile(guard, g -> ++g.tests > 0 && !g.open, timeout))
                        .as("closed gate, timeout %s", timeout).isFalse();
                assertThat(gate.tests - before).as("tests, timeout %s", timeout).isOne();
                assertThat(mutex.isLocked()).as("held, timeout %s", timeout).isTrue();
            }
            guard.get().open = true;
            for (Duration timeout : timeouts) {
                assertThat(condvar.awaitWhile(guard, g -> !g.open, timeout))
                        .as("open gate, timeout %s", timeout).isTrue();
            }
        }
        assertThat(condvar.hasWaiters()).isFalse();
    }

    // The longest timeouts of the timed awaitWhile neither overflow nor run out: the change
    // it waits for ends it, and it reports true.
    @Test
    void timedAwaitWhile_huge_doesNotOverflowAndSeesTheChange() throws Exception {
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            Mutex<Gate> mutex = new Mutex<>(new Gate());
            Condvar condvar = new Condvar();
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try (var guard = mutex.lock()) {
                    result.complete(condvar.awaitWhile(guard, gate -> !gate.open, timeout));
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                }
            });
            awaitParked(waiter);

            try (var guard = mutex.lock()) {
                guard.get().open = true;
                condvar.signal();
            }

            assertThat(result.get()).as("the condition ended it, timeout %s", timeout).isTrue();
            waiter.join();
            assertThat(mutex.isLocked()).isFalse();
        }
    }

    // A predicate that throws, on its first test or on a test after a wake-up, propagates
    // its exception with the lock held; closing the guard, as try-with-resources does,
    // releases it, and no waiter is left counted.
    @Test
    void awaitWhile_whenThePredicateThrows_holdsTheLockUntilTheGuardCloses() throws Exception {
        Mutex<Gate> mutex = new Mutex<>(new Gate());
        Condvar condvar = new Condvar();
        try (var guard = mutex.lock()) {
            assertThatThrownBy(() -> condvar.awaitWhile(guard, gate -> {
                throw new IllegalArgumentException("first test");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("first test");
            assertThat(mutex.isLocked()).as("held after the first test threw").isTrue();
        }
        assertThat(mutex.isLocked()).as("after the guard closed").isFalse();

        CompletableFuture<Boolean> heldWhenThrown = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try (var guard = mutex.lock()) {
                try {
                    condvar.awaitWhileUninterruptibly(guard, gate -> {
                        if (gate.open) {
                            throw new IllegalArgumentException("test after the wake-up");
                        }
                        return true;
                    });
                    heldWhenThrown.completeExceptionally(new AssertionError("returned"));
                } catch (IllegalArgumentException e) {
                    heldWhenThrown.complete(mutex.isLocked() && guard.get().open);
                }
            }
        });
        awaitParked(waiter);
        try (var guard = mutex.lock()) {
            guard.get().open = true;
            condvar.signal();
        }
        waiter.join();

        assertThat(heldWhenThrown.get()).as("held when the test after the wake-up threw")
                .isTrue();
        assertThat(mutex.isLocked()).as("after that guard closed").isFalse();
        assertThat(condvar.hasWaiters()).as("waiters left counted").isFalse();
        assertThat(tryLockAndClose(mutex)).as("free for the next thread").isTrue();
    }

    private static boolean tryLockAndClose(Mutex<Gate> mutex) {
        var guard = mutex.tryLock();
        if (guard == null) {
            return false;
        }
        guard.close();
        return true;
    }
}
