package dev.atomicslocks.locks;

import static dev.atomicslocks.locks.Sleepers.STATE_SAMPLES;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public Condvar with Mutex guards: the book's test, the predicate forms, the requeue
 * onto a held mutex, the binding to one mutex, and guard misuse.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class CondvarTest {

    /** How long the book's notifier sleeps before it changes the value and signals. */
    private static final Duration NOTIFIER_DELAY = Duration.ofSeconds(1);
    /** The book's bound: a waiter that sleeps wakes fewer times than this. */
    private static final int WAKEUP_LIMIT = 10;
    private static final int WAITERS = 4;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(20);

    // The book's test, with the public types: the waiter sleeps until a notifier that slept
    // first stores 123 and signals, so its loop runs fewer than ten times.
    @Test
    void awaitUninterruptibly_whenSignalledAfterASleep_wakesFewerThanTenTimes()
            throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        Condvar condvar = new Condvar();
        int wakeups = 0;

        try (ExecutorService notifier = Executors.newSingleThreadExecutor()) {
            Future<?> notified = notifier.submit(() -> {
                Thread.sleep(NOTIFIER_DELAY);
                try (var guard = mutex.lock()) {
                    guard.set(123);
                }
                condvar.signal();
                return null;
            });

            try (var guard = mutex.lock()) {
                while (guard.get() < 100) {
                    condvar.awaitUninterruptibly(guard);
                    wakeups++;
                }
                assertThat(guard.get()).isEqualTo(123);
            }
            notified.get();
        }

        assertThat(wakeups).as("loop iterations of the waiter").isLessThan(WAKEUP_LIMIT);
    }

    // awaitWhile returns at once when the condition does not hold, without unlocking.
    @Test
    void awaitWhile_whenTheConditionDoesNotHold_returnsAtOnce() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(5);
        Condvar condvar = new Condvar();

        try (var guard = mutex.lock()) {
            condvar.awaitWhile(guard, value -> value == 0);
            condvar.awaitWhileUninterruptibly(guard, value -> value == 0);
            assertThat(condvar.awaitWhile(guard, value -> value == 0, Duration.ZERO))
                    .as("timed form").isTrue();
            assertThat(guard.get()).isEqualTo(5);
            assertThat(condvar.hasWaiters()).isFalse();
        }
    }

    // awaitWhile waits until a signal finds the condition false; the timed form reports
    // a timeout while the condition still holds.
    @Test
    void awaitWhile_waitsForTheConditionAndTheTimedFormReportsATimeout() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        Condvar condvar = new Condvar();
        try (var guard = mutex.lock()) {
            assertThat(condvar.awaitWhile(guard, value -> value == 0, SHORT_TIMEOUT))
                    .as("timed out while the condition held").isFalse();
            assertThat(mutex.isLocked()).as("held again").isTrue();
        }

        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try (var guard = mutex.lock()) {
                condvar.awaitWhile(guard, value -> value < 2);
                seen.complete(guard.get());
            } catch (InterruptedException e) {
                seen.completeExceptionally(e);
            }
        });
        for (int value = 1; value <= 2; value++) {
            awaitParked(waiter);
            try (var guard = mutex.lock()) {
                guard.set(value);
            }
            condvar.signal();
        }

        assertThat(seen.get()).as("the value that ended the wait").isEqualTo(2);
        waiter.join();
    }

    // signalAll with the mutex held moves the waiters onto the mutex instead of waking
    // them: none of them counts out of the condvar (a woken one would, before it found the
    // mutex taken) until the holder unlocks; then every one gets through.
    @Test
    void signalAll_withTheMutexHeld_movesTheWaitersOntoItInsteadOfWakingThem()
            throws Exception {
        Mutex<Boolean> open = new Mutex<>(false);
        Condvar condvar = new Condvar();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            waiters.add(Thread.ofPlatform().start(() -> {
                try (var guard = open.lock()) {
                    condvar.awaitWhileUninterruptibly(guard, isOpen -> !isOpen);
                }
            }));
        }
        for (Thread waiter : waiters) {
            awaitParked(waiter);
        }
        while (condvar.waiterCount() < WAITERS) {
            Thread.sleep(1);
        }

        try (var guard = open.lock()) {
            guard.set(true);
            condvar.signalAll();
            for (int i = 0; i < STATE_SAMPLES; i++) {
                assertThat(condvar.waiterCount()).as("sample %d: still asleep", i)
                        .isEqualTo(WAITERS);
                Thread.sleep(1);
            }
            assertThat(open.toString()).as("the mutex knows they wait")
                    .isEqualTo("Mutex[locked, contended]");
        }

        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertThat(condvar.hasWaiters()).isFalse();
        assertThat(open.isLocked()).isFalse();
    }

    // A condvar belongs to the first mutex it waits with: a guard of another mutex is
    // refused before anything is unlocked.
    @Test
    void await_withAGuardOfAnotherMutex_throwsAndKeepsBothLocks() throws Exception {
        Condvar condvar = new Condvar();
        Mutex<Integer> first = new Mutex<>(1);
        Mutex<Integer> second = new Mutex<>(2);
        try (var guard = first.lock()) {
            // Binds, as every wait does, even one that returns at once.
            assertThat(condvar.awaitWhile(guard, value -> false, Duration.ZERO)).isTrue();
        }

        try (var guard = second.lock()) {
            assertThatThrownBy(() -> condvar.await(guard, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("belongs to one mutex");
            assertThatThrownBy(() -> condvar.awaitUninterruptibly(guard))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(second.isLocked()).as("still held").isTrue();
            assertThat(guard.get()).isEqualTo(2);
        }
        assertThat(first.isLocked()).isFalse();
    }

    // A closed guard, or a guard of another thread, cannot wait; nothing is unlocked.
    @Test
    void await_withAClosedGuardOrAnotherThreadsGuard_throws() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        Condvar condvar = new Condvar();
        var closed = mutex.lock();
        closed.close();

        assertThatThrownBy(() -> condvar.awaitUninterruptibly(closed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait with a Mutex guard that was already closed");
        assertThatThrownBy(() -> condvar.awaitWhile(closed, value -> true))
                .isInstanceOf(IllegalStateException.class);

        var held = mutex.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<?> attempt = other.submit(() -> {
                condvar.await(held);
                return null;
            });
            assertThatThrownBy(attempt::get).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the thread that locked");
        }
        assertThat(mutex.isLocked()).as("still held by its owner").isTrue();
        held.close();
        assertThat(mutex.isLocked()).isFalse();
    }

    // Signals with nobody waiting are not remembered: they leave no waiter count behind and
    // a later timed wait still times out.
    @Test
    void signal_withNobodyWaiting_isNotRemembered() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        Condvar condvar = new Condvar();
        condvar.signal();
        condvar.signalAll();

        try (var guard = mutex.lock()) {
            assertThat(condvar.await(guard, SHORT_TIMEOUT)).as("signalled").isFalse();
        }
        assertThat(condvar).hasToString("Condvar[waiters=0]");
    }

}
