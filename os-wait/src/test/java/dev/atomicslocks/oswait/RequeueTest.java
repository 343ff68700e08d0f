package dev.atomicslocks.oswait;

import static dev.atomicslocks.oswait.AtomicWaitTest.awaitQueued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Ordering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Moving waiters from one atomic to another: requeue and wakeAndRequeue. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class RequeueTest {

    private static final int WAITERS = 3;
    private static final int VIRTUAL_WAITERS = 10_000;
    private static final int RACE_ROUNDS = 2_000;
    /** Samples of a moved thread's state when checking that it still sleeps. */
    private static final int STATE_SAMPLES = 20;

    // requeue moves the requested number of waiters without waking any; a wake of the target
    // then ends their waits on the source, one at a time.
    @Test
    void requeue_movesWaitersWithoutWakingThem() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32(7);
        List<Future<?>> waiters = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(WAITERS)) {
            for (int i = 0; i < WAITERS; i++) {
                waiters.add(threads.submit(() -> AtomicWait.wait(from, 0)));
            }
            awaitQueued(from, WAITERS);

            assertThat(AtomicWait.requeue(from, to, 7, WAITERS - 1)).as("moved").isEqualTo(2);

            assertThat(ParkingLot.queuedOn(from)).as("left on from").isEqualTo(1);
            assertThat(ParkingLot.queuedOn(to)).as("now on to").isEqualTo(2);
            assertThat(waiters.stream().filter(Future::isDone)).as("returned").isEmpty();
            assertThat(AtomicWait.wakeOne(to)).isEqualTo(1);
            assertThat(AtomicWait.wakeOne(from)).isEqualTo(1);
            assertThat(AtomicWait.wakeAll(to)).isEqualTo(1);
            for (Future<?> waiter : waiters) {
                waiter.get();
            }
        }
        assertThat(ParkingLot.queuedOn(from) + ParkingLot.queuedOn(to)).isZero();
    }

    // A target that no longer holds the expected value makes requeue move nobody: -1.
    @Test
    void requeue_whenTargetChanged_movesNobody() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32(1);
        try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
            Future<?> waiter = threads.submit(() -> AtomicWait.wait(from, 0));
            awaitQueued(from, 1);

            assertThat(AtomicWait.requeue(from, to, 0, 1)).isEqualTo(-1);

            assertThat(ParkingLot.queuedOn(from)).as("still on from").isEqualTo(1);
            assertThat(ParkingLot.queuedOn(to)).isZero();
            assertThat(AtomicWait.wakeOne(from)).isEqualTo(1);
            waiter.get();
        }
    }

    // With nobody waiting on the source there is nothing to move, whatever the target holds.
    @Test
    void requeue_withNobodyWaiting_returnsZero() {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32(1);

        assertThat(AtomicWait.requeue(from, to, 0, 1)).isZero();
        assertThat(AtomicWait.requeue(from, to, 1, Integer.MAX_VALUE)).isZero();
        assertThat(AtomicWait.wakeAndRequeue(from, 1, to, Integer.MAX_VALUE)).isZero();
    }

    // Moved threads keep their order and queue behind the target's own waiters.
    @Test
    void requeue_keepsArrivalOrderBehindTheTargetsWaiters() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        ConcurrentLinkedQueue<String> returned = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        threads.add(startWaiter(to, "on to", returned));
        awaitQueued(to, 1);
        threads.add(startWaiter(from, "first on from", returned));
        awaitQueued(from, 1);
        threads.add(startWaiter(from, "second on from", returned));
        awaitQueued(from, 2);

        assertThat(AtomicWait.requeue(from, to, 0, Integer.MAX_VALUE)).isEqualTo(2);

        for (int woken = 1; woken <= threads.size(); woken++) {
            assertThat(AtomicWait.wakeOne(to)).as("wake %d", woken).isEqualTo(1);
            while (returned.size() < woken) {
                Thread.sleep(1);
            }
        }
        assertThat(returned).containsExactly("on to", "first on from", "second on from");
        for (Thread thread : threads) {
            thread.join();
        }
    }

    // A moved thread sleeps on: it neither returns nor spins until the target is woken.
    @Test
    void requeue_movedThreadStaysAsleepUntilTheTargetIsWoken() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        Thread waiter = Thread.ofPlatform().start(() -> AtomicWait.wait(from, 0));
        awaitQueued(from, 1);

        assertThat(AtomicWait.requeue(from, to, 0, 1)).isEqualTo(1);
        assertThat(ParkingLot.queuedOn(to)).as("queued on to").isEqualTo(1);
        for (int i = 0; i < STATE_SAMPLES; i++) {
            assertThat(waiter.getState()).as("sample %d after the move", i)
                    .isEqualTo(Thread.State.WAITING);
            Thread.sleep(1);
        }
        assertThat(AtomicWait.wakeAll(from)).as("nobody left on from").isZero();

        assertThat(AtomicWait.wakeOne(to)).isEqualTo(1);
        waiter.join();
    }

    // wakeAndRequeue wakes the longest waiter and moves the others.
    @Test
    void wakeAndRequeue_wakesOneAndMovesTheRest() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        ConcurrentLinkedQueue<String> returned = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            threads.add(startWaiter(from, "waiter " + i, returned));
            awaitQueued(from, i + 1);
        }

        assertThat(AtomicWait.wakeAndRequeue(from, 1, to, Integer.MAX_VALUE))
                .as("woken and moved").isEqualTo(WAITERS);

        threads.getFirst().join();
        assertThat(returned).containsExactly("waiter 0");
        assertThat(ParkingLot.queuedOn(from)).isZero();
        assertThat(ParkingLot.queuedOn(to)).isEqualTo(WAITERS - 1);
        assertThat(AtomicWait.wakeAll(to)).isEqualTo(WAITERS - 1);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    // A moved timed waiter whose timeout passes returns as woken (true) and leaves no node.
    @Test
    void requeue_movedTimedWaiterTimingOut_returnsAsWoken() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                result.complete(AtomicWait.waitFor(from, 0, Duration.ofMillis(200)));
            } catch (InterruptedException e) {
                result.completeExceptionally(e);
            }
        });
        awaitQueued(from, 1);

        assertThat(AtomicWait.requeue(from, to, 0, 1)).isEqualTo(1);

        assertThat(result.get()).as("timed wait result after the move").isTrue();
        waiter.join();
        assertThat(ParkingLot.queuedOn(to)).isZero();
    }

    // A moved interruptible waiter that is interrupted returns as woken, status set.
    @Test
    void requeue_movedInterruptibleWaiterInterrupted_returnsWithTheStatusSet() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try {
                AtomicWait.waitInterruptibly(from, 0);
                statusOnReturn.complete(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                statusOnReturn.completeExceptionally(e);
            }
        });
        awaitQueued(from, 1);
        assertThat(AtomicWait.requeue(from, to, 0, 1)).isEqualTo(1);

        waiter.interrupt();

        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        waiter.join();
        assertThat(ParkingLot.queuedOn(to)).isZero();
    }

    // A moved uninterruptible waiter keeps waiting through an interrupt.
    @Test
    void requeue_movedUninterruptibleWaiter_keepsWaitingThroughAnInterrupt() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            AtomicWait.wait(from, 0);
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitQueued(from, 1);
        assertThat(AtomicWait.requeue(from, to, 0, 1)).isEqualTo(1);

        waiter.interrupt();
        AtomicWaitTest.awaitInterruptConsumed(waiter);
        AtomicWaitTest.awaitParkedOn(waiter, to);
        assertThat(ParkingLot.queuedOn(to)).as("still queued on to").isEqualTo(1);

        assertThat(AtomicWait.wakeOne(to)).isEqualTo(1);
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        waiter.join();
    }

    // 10,000 virtual threads moved in one call all return on one wake of the target.
    @Test
    void requeue_tenThousandVirtualWaiters_allReturnOnAWakeOfTheTarget() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        List<Future<?>> waiters = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < VIRTUAL_WAITERS; i++) {
                waiters.add(threads.submit(() -> AtomicWait.wait(from, 0)));
            }
            awaitQueued(from, VIRTUAL_WAITERS);

            assertThat(AtomicWait.requeue(from, to, 0, Integer.MAX_VALUE))
                    .isEqualTo(VIRTUAL_WAITERS);
            assertThat(AtomicWait.wakeAll(to)).isEqualTo(VIRTUAL_WAITERS);

            for (Future<?> waiter : waiters) {
                waiter.get();
            }
        }
    }

    // A gated requeue racing a thread that changes the target and then wakes it never strands
    // a waiter: either the requeue fails (and the mover wakes the waiter itself) or the
    // target's wake finds the moved waiter.
    @Test
    void requeue_racingAChangeAndWakeOfTheTarget_neverStrandsAWaiter() throws Exception {
        AtomicU32 from = new AtomicU32();
        AtomicU32 to = new AtomicU32();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            from.store(0, Ordering.SEQ_CST);
            to.store(1, Ordering.SEQ_CST);
            Thread waiter = Thread.ofPlatform().start(() -> {
                while (from.load(Ordering.SEQ_CST) == 0) {
                    AtomicWait.wait(from, 0);
                }
            });
            Thread releaser = Thread.ofPlatform().start(() -> {
                to.store(0, Ordering.SEQ_CST);
                AtomicWait.wakeAll(to);
            });
            from.store(1, Ordering.SEQ_CST);
            if (AtomicWait.requeue(from, to, 1, 1) == -1) {
                AtomicWait.wakeAll(from);
            }
            releaser.join();
            assertThat(waiter.join(Duration.ofSeconds(10))).as("waiter of round %d returned",
                    round).isTrue();
        }
    }

    // Requeueing onto the same atomic, or a negative count, is refused.
    @Test
    void requeue_misuse_isRefused() {
        AtomicU32 atomic = new AtomicU32();
        AtomicU32 other = new AtomicU32();

        assertThatThrownBy(() -> AtomicWait.requeue(atomic, atomic, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> AtomicWait.requeue(atomic, other, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> AtomicWait.wakeAndRequeue(atomic, -1, other, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wakeCount");
        assertThatThrownBy(() -> AtomicWait.wakeAndRequeue(atomic, 1, other, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requeueCount");
    }

    /** Starts a thread that waits on {@code atomic} while it is 0, then records its name. */
    private static Thread startWaiter(AtomicU32 atomic, String name,
            ConcurrentLinkedQueue<String> returned) {
        return Thread.ofPlatform().start(() -> {
            AtomicWait.wait(atomic, 0);
            returned.add(name);
        });
    }
}
