package dev.atomicslocks.spinlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public SpinLock: try-locking, misuse of guards, and virtual threads. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class SpinLockTest {

    private static final int VIRTUAL_THREADS = 1_000;
    private static final int INCREMENTS_PER_VIRTUAL_THREAD = 100;

    // A guard reads and replaces the value, and the next holder sees the replacement.
    @Test
    void guard_getAndSet_reachTheValue() {
        SpinLock<String> lock = new SpinLock<>("a");

        try (var guard = lock.lock()) {
            assertThat(guard.get()).isEqualTo("a");
            guard.set("b");
        }

        try (var guard = lock.lock()) {
            assertThat(guard.get()).isEqualTo("b");
        }
    }

    // The value may be null when the type argument allows it.
    @Test
    void nullableValue_isHeldAndReplaced() {
        SpinLock<@Nullable String> lock = new SpinLock<>(null);

        try (var guard = lock.lock()) {
            assertThat(guard.get()).isNull();
            guard.set("set");
        }
        try (var guard = lock.lock()) {
            assertThat(guard.get()).isEqualTo("set");
        }
    }

    // tryLock fails while the lock is held, by this thread or another, and succeeds once free.
    @Test
    void tryLock_whenHeld_returnsNullAndWhenFree_returnsAGuard() throws Exception {
        SpinLock<Integer> lock = new SpinLock<>(1);

        try (var held = lock.lock()) {
            assertThat(lock.tryLock()).as("same thread").isNull();
            try (ExecutorService other = Executors.newSingleThreadExecutor()) {
                assertThat(other.submit(lock::tryLock).get()).as("other thread").isNull();
            }
            assertThat(held.get()).isEqualTo(1);
        }

        try (var guard = lock.tryLock()) {
            assertThat(guard).isNotNull();
            assertThat(lock.isLocked()).isTrue();
        }
        assertThat(lock.isLocked()).isFalse();
    }

    // Closing a guard twice throws and leaves a lock taken since then untouched.
    @Test
    void close_twice_throwsAndDoesNotReleaseALaterHolder() throws Exception {
        SpinLock<Integer> lock = new SpinLock<>(0);
        var stale = lock.lock();
        stale.close();
        var current = lock.lock();

        assertThatThrownBy(stale::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed");

        assertThat(lock.isLocked()).as("still held by the current guard").isTrue();
        current.close();
        assertThat(lock.isLocked()).isFalse();
    }

    // A closed guard no longer reads or writes the value.
    @Test
    void getAndSet_afterClose_throw() {
        SpinLock<Integer> lock = new SpinLock<>(7);
        var guard = lock.lock();
        guard.close();

        assertThatThrownBy(guard::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot get a SpinLock guard that was already closed");
        assertThatThrownBy(() -> guard.set(8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set a SpinLock guard that was already closed");
        try (var next = lock.lock()) {
            assertThat(next.get()).as("the value after the refused set").isEqualTo(7);
        }
    }

    // A guard belongs to the thread that locked: another thread can neither use nor close it,
    // and its attempt leaves the lock held.
    @Test
    void guard_usedFromAnotherThread_throwsAndKeepsTheLock() throws Exception {
        SpinLock<Integer> lock = new SpinLock<>(0);
        var guard = lock.lock();

        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            List<Runnable> misuses = List.of(guard::close, guard::get, () -> guard.set(1));
            for (Runnable misuse : misuses) {
                Future<?> attempt = other.submit(misuse);
                assertThatThrownBy(attempt::get)
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("the thread that locked");
            }
        }

        assertThat(lock.isLocked()).isTrue();
        assertThat(guard.get()).isZero();
        guard.close();
        assertThat(lock.isLocked()).isFalse();
    }

    // An exception thrown inside the critical section still releases the lock.
    @Test
    void exceptionInCriticalSection_releasesTheLock() {
        SpinLock<Integer> lock = new SpinLock<>(0);

        assertThatThrownBy(() -> {
            try (var guard = lock.lock()) {
                guard.set(1);
                throw new IllegalArgumentException("inside");
            }
        }).isInstanceOf(IllegalArgumentException.class);

        assertThat(lock.isLocked()).isFalse();
        try (var guard = lock.tryLock()) {
            assertThat(guard).isNotNull();
            assertThat(guard == null ? null : guard.get()).isEqualTo(1);
        }
    }

    // A thread interrupted while it waits for the lock keeps waiting, takes the lock once it
    // is free, and still has its interrupt status.
    @Test
    void lock_whenInterruptedWhileSpinning_takesTheLockAndKeepsTheStatus() throws Exception {
        SpinLock<Integer> lock = new SpinLock<>(0);
        CompletableFuture<Boolean> statusAfterLocking = new CompletableFuture<>();
        Thread waiter;
        try (var held = lock.lock()) {
            waiter = Thread.ofPlatform().start(() -> {
                try (var guard = lock.lock()) {
                    guard.set(guard.get() + 1);
                    statusAfterLocking.complete(Thread.currentThread().isInterrupted());
                }
            });
            waiter.interrupt();
            assertThat(statusAfterLocking).as("waiting while the lock is held").isNotDone();
            held.set(10);
        }

        assertThat(statusAfterLocking.get()).as("interrupt status").isTrue();
        waiter.join();
        try (var guard = lock.lock()) {
            assertThat(guard.get()).isEqualTo(11);
        }
    }

    // Many virtual threads on few carriers contend and lose no update: a waiter yields, so a
    // holder waiting for a carrier gets to finish.
    @Test
    void virtualThreads_contending_loseNoUpdate() throws Exception {
        SpinLock<int[]> lock = new SpinLock<>(new int[1]);
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < VIRTUAL_THREADS; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = 0; i < INCREMENTS_PER_VIRTUAL_THREAD; i++) {
                        try (var guard = lock.lock()) {
                            guard.get()[0]++;
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        try (var guard = lock.lock()) {
            assertThat(guard.get()[0]).isEqualTo(VIRTUAL_THREADS * INCREMENTS_PER_VIRTUAL_THREAD);
        }
    }

    // toString tells locked from unlocked and never reads the value.
    @Test
    void toString_showsTheStateOnly() {
        SpinLock<String> lock = new SpinLock<>("secret");

        assertThat(lock).hasToString("SpinLock[unlocked]");
        try (var guard = lock.lock()) {
            assertThat(lock).hasToString("SpinLock[locked]");
            assertThat(guard.toString()).contains(Thread.currentThread().getName())
                    .doesNotContain("secret");
        }
    }
}
