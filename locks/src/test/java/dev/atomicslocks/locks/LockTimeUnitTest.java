package dev.atomicslocks.locks;

import static dev.atomicslocks.locks.Sleepers.awaitParked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timed methods of {@code Lock} and {@code Condition} that take a count and a
 * {@code TimeUnit} or a {@code Date}, for MutexLock and ReentrantLock, the reference: counts
 * of zero, negative and at the ends of {@code long} in the largest and smallest units, and
 * deadlines in the past and at the ends of time, without overflow; an interrupt before each
 * timed form. The {@code Duration} forms are in the conformance suites.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
// The timed awaits are named one by one, out of a loop: those with nothing left never wait,
// and the others run in a loop on the flag. Condition.awaitUntil takes a Date.
@SuppressWarnings({"WaitNotInLoop", "JavaUtilDate"})
final class LockTimeUnitTest {

    static Stream<Named<Supplier<Lock>>> locks() {
        return Stream.of(Named.of("MutexLock", MutexLock::new),
                Named.of("ReentrantLock", ReentrantLock::new));
    }

    /** A timed wait of a Condition, reporting whether a signal (not the timeout) ended it. */
    @FunctionalInterface
    private interface TimedAwait {
        boolean await(Condition condition) throws InterruptedException;
    }

    private static final List<Named<TimedAwait>> NOTHING_LEFT = List.of(
            Named.of("awaitNanos(0)", c -> c.awaitNanos(0) > 0),
            Named.of("awaitNanos(-1)", c -> c.awaitNanos(-1) > 0),
            Named.of("awaitNanos(MIN)", c -> c.awaitNanos(Long.MIN_VALUE) > 0),
            Named.of("await(0, DAYS)", c -> c.await(0, TimeUnit.DAYS)),
            Named.of("await(MIN, DAYS)", c -> c.await(Long.MIN_VALUE, TimeUnit.DAYS)),
            Named.of("await(MIN, NANOSECONDS)",
                    c -> c.await(Long.MIN_VALUE, TimeUnit.NANOSECONDS)),
            Named.of("awaitUntil(an hour ago)",
                    c -> c.awaitUntil(new Date(System.currentTimeMillis() - 3_600_000))),
            Named.of("awaitUntil(0)", c -> c.awaitUntil(new Date(0))),
            Named.of("awaitUntil(MIN)", c -> c.awaitUntil(new Date(Long.MIN_VALUE))));

    private static final List<Named<TimedAwait>> NO_LIMIT = List.of(
            Named.of("awaitNanos(MAX)", c -> c.awaitNanos(Long.MAX_VALUE) > 0),
            Named.of("await(MAX, NANOSECONDS)",
                    c -> c.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS)),
            Named.of("await(MAX, DAYS)", c -> c.await(Long.MAX_VALUE, TimeUnit.DAYS)),
            Named.of("awaitUntil(MAX)", c -> c.awaitUntil(new Date(Long.MAX_VALUE))));

    // tryLock with a count of zero or less, in any unit, tries once: it fails on a held lock
    // and succeeds on a free one.
    @ParameterizedTest
    @MethodSource("locks")
    void tryLock_zeroOrNegativeInAnyUnit_triesOnce(Supplier<Lock> factory) throws Exception {
        Lock lock = factory.get();
        List<Long> counts = List.of(0L, -1L, Long.MIN_VALUE);
        List<TimeUnit> units = List.of(TimeUnit.NANOSECONDS, TimeUnit.DAYS);
        lock.lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            for (long count : counts) {
                for (TimeUnit unit : units) {
                    assertThat(other.submit(() -> lock.tryLock(count, unit)).get())
                            .as("held, %d %s", count, unit).isFalse();
                }
            }
        }
        lock.unlock();
        for (long count : counts) {
            for (TimeUnit unit : units) {
                assertThat(lock.tryLock(count, unit)).as("free, %d %s", count, unit).isTrue();
                lock.unlock();
            }
        }
    }

    // tryLock for Long.MAX_VALUE of the smallest and the largest unit does not overflow into
    // a deadline in the past: it waits, and takes the lock once it is freed.
    @ParameterizedTest
    @MethodSource("locks")
    void tryLock_maxCountInAnyUnit_waitsAndTakesTheFreedLock(Supplier<Lock> factory)
            throws Exception {
        Lock lock = factory.get();
        for (TimeUnit unit : List.of(TimeUnit.NANOSECONDS, TimeUnit.DAYS)) {
            CompletableFuture<Boolean> took = new CompletableFuture<>();
            Thread waiter;
            lock.lock();
            try {
                waiter = Thread.ofPlatform().start(() -> {
                    try {
                        boolean taken = lock.tryLock(Long.MAX_VALUE, unit);
                        if (taken) {
                            lock.unlock();
                        }
                        took.complete(taken);
                    } catch (InterruptedException e) {
                        took.completeExceptionally(e);
                    }
                });
                awaitParked(waiter);
                assertThat(took).as("gave up on the held lock, %s", unit).isNotDone();
            } finally {
                lock.unlock();
            }
            assertThat(took.get()).as("took the freed lock, %s", unit).isTrue();
            waiter.join();
        }
    }

    // Each timed await with nothing left to wait (zero, negative, a deadline in the past,
    // the smallest Date) reports a timeout at once and still holds the lock.
    @ParameterizedTest
    @MethodSource("locks")
    void timedAwaits_withNothingLeft_reportATimeoutAtOnceHoldingTheLock(Supplier<Lock> factory)
            throws Exception {
        Lock lock = factory.get();
        Condition condition = lock.newCondition();
        lock.lock();
        try {
            for (Named<TimedAwait> form : NOTHING_LEFT) {
                assertThat(form.getPayload().await(condition)).as(form.getName()).isFalse();
                assertThat(heldByCurrentThread(lock)).as("held after %s", form.getName())
                        .isTrue();
            }
        } finally {
            lock.unlock();
        }
    }

    // Each timed await without a representable limit (Long.MAX_VALUE of a unit, the largest
    // Date) waits until signalled and reports the signal.
    @ParameterizedTest
    @MethodSource("locks")
    void timedAwaits_withoutALimit_waitForTheSignal(Supplier<Lock> factory) throws Exception {
        Lock lock = factory.get();
        Condition condition = lock.newCondition();
        for (Named<TimedAwait> form : NO_LIMIT) {
            boolean[] open = new boolean[1];
            CompletableFuture<Boolean> signalled = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                lock.lock();
                try {
                    boolean result = true;
                    while (!open[0] && result) {
                        result = form.getPayload().await(condition);
                    }
                    signalled.complete(result);
                } catch (InterruptedException e) {
                    signalled.completeExceptionally(e);
                } finally {
                    lock.unlock();
                }
            });
            awaitParked(waiter);
            assertThat(signalled).as("returned unsignalled, %s", form.getName()).isNotDone();

            lock.lock();
            try {
                open[0] = true;
                condition.signal();
            } finally {
                lock.unlock();
            }
            assertThat(signalled.get()).as("reported the signal, %s", form.getName()).isTrue();
            waiter.join();
        }
    }

    // An interrupt before a timed tryLock or a timed await throws InterruptedException at
    // once, clears the status, and leaves the lock as it was: free, or held by the caller.
    @ParameterizedTest
    @MethodSource("locks")
    void timedForms_whenInterruptedBefore_throwAndLeaveTheLockAsItWas(Supplier<Lock> factory) {
        Lock lock = factory.get();
        Condition condition = lock.newCondition();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> lock.tryLock(1, TimeUnit.DAYS))
                .isInstanceOf(InterruptedException.class);
        assertThat(heldByCurrentThread(lock)).as("taken by the refused tryLock").isFalse();

        lock.lock();
        try {
            List<TimedAwait> forms = List.of(c -> c.awaitNanos(Long.MAX_VALUE) > 0,
                    c -> c.await(1, TimeUnit.DAYS),
                    c -> c.awaitUntil(new Date(Long.MAX_VALUE)));
            for (TimedAwait form : forms) {
                Thread.currentThread().interrupt();
                assertThatThrownBy(() -> form.await(condition))
                        .isInstanceOf(InterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).as("status").isFalse();
                assertThat(heldByCurrentThread(lock)).as("held after the throw").isTrue();
            }
        } finally {
            lock.unlock();
        }
        assertThat(heldByCurrentThread(lock)).isFalse();
    }

    private static boolean heldByCurrentThread(Lock lock) {
        return switch (lock) {
            case MutexLock mutexLock -> mutexLock.isHeldByCurrentThread();
            case ReentrantLock reentrantLock -> reentrantLock.isHeldByCurrentThread();
            default -> throw new IllegalStateException("unknown lock " + lock);
        };
    }
}
