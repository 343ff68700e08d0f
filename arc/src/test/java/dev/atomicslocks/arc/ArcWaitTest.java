package dev.atomicslocks.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting for the last strong handle and for the drop: every form, interrupts, timeouts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class ArcWaitTest {

    /** How many times a waiting thread's state is sampled; each sample is 1 ms apart. */
    private static final int STATE_SAMPLES = 20;
    /** Users of a shared value that a shutdown drains, each on its own virtual thread. */
    private static final int USERS = 1_000;

    // A shutdown drains the users: it returns once every other strong handle was closed,
    // sees each user's plain write, and then has exclusive access.
    @Test
    void awaitLastStrong_drainsTheUsersOnVirtualThreads() throws Exception {
        boolean[] served = new boolean[USERS];
        Arc<boolean[]> shared = Arc.of(served);
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < USERS; i++) {
                int user = i;
                Arc<boolean[]> mine = shared.clone();
                users.execute(() -> {
                    try (mine) {
                        mine.get()[user] = true;
                    }
                });
            }
            shared.awaitLastStrong();

            for (int i = 0; i < USERS; i++) {
                assertThat(served[i]).as("user %d's write, seen by the shutdown", i).isTrue();
            }
            assertThat(shared.strongCount()).as("strong handles after the drain").isEqualTo(1);
            assertThat(shared.getMut()).as("exclusive after the drain").isSameAs(served);
        }
        shared.close();
    }

    // Each form returns at once when this is already the only strong handle.
    @Test
    void awaitLastStrong_alreadyAlone_returnsAtOnce() throws Exception {
        try (Arc<String> arc = Arc.of("v")) {
            arc.awaitLastStrong();
            arc.awaitLastStrongInterruptibly();
            assertThat(arc.awaitLastStrong(Duration.ZERO)).isTrue();
        }
    }

    // Zero, negative and expired timeouts only check; they fail while another handle lives.
    @Test
    void awaitLastStrongWithTimeout_zeroNegativeOrShort_failWhileAnotherHandleLives()
            throws Exception {
        try (Arc<String> arc = Arc.of("v"); Arc<String> other = arc.clone()) {
            for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(-1),
                    Duration.ofSeconds(Long.MIN_VALUE), Duration.ofMillis(20))) {
                assertThat(arc.awaitLastStrong(timeout)).as("timeout %s", timeout).isFalse();
            }
            assertThat(other.strongCount()).isEqualTo(2);
        }
    }

    // The longest timeouts neither overflow nor fail: the wait ends when the other closes.
    @Test
    void awaitLastStrongWithTimeout_huge_doesNotOverflow() throws Exception {
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            Arc<String> arc = Arc.of("v");
            Arc<String> other = arc.clone();
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    result.complete(arc.awaitLastStrong(timeout));
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                }
            });
            awaitState(waiter, Thread.State.TIMED_WAITING);

            other.close();

            assertThat(result.get()).as("timeout %s", timeout).isTrue();
            waiter.join();
            arc.close();
        }
    }

    // An interrupt neither ends the uninterruptible wait nor makes it spin; the status is
    // still set when it returns.
    @Test
    void awaitLastStrong_whenInterrupted_keepsWaitingAndKeepsTheStatus() throws Exception {
        Arc<String> arc = Arc.of("v");
        Arc<String> other = arc.clone();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            arc.awaitLastStrong();
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitState(waiter, Thread.State.WAITING);

        waiter.interrupt();
        while (waiter.isInterrupted()) {
            Thread.sleep(1);
        }
        awaitState(waiter, Thread.State.WAITING);
        for (int i = 0; i < STATE_SAMPLES; i++) {
            assertThat(waiter.getState()).as("sample %d after the interrupt", i)
                    .isEqualTo(Thread.State.WAITING);
            Thread.sleep(1);
        }

        other.close();
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        waiter.join();
        arc.close();
    }

    // An interrupt ends the interruptible and timed waits with InterruptedException, clears
    // the status and leaves the handles as they were.
    @Test
    void interruptibleForms_whenInterrupted_throwAndClearTheStatus() throws Exception {
        try (Arc<String> arc = Arc.of("v"); Arc<String> other = arc.clone();
                Weak<String> weak = arc.downgrade()) {
            List<ThrowingWait> waits = List.of(arc::awaitLastStrongInterruptibly,
                    () -> arc.awaitLastStrong(Duration.ofDays(1)), weak::awaitDropInterruptibly,
                    () -> weak.awaitDrop(Duration.ofDays(1)));
            for (ThrowingWait wait : waits) {
                CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
                Thread waiter = Thread.ofPlatform().start(() -> {
                    try {
                        wait.run();
                        statusAfterThrow.completeExceptionally(new AssertionError("returned"));
                    } catch (InterruptedException e) {
                        statusAfterThrow.complete(Thread.currentThread().isInterrupted());
                    }
                });
                awaitParked(waiter);
                waiter.interrupt();
                assertThat(statusAfterThrow.get()).as("status after the throw").isFalse();
                waiter.join();
            }
            assertThat(other.strongCount()).as("strong handles after the waits").isEqualTo(2);
            assertThat(weak.weakCount()).as("weak handles after the waits").isEqualTo(1);
        }
    }

    // An interrupt already pending makes the interruptible forms throw before they check.
    @Test
    void interruptibleForms_whenAlreadyInterrupted_throwAtOnce() {
        try (Arc<String> arc = Arc.of("v"); Weak<String> weak = arc.downgrade()) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(arc::awaitLastStrongInterruptibly)
                    .isInstanceOf(InterruptedException.class);
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> weak.awaitDrop(Duration.ZERO))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    // Weak handles wait for the drop in every form, each waiter through its own handle; each
    // sees the drop's plain write.
    @Test
    void awaitDrop_everyForm_returnsAfterTheDropAction() throws Exception {
        int[] dropped = new int[1];
        Arc<String> arc = Arc.of("v", value -> dropped[0]++);
        Weak<String> weak = arc.downgrade();
        List<Weak<String>> clones = List.of(weak.clone(), weak.clone(), weak.clone());
        List<ThrowingWait> waits = List.of(clones.get(0)::awaitDrop,
                clones.get(1)::awaitDropInterruptibly,
                () -> assertThat(clones.get(2).awaitDrop(Duration.ofDays(1)))
                        .as("the timed wait's result").isTrue());
        List<Future<Integer>> seen = new ArrayList<>();
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < waits.size(); i++) {
                ThrowingWait wait = waits.get(i);
                Weak<String> own = clones.get(i);
                seen.add(waiters.submit(() -> {
                    try (own) {
                        wait.run();
                        return dropped[0];
                    }
                }));
            }
            assertThat(weak.awaitDrop(Duration.ofMillis(20))).as("before the close").isFalse();
            arc.close();
            for (Future<Integer> drops : seen) {
                assertThat(drops.get()).as("drops seen by a waiter").isEqualTo(1);
            }
        }
        assertThat(weak.isDropped()).as("dropped, seen by the main thread").isTrue();
        assertThat(weak.weakCount()).as("weak handles once the waiters closed theirs")
                .isEqualTo(1);
        weak.close();
    }

    // A close that leaves two strong handles does not end the wait; the one that leaves
    // one does.
    @Test
    void awaitLastStrong_wakesOnlyWhenOneHandleIsLeft() throws Exception {
        Arc<String> arc = Arc.of("v");
        Arc<String> second = arc.clone();
        Arc<String> third = arc.clone();
        CompletableFuture<Integer> countOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            arc.awaitLastStrong();
            countOnReturn.complete(arc.strongCount());
        });
        awaitState(waiter, Thread.State.WAITING);

        third.close();
        for (int i = 0; i < STATE_SAMPLES; i++) {
            assertThat(countOnReturn).as("sample %d with two handles left", i).isNotDone();
            Thread.sleep(1);
        }
        second.close();

        assertThat(countOnReturn.get()).as("strong count seen on return").isEqualTo(1);
        waiter.join();
        arc.close();
    }

    // Waiting for the drop from inside the drop action would wait for ever, since the drop
    // ends only when the action returns: each form throws instead, out of the last close,
    // and the value still counts as dropped.
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void awaitDrop_fromTheDropActionItself_throwsInsteadOfWaitingForEver() throws Exception {
        for (int form = 0; form < 3; form++) {
            int chosen = form;
            AtomicReference<@Nullable Weak<String>> watcher = new AtomicReference<>();
            Arc<String> arc = Arc.of("v", value -> awaitDropIn(
                    Objects.requireNonNull(watcher.get()), chosen));
            watcher.set(arc.downgrade());
            Weak<String> weak = Objects.requireNonNull(watcher.get());

            assertThatThrownBy(arc::close).as("form %d", chosen)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("from within its own drop action");

            assertThat(weak.isDropped()).as("form %d: dropped all the same", chosen).isTrue();
            weak.awaitDrop();
            weak.close();
        }
    }

    /** Waits for the drop through {@code weak} in one of its three forms. */
    private static void awaitDropIn(Weak<String> weak, int form) {
        try {
            switch (form) {
                case 0 -> weak.awaitDrop();
                case 1 -> weak.awaitDropInterruptibly();
                default -> weak.awaitDrop(Duration.ofDays(1));
            }
        } catch (InterruptedException e) {
            throw new AssertionError("nobody interrupts this test", e);
        }
    }

    /** A wait that may throw InterruptedException. */
    @FunctionalInterface
    private interface ThrowingWait {
        void run() throws InterruptedException;
    }

    private static void awaitState(Thread thread, Thread.State state)
            throws InterruptedException {
        while (thread.getState() != state) {
            Thread.sleep(1);
        }
    }

    private static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
    }
}
