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
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Condvar with the public Mutex, MutexLock's Condition and ReentrantLock's Condition all
 * do: signal and signalAll wake waiters, timed waits report a timeout, every wait holds the
 * lock again when it returns or throws, interrupts before and during each form, zero,
 * negative and huge timeouts, misuse, and no lost signal under load.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class ConditionConformanceTest {

    private static final int WAITERS = 4;
    private static final int PRODUCERS = 4;
    private static final int ITEMS_PER_PRODUCER = 5_000;
    private static final int VIRTUAL_PAIRS = 5_000;
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(20);

    static Stream<Named<Supplier<TestCondition>>> conditions() {
        return TestCondition.all();
    }

    /** State the tests guard with the lock under test; read and written only holding it. */
    private static final class Shared {
        int permits;
        int done;
        boolean open;
        /** The one-slot buffer of the producer-consumer tests; 0 is empty. */
        int slot;
        long consumedSum;
    }

    // Each signal, with one permit made available, lets one more waiter through, until all
    // are through: no signal is lost, and none is needed twice.
    @ParameterizedTest
    @MethodSource("conditions")
    void signal_withWaiters_letsOneMoreThroughEachTime(Supplier<TestCondition> factory)
            throws Exception {
        TestCondition condition = factory.get();
        TestLock lock = condition.lock();
        Shared shared = new Shared();
        List<Thread> waiters = startWaiters(condition, () -> {
            while (shared.permits == 0) {
                condition.awaitUninterruptibly();
            }
            shared.permits--;
            shared.done++;
        });
        awaitAllParked(waiters);

        for (int signalled = 1; signalled <= WAITERS; signalled++) {
            lock.lock();
            shared.permits++;
            condition.signal();
            lock.unlock();
            while (done(lock, shared) < signalled) {
                Thread.sleep(1);
            }
        }
        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertThat(done(lock, shared)).as("waiters through").isEqualTo(WAITERS);
    }

    // signalAll wakes every waiter.
    @ParameterizedTest
    @MethodSource("conditions")
    void signalAll_withWaiters_wakesEveryOne(Supplier<TestCondition> factory) throws Exception {
        TestCondition condition = factory.get();
        TestLock lock = condition.lock();
        Shared shared = new Shared();
        List<Thread> waiters = startWaiters(condition, () -> {
            while (!shared.open) {
                condition.awaitUninterruptibly();
            }
            shared.done++;
        });
        awaitAllParked(waiters);

        lock.lock();
        shared.open = true;
        condition.signalAll();
        lock.unlock();

        for (Thread waiter : waiters) {
            waiter.join();
        }
        assertThat(done(lock, shared)).as("waiters through").isEqualTo(WAITERS);
    }

    // A timed wait nobody signals returns false, holding the lock again.
    @ParameterizedTest
    @MethodSource("conditions")
    void timedAwait_whenNotSignalled_returnsFalseHoldingTheLock(Supplier<TestCondition> factory)
            throws Exception {
        TestCondition condition = factory.get();
        condition.lock().lock();

        assertThat(condition.await(SHORT_TIMEOUT)).as("signalled").isFalse();

        assertThat(condition.heldByCurrentThread()).as("holds the lock again").isTrue();
        condition.lock().unlock();
        assertThat(condition.lock().isLocked()).isFalse();
    }

    // Zero and negative timeouts return false at once, holding the lock.
    @ParameterizedTest
    @MethodSource("conditions")
    void timedAwait_zeroOrNegative_returnsFalseAtOnce(Supplier<TestCondition> factory)
            throws Exception {
        TestCondition condition = factory.get();
        condition.lock().lock();

        for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(-1),
                Duration.ofNanos(Long.MIN_VALUE), Duration.ofSeconds(Long.MIN_VALUE))) {
            assertThat(condition.await(timeout)).as("timeout %s", timeout).isFalse();
            assertThat(condition.heldByCurrentThread()).as("held, %s", timeout).isTrue();
        }
        condition.lock().unlock();
    }

    // The longest timeouts neither overflow nor time out: a signal ends the wait, and the
    // wait reports the signal.
    @ParameterizedTest
    @MethodSource("conditions")
    void timedAwait_huge_doesNotOverflowAndReportsTheSignal(Supplier<TestCondition> factory)
            throws Exception {
        TestCondition condition = factory.get();
        TestLock lock = condition.lock();
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            Shared shared = new Shared();
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                lock.lock();
                try {
                    boolean signalled = true;
                    while (!shared.open && signalled) {
                        signalled = condition.await(timeout);
                    }
                    result.complete(signalled);
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                } finally {
                    lock.unlock();
                }
            });
            awaitParked(waiter);

            lock.lock();
            shared.open = true;
            condition.signal();
            lock.unlock();

            assertThat(result.get()).as("reported as signalled, timeout %s", timeout).isTrue();
            waiter.join();
        }
    }

    // An interrupt before an interruptible wait throws at once, holding the lock, with the
    // status cleared.
    @ParameterizedTest
    @MethodSource("conditions")
    void interruptibleAwaits_whenInterruptedBefore_throwHoldingTheLock(
            Supplier<TestCondition> factory) {
        TestCondition condition = factory.get();
        condition.lock().lock();

        Thread.currentThread().interrupt();
        assertThatThrownBy(condition::await).isInstanceOf(InterruptedException.class);
        assertThat(condition.heldByCurrentThread()).as("held after await").isTrue();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> condition.await(Duration.ofDays(1)))
                .isInstanceOf(InterruptedException.class);
        assertThat(condition.heldByCurrentThread()).as("held after the timed await").isTrue();

        assertThat(Thread.currentThread().isInterrupted()).as("status").isFalse();
        condition.lock().unlock();
        assertThat(condition.lock().isLocked()).isFalse();
    }

    // An interrupt during an interruptible wait throws only once the waiter holds the lock
    // again: while another thread keeps the lock the waiter stays blocked.
    @ParameterizedTest
    @MethodSource("conditions")
    void interruptibleAwaits_whenInterruptedWhileWaiting_throwOnlyHoldingTheLockAgain(
            Supplier<TestCondition> factory) throws Exception {
        TestCondition condition = factory.get();
        TestLock lock = condition.lock();
        List<LockConformanceTest.Blocking> forms = List.of(condition::await,
                () -> condition.await(Duration.ofDays(1)));
        for (LockConformanceTest.Blocking form : forms) {
            CompletableFuture<Boolean> heldWhenThrown = new CompletableFuture<>();
            CompletableFuture<Boolean> statusWhenThrown = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                lock.lock();
                try {
                    form.run();
                    heldWhenThrown.completeExceptionally(new AssertionError("returned"));
                } catch (InterruptedException e) {
                    statusWhenThrown.complete(Thread.currentThread().isInterrupted());
                    heldWhenThrown.complete(condition.heldByCurrentThread());
                } finally {
                    lock.unlock();
                }
            });
            awaitParked(waiter);

            lock.lock();
            waiter.interrupt();
            for (int i = 0; i < STATE_SAMPLES; i++) {
                assertThat(heldWhenThrown).as("sample %d, lock held elsewhere", i).isNotDone();
                Thread.sleep(1);
            }
            lock.unlock();

            assertThat(heldWhenThrown.get()).as("held the lock when it threw").isTrue();
            assertThat(statusWhenThrown.get()).as("interrupt status when it threw").isFalse();
            waiter.join();
            assertThat(lock.isLocked()).isFalse();
        }
    }

    // An interrupt neither ends an uninterruptible wait nor makes it spin; the signal ends
    // it, and the status is still set.
    @ParameterizedTest
    @MethodSource("conditions")
    void awaitUninterruptibly_whenInterrupted_keepsWaitingAndTheStatus(
            Supplier<TestCondition> factory) throws Exception {
        TestCondition condition = factory.get();
        TestLock lock = condition.lock();
        Shared shared = new Shared();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            lock.lock();
            while (!shared.open) {
                condition.awaitUninterruptibly();
            }
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
            lock.unlock();
        });
        awaitParked(waiter);

        Sleepers.interruptAndAssertItSleepsOn(waiter);

        lock.lock();
        shared.open = true;
        condition.signal();
        lock.unlock();
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        waiter.join();
    }

    // Waiting without holding the lock throws the documented exception and waits for
    // nothing; signalling without it does too, where signalling needs the lock.
    @ParameterizedTest
    @MethodSource("conditions")
    void awaitAndSignal_withoutTheLock_throw(Supplier<TestCondition> factory) throws Exception {
        TestCondition condition = factory.get();
        TestLock lock = condition.lock();
        lock.lock();
        lock.unlock();

        assertThatThrownBy(condition::await).isInstanceOf(condition.misuse());
        assertThatThrownBy(condition::awaitUninterruptibly).isInstanceOf(condition.misuse());
        assertThatThrownBy(() -> condition.await(Duration.ofSeconds(1)))
                .isInstanceOf(condition.misuse());
        if (condition.signalNeedsLock()) {
            assertThatThrownBy(condition::signal).isInstanceOf(condition.misuse());
            assertThatThrownBy(condition::signalAll).isInstanceOf(condition.misuse());
        }
        assertThat(lock.isLocked()).isFalse();

        lock.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<?> attempt = other.submit(() -> condition.await(Duration.ofSeconds(1)));
            assertThatThrownBy(attempt::get).as("while another thread holds the lock")
                    .hasCauseInstanceOf(condition.misuse());
        }
        assertThat(condition.heldByCurrentThread()).as("still held by its owner").isTrue();
        lock.unlock();
    }

    // Producers and consumers hand items over through a one-slot buffer on platform
    // threads: every item is consumed exactly once.
    @ParameterizedTest
    @MethodSource("conditions")
    void producersAndConsumers_platformThreads_loseNoSignal(Supplier<TestCondition> factory)
            throws Exception {
        assertHandOver(factory.get(), Thread.ofPlatform().factory(), PRODUCERS,
                ITEMS_PER_PRODUCER);
    }

    // The same with 10,000 virtual threads, one item each: waiting virtual threads unmount.
    @ParameterizedTest
    @MethodSource("conditions")
    void producersAndConsumers_tenThousandVirtualThreads_loseNoSignal(
            Supplier<TestCondition> factory) throws Exception {
        assertHandOver(factory.get(), Thread.ofVirtual().factory(), VIRTUAL_PAIRS, 1);
    }

    /**
     * Runs {@code pairs} producers and as many consumers over a one-slot buffer, each
     * producing or consuming {@code items} items, and checks the sum of what was consumed.
     */
    private static void assertHandOver(TestCondition condition, ThreadFactory factory,
            int pairs, int items) throws Exception {
        TestLock lock = condition.lock();
        Shared shared = new Shared();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(factory)) {
            for (int p = 0; p < pairs; p++) {
                workers.add(threads.submit(() -> produce(condition, shared, items)));
                workers.add(threads.submit(() -> consume(condition, shared, items)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        long perProducer = (long) items * (items + 1) / 2;
        lock.lock();
        try {
            assertThat(shared.consumedSum).as("sum of the items consumed")
                    .isEqualTo(perProducer * pairs);
            assertThat(shared.slot).as("the buffer at the end").isZero();
        } finally {
            lock.unlock();
        }
    }

    private static void produce(TestCondition condition, Shared shared, int items) {
        for (int item = 1; item <= items; item++) {
            condition.lock().lock();
            try {
                while (shared.slot != 0) {
                    condition.awaitUninterruptibly();
                }
                shared.slot = item;
                condition.signalAll();
            } finally {
                condition.lock().unlock();
            }
        }
    }

    private static void consume(TestCondition condition, Shared shared, int items) {
        for (int i = 0; i < items; i++) {
            condition.lock().lock();
            try {
                while (shared.slot == 0) {
                    condition.awaitUninterruptibly();
                }
                shared.consumedSum += shared.slot;
                shared.slot = 0;
                condition.signalAll();
            } finally {
                condition.lock().unlock();
            }
        }
    }

    /** Starts {@link #WAITERS} threads that each run {@code body} holding the lock. */
    private static List<Thread> startWaiters(TestCondition condition, Runnable body) {
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            waiters.add(Thread.ofPlatform().start(() -> {
                condition.lock().lock();
                try {
                    body.run();
                } finally {
                    condition.lock().unlock();
                }
            }));
        }
        return waiters;
    }

    private static void awaitAllParked(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            awaitParked(thread);
        }
    }

    private static int done(TestLock lock, Shared shared) {
        lock.lock();
        try {
            return shared.done;
        } finally {
            lock.unlock();
        }
    }
}
