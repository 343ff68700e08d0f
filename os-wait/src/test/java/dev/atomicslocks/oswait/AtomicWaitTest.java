package dev.atomicslocks.oswait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Ordering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of wait and wake on the portable parking lot. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class AtomicWaitTest {

    private static final int VIRTUAL_WAITERS = 10_000;
    private static final int WAITERS = 5;
    /** Samples of a parked thread's state when checking that it does not spin. */
    private static final int STATE_SAMPLES = 50;

    // A value that already differs returns at once, in every form.
    @Test
    void wait_whenValueDiffers_returnsAtOnce() throws Exception {
        AtomicU32 atomic = new AtomicU32(1);

        AtomicWait.wait(atomic, 0);
        AtomicWait.waitInterruptibly(atomic, 0);
        assertThat(AtomicWait.waitFor(atomic, 0, Duration.ofDays(1))).isTrue();
        assertThat(AtomicWait.waitUntil(atomic, 0, System.nanoTime())).isTrue();
        assertThat(ParkingLot.queuedOn(atomic)).isZero();
    }

    // With nobody waiting, a wake wakes nobody and says so.
    @Test
    void wake_withNoWaiters_returnsZero() {
        AtomicU32 atomic = new AtomicU32();

        assertThat(AtomicWait.wakeOne(atomic)).isZero();
        assertThat(AtomicWait.wakeAll(atomic)).isZero();
    }

    // wakeOne wakes exactly one of two waiters and reports 1; a second call wakes the other.
    @Test
    void wakeOne_withTwoWaiters_wakesOneAndReportsOne() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        AtomicInteger returned = new AtomicInteger();
        List<Future<?>> waiters = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                waiters.add(threads.submit(() -> {
                    AtomicWait.wait(atomic, 0);
                    returned.incrementAndGet();
                }));
            }
            awaitQueued(atomic, 2);

            assertThat(AtomicWait.wakeOne(atomic)).as("woken by the first wakeOne").isEqualTo(1);
            assertThat(ParkingLot.queuedOn(atomic)).as("still queued").isEqualTo(1);
            assertThat(returned.get()).as("returned after one wake").isLessThanOrEqualTo(1);

            assertThat(AtomicWait.wakeOne(atomic)).as("woken by the second wakeOne").isEqualTo(1);
            for (Future<?> waiter : waiters) {
                waiter.get();
            }
        }
        assertThat(returned.get()).as("returned after two wakes").isEqualTo(2);
    }

    // wakeAll wakes every waiter and reports how many.
    @Test
    void wakeAll_withSeveralWaiters_wakesAllAndReportsTheCount() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        List<Future<?>> waiters = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(WAITERS)) {
            for (int i = 0; i < WAITERS; i++) {
                waiters.add(threads.submit(() -> AtomicWait.wait(atomic, 0)));
            }
            awaitQueued(atomic, WAITERS);

            assertThat(AtomicWait.wakeAll(atomic)).as("woken").isEqualTo(WAITERS);
            for (Future<?> waiter : waiters) {
                waiter.get();
            }
        }
        assertThat(ParkingLot.queuedOn(atomic)).isZero();
    }

    // A wake on one atomic leaves the waiters of another atomic asleep.
    @Test
    void wake_onOneAtomic_leavesWaitersOfAnotherAsleep() throws Exception {
        AtomicU32 woken = new AtomicU32();
        AtomicU32 other = new AtomicU32();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> otherWaiter = threads.submit(() -> AtomicWait.wait(other, 0));
            awaitQueued(other, 1);

            assertThat(AtomicWait.wakeAll(woken)).isZero();
            assertThat(ParkingLot.queuedOn(other)).as("still waiting").isEqualTo(1);

            assertThat(AtomicWait.wakeOne(other)).isEqualTo(1);
            otherWaiter.get();
        }
    }

    // A timed wait that nobody wakes reports the timeout and leaves nothing queued.
    @Test
    void waitFor_whenNobodyWakes_reportsTimeout() throws Exception {
        AtomicU32 atomic = new AtomicU32();

        assertThat(AtomicWait.waitFor(atomic, 0, Duration.ofMillis(20))).isFalse();
        assertThat(AtomicWait.waitUntil(atomic, 0, System.nanoTime() + 1_000_000)).isFalse();
        assertThat(ParkingLot.queuedOn(atomic)).isZero();
    }

    // Zero and negative timeouts and passed deadlines only check the value.
    @Test
    void waitFor_withZeroOrNegativeTimeout_onlyChecksTheValue() throws Exception {
        AtomicU32 atomic = new AtomicU32();

        assertThat(AtomicWait.waitFor(atomic, 0, Duration.ZERO)).isFalse();
        assertThat(AtomicWait.waitFor(atomic, 0, Duration.ofSeconds(-5))).isFalse();
        assertThat(AtomicWait.waitFor(atomic, 0, Duration.ofSeconds(Long.MIN_VALUE))).isFalse();
        assertThat(AtomicWait.waitUntil(atomic, 0, System.nanoTime() - 1)).isFalse();
        assertThat(AtomicWait.waitFor(atomic, 1, Duration.ZERO)).as("value differs").isTrue();
        assertThat(ParkingLot.queuedOn(atomic)).isZero();
    }

    // The longest timeouts neither overflow nor fail: the wait still ends when woken.
    @Test
    void waitFor_withHugeTimeout_doesNotOverflowAndIsWoken() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Boolean> maxDuration = threads.submit(
                    () -> AtomicWait.waitFor(atomic, 0, Duration.ofSeconds(Long.MAX_VALUE)));
            Future<Boolean> maxNanos = threads.submit(
                    () -> AtomicWait.waitFor(atomic, 0, Duration.ofNanos(Long.MAX_VALUE)));
            awaitQueued(atomic, 2);

            atomic.store(1, Ordering.RELEASE);
            assertThat(AtomicWait.wakeAll(atomic)).isEqualTo(2);

            assertThat(maxDuration.get()).as("Duration.ofSeconds(Long.MAX_VALUE)").isTrue();
            assertThat(maxNanos.get()).as("Duration.ofNanos(Long.MAX_VALUE)").isTrue();
        }
    }

    // A timed waiter that is woken reports the wake, not a timeout.
    @Test
    void waitFor_whenWoken_reportsTheWake() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                result.complete(AtomicWait.waitFor(atomic, 0, Duration.ofMinutes(10)));
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            }
        });
        awaitQueued(atomic, 1);

        assertThat(AtomicWait.wakeOne(atomic)).isEqualTo(1);

        assertThat(result.get()).isTrue();
        waiter.join();
    }

    // An interrupt during the uninterruptible wait neither ends it nor makes it spin; the
    // status is set again when a wake finally ends the wait.
    @Test
    void wait_whenInterrupted_keepsWaitingWithoutSpinningAndKeepsTheStatus() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            AtomicWait.wait(atomic, 0);
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitQueued(atomic, 1);

        waiter.interrupt();
        awaitInterruptConsumed(waiter);
        awaitParkedOn(waiter, atomic);
        for (int i = 0; i < STATE_SAMPLES; i++) {
            assertThat(waiter.getState()).as("sample %d after the interrupt", i)
                    .isEqualTo(Thread.State.WAITING);
            Thread.sleep(1);
        }
        assertThat(ParkingLot.queuedOn(atomic)).as("still queued").isEqualTo(1);

        assertThat(AtomicWait.wakeOne(atomic)).isEqualTo(1);
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        waiter.join();
    }

    // The interruptible form throws when interrupted while waiting, clears the status and
    // leaves nothing queued.
    @Test
    void waitInterruptibly_whenInterrupted_throwsAndDequeues() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                AtomicWait.waitInterruptibly(atomic, 0);
                statusAfterThrow.completeExceptionally(new AssertionError("returned normally"));
            } catch (InterruptedException e) {
                statusAfterThrow.complete(Thread.currentThread().isInterrupted());
            }
        });
        awaitQueued(atomic, 1);

        waiter.interrupt();

        assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
        assertThat(ParkingLot.queuedOn(atomic)).isZero();
        assertThat(AtomicWait.wakeOne(atomic)).as("nobody left to wake").isZero();
        waiter.join();
    }

    // An interrupt that arrives before the call makes the interruptible forms throw at once,
    // even when the value differs.
    @Test
    void interruptibleForms_whenAlreadyInterrupted_throwAtOnce() {
        AtomicU32 atomic = new AtomicU32(1);

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> AtomicWait.waitInterruptibly(atomic, 0))
                .isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> AtomicWait.waitFor(atomic, 0, Duration.ofSeconds(1)))
                .isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> AtomicWait.waitUntil(atomic, 0, System.nanoTime()))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    // The uninterruptible form with the status already set still waits, and keeps the status.
    @Test
    void wait_whenAlreadyInterrupted_stillWaitsForTheWake() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            AtomicWait.wait(atomic, 0);
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitQueued(atomic, 1);
        awaitParkedOn(waiter, atomic);

        assertThat(statusOnReturn).as("still waiting").isNotDone();
        assertThat(AtomicWait.wakeOne(atomic)).isEqualTo(1);
        assertThat(statusOnReturn.get()).isTrue();
        waiter.join();
    }

    // 10,000 virtual threads wait on one atomic and one wakeAll releases every one of them.
    @Test
    void wakeAll_withTenThousandVirtualWaiters_wakesEveryOne() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        List<Future<?>> waiters = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < VIRTUAL_WAITERS; i++) {
                waiters.add(threads.submit(() -> AtomicWait.wait(atomic, 0)));
            }
            awaitQueued(atomic, VIRTUAL_WAITERS);

            atomic.store(1, Ordering.RELEASE);
            assertThat(AtomicWait.wakeAll(atomic)).as("woken").isEqualTo(VIRTUAL_WAITERS);

            for (Future<?> waiter : waiters) {
                waiter.get();
            }
        }
        assertThat(ParkingLot.queuedOn(atomic)).isZero();
    }

    // The waiting thread names the atomic as its blocker, for thread dumps.
    @Test
    void wait_recordsTheAtomicAsParkBlocker() throws Exception {
        AtomicU32 atomic = new AtomicU32();
        Thread waiter = Thread.ofPlatform().start(() -> AtomicWait.wait(atomic, 0));

        awaitParkedOn(waiter, atomic);

        assertThat(LockSupport.getBlocker(waiter)).isSameAs(atomic);
        AtomicWait.wakeOne(atomic);
        waiter.join();
    }

    /** Waits until {@code count} threads are queued on {@code atomic}. */
    static void awaitQueued(AtomicU32 atomic, int count) throws InterruptedException {
        while (ParkingLot.queuedOn(atomic) < count) {
            Thread.sleep(1);
        }
    }

    /**
     * Waits until {@code thread} has woken up from an interrupt and cleared its status to park
     * again; until then it may be runnable for a moment, which is no spinning.
     */
    static void awaitInterruptConsumed(Thread thread) throws InterruptedException {
        while (thread.isInterrupted()) {
            Thread.sleep(1);
        }
    }

    /** Waits until {@code thread} is parked with {@code atomic} as its blocker. */
    static void awaitParkedOn(Thread thread, AtomicU32 atomic) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING
                || LockSupport.getBlocker(thread) != atomic) {
            Thread.sleep(1);
        }
    }
}
