package dev.atomicslocks.locks;

import static dev.atomicslocks.locks.Sleepers.awaitParked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every reader-writer lock with try, timed and interruptible forms does, as
 * ReentrantReadWriteLock does it: the try forms fail on a conflicting holder, the timed forms
 * give up without overflowing, the interruptible forms throw, and a writer that gives up
 * leaves no reader shut out. Interrupts and exceptions are checked on every lock.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class RwLockTimedConformanceTest {

    /** How long a timed attempt that must fail waits; any positive value would do. */
    private static final Duration SHORT = Duration.ofMillis(20);
    private static final List<Duration> ZERO_OR_NEGATIVE = List.of(Duration.ZERO,
            Duration.ofNanos(-1), Duration.ofSeconds(Long.MIN_VALUE));
    private static final List<Duration> HUGE = List.of(Duration.ofNanos(Long.MAX_VALUE),
            Duration.ofSeconds(Long.MAX_VALUE));
    /** Which lock the other thread holds in {@link #whileHeld}. */
    static final boolean READ = true;
    static final boolean WRITE = false;

    static Stream<Named<Supplier<RwLockSubject.Timed>>> timedLocks() {
        return RwLockSubject.timed();
    }

    static Stream<Named<Supplier<RwLockSubject>>> allLocks() {
        return RwLockSubject.all();
    }

    /** A waiting form of a lock under test, for tests that run each in turn. */
    private interface Attempt {
        boolean run(RwLockSubject.Timed lock) throws InterruptedException;
    }

    // tryRead fails while a writer holds the lock and succeeds beside another reader.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void tryRead_failsBesideAWriterAndSucceedsBesideAReader(Supplier<RwLockSubject.Timed> factory)
            throws Exception {
        RwLockSubject.Timed lock = factory.get();

        whileHeld(lock, WRITE, () -> {
            assertThat(lock.tryRead()).as("beside a writer").isFalse();
        });
        whileHeld(lock, READ, () -> {
            assertThat(lock.tryRead()).as("beside a reader").isTrue();
        });
        assertThat(lock.tryWrite()).as("free again").isTrue();
    }

    // tryWrite fails while a reader or another writer holds the lock.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void tryWrite_failsBesideAReaderOrAWriter(Supplier<RwLockSubject.Timed> factory)
            throws Exception {
        RwLockSubject.Timed lock = factory.get();

        whileHeld(lock, READ, () -> {
            assertThat(lock.tryWrite()).as("beside a reader").isFalse();
        });
        whileHeld(lock, WRITE, () -> {
            assertThat(lock.tryWrite()).as("beside a writer").isFalse();
        });
        assertThat(lock.tryWrite()).as("free again").isTrue();
    }

    // Zero and negative timeouts try once: they fail on a conflicting holder and succeed on
    // a free lock.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void timedForms_zeroOrNegative_tryOnce(Supplier<RwLockSubject.Timed> factory)
            throws Exception {
        RwLockSubject.Timed lock = factory.get();

        whileHeld(lock, WRITE, () -> {
            for (Duration timeout : ZERO_OR_NEGATIVE) {
                assertThat(lock.tryRead(timeout)).as("read, %s", timeout).isFalse();
                assertThat(lock.tryWrite(timeout)).as("write, %s", timeout).isFalse();
            }
        });
        for (Duration timeout : ZERO_OR_NEGATIVE) {
            assertThat(lock.tryRead(timeout)).as("free, read, %s", timeout).isTrue();
            assertThat(lock.tryWrite(timeout)).as("free, write, %s", timeout).isTrue();
        }
    }

    // A timed attempt that runs out returns false and leaves the lock as it was; a writer
    // that gave up no longer keeps new readers out.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void timedForms_whenTheyRunOut_returnFalseAndLeaveTheLockUsable(
            Supplier<RwLockSubject.Timed> factory) throws Exception {
        RwLockSubject.Timed lock = factory.get();

        whileHeld(lock, WRITE, () -> {
            assertThat(lock.tryRead(SHORT)).as("read beside a writer").isFalse();
            assertThat(lock.tryWrite(SHORT)).as("write beside a writer").isFalse();
        });
        whileHeld(lock, READ, () -> {
            assertThat(lock.tryWrite(SHORT)).as("write beside a reader").isFalse();
            assertThat(lock.tryRead()).as("a new reader after the writer left").isTrue();
        });
        assertThat(lock.tryWrite()).as("free again").isTrue();
    }

    // The longest timeouts neither overflow nor fail: the wait ends when the holder leaves.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void timedForms_huge_doNotOverflowAndTakeTheFreedLock(Supplier<RwLockSubject.Timed> factory)
            throws Exception {
        RwLockSubject.Timed lock = factory.get();
        for (Duration timeout : HUGE) {
            assertThat(whileHeldThenReleased(lock, WRITE,
                    l -> l.tryRead(timeout))).as("read, %s", timeout).isTrue();
            assertThat(whileHeldThenReleased(lock, READ,
                    l -> l.tryWrite(timeout))).as("write, %s", timeout).isTrue();
        }
    }

    // An interrupt before an interruptible or timed form throws at once, clears the status
    // and takes no lock.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void interruptibleForms_whenAlreadyInterrupted_throwWithoutLocking(
            Supplier<RwLockSubject.Timed> factory) {
        RwLockSubject.Timed lock = factory.get();
        List<Attempt> attempts = List.of(
                l -> {
                    l.readInterruptibly();
                    return true;
                },
                l -> l.tryRead(Duration.ofSeconds(1)),
                l -> {
                    l.writeInterruptibly();
                    return true;
                },
                l -> l.tryWrite(Duration.ofSeconds(1)));

        for (Attempt attempt : attempts) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> attempt.run(lock)).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("status after the throw")
                    .isFalse();
        }
        assertThat(lock.tryWrite()).as("no lock left held").isTrue();
    }

    // An interrupt while waiting in any interruptible or timed form throws, clears the status,
    // takes no lock, and (for a writer) lets new readers in again.
    @ParameterizedTest
    @MethodSource("timedLocks")
    void interruptibleForms_whenInterruptedWhileWaiting_throwAndLeaveTheLockUsable(
            Supplier<RwLockSubject.Timed> factory) throws Exception {
        RwLockSubject.Timed lock = factory.get();

        assertInterruptedWhileWaiting(lock, WRITE, l -> {
            l.readInterruptibly();
            return true;
        });
        assertInterruptedWhileWaiting(lock, WRITE, l -> l.tryRead(Duration.ofDays(1)));
        assertInterruptedWhileWaiting(lock, READ, l -> {
            l.writeInterruptibly();
            return true;
        });
        assertInterruptedWhileWaiting(lock, READ, l -> l.tryWrite(Duration.ofDays(1)));
        assertThat(lock.tryWrite()).as("free at the end").isTrue();
    }

    private static void assertInterruptedWhileWaiting(RwLockSubject.Timed lock, boolean held,
            Attempt attempt) throws Exception {
        CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
        whileHeld(lock, held, () -> {
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    boolean taken = attempt.run(lock);
                    statusAfterThrow.completeExceptionally(
                            new AssertionError("returned " + taken + " instead of throwing"));
                } catch (InterruptedException e) {
                    statusAfterThrow.complete(Thread.currentThread().isInterrupted());
                }
            });
            awaitParked(waiter);

            waiter.interrupt();

            assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
            waiter.join();
            if (held == READ) {
                assertThat(lock.tryRead()).as("a new reader beside the holder").isTrue();
            }
        });
    }

    // An interrupt neither ends the uninterruptible read or write wait nor makes it spin; the
    // thread gets the lock once it is freed, with its interrupt status still set.
    @ParameterizedTest
    @MethodSource("allLocks")
    void uninterruptibleForms_whenInterruptedWhileWaiting_keepWaitingAndKeepTheStatus(
            Supplier<RwLockSubject> factory) throws Exception {
        RwLockSubject lock = factory.get();
        assertKeepsWaitingThroughAnInterrupt(lock, WRITE, RwLockSubject::read);
        assertKeepsWaitingThroughAnInterrupt(lock, READ, RwLockSubject::write);
    }

    private interface Blocking {
        void run(RwLockSubject lock);
    }

    private static void assertKeepsWaitingThroughAnInterrupt(RwLockSubject lock, boolean held,
            Blocking form) throws Exception {
        CompletableFuture<Boolean> statusWhenLocked = new CompletableFuture<>();
        Thread[] waiter = new Thread[1];
        whileHeld(lock, held, () -> {
            waiter[0] = Thread.ofPlatform().start(() -> {
                form.run(lock);
                statusWhenLocked.complete(Thread.currentThread().isInterrupted());
            });
            awaitParked(waiter[0]);

            Sleepers.interruptAndAssertItSleepsOn(waiter[0]);
        });
        assertThat(statusWhenLocked.get()).as("interrupt status once locked").isTrue();
        waiter[0].join();
    }

    // An interrupt before the uninterruptible read or write neither stops it nor makes it
    // spin: it takes a free lock at once, sleeps while the lock is held, and returns holding
    // the lock with the interrupt status still set.
    @ParameterizedTest
    @MethodSource("allLocks")
    void uninterruptibleForms_whenAlreadyInterrupted_lockAndKeepTheStatus(
            Supplier<RwLockSubject> factory) throws Exception {
        RwLockSubject lock = factory.get();
        for (Blocking form : List.<Blocking>of(RwLockSubject::read, RwLockSubject::write)) {
            Thread.currentThread().interrupt();
            form.run(lock);
            assertThat(Thread.interrupted()).as("status after taking the free lock").isTrue();
        }
        assertSleepsDespiteAnEarlierInterrupt(lock, WRITE, RwLockSubject::read);
        assertSleepsDespiteAnEarlierInterrupt(lock, READ, RwLockSubject::write);
    }

    private static void assertSleepsDespiteAnEarlierInterrupt(RwLockSubject lock, boolean held,
            Blocking form) throws Exception {
        CompletableFuture<Boolean> statusWhenLocked = new CompletableFuture<>();
        Thread[] waiter = new Thread[1];
        whileHeld(lock, held, () -> {
            waiter[0] = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt();
                form.run(lock);
                statusWhenLocked.complete(Thread.currentThread().isInterrupted());
            });
            awaitParked(waiter[0]);
            Sleepers.assertStaysAsleep(waiter[0], "while the lock is held");
            assertThat(statusWhenLocked).as("still waiting for the holder").isNotDone();
        });
        assertThat(statusWhenLocked.get()).as("interrupt status once locked").isTrue();
        waiter[0].join();
    }

    // An exception thrown inside a read or a write critical section still releases the lock.
    @ParameterizedTest
    @MethodSource("allLocks")
    void exceptionInCriticalSection_releasesTheLock(Supplier<RwLockSubject> factory)
            throws Exception {
        RwLockSubject lock = factory.get();
        Runnable failing = () -> {
            throw new IllegalArgumentException("inside");
        };

        assertThatThrownBy(() -> lock.read(failing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lock.write(failing)).isInstanceOf(IllegalArgumentException.class);

        // A writer on another thread gets in, so neither lock was left held.
        CompletableFuture<Boolean> written = new CompletableFuture<>();
        Thread writer = Thread.ofPlatform().start(() -> lock.write(() -> written.complete(true)));
        assertThat(written.get()).as("another thread wrote afterwards").isTrue();
        writer.join();
    }

    /**
     * Holds a lock on another thread, starts the attempt on a third, and releases the lock
     * once the attempt waits; returns what the attempt returned.
     */
    private static boolean whileHeldThenReleased(RwLockSubject.Timed lock, boolean held,
            Attempt attempt) throws Exception {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread[] waiter = new Thread[1];
        whileHeld(lock, held, () -> {
            waiter[0] = Thread.ofPlatform().start(() -> {
                try {
                    result.complete(attempt.run(lock));
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                }
            });
            awaitParked(waiter[0]);
        });
        boolean taken = result.get();
        waiter[0].join();
        return taken;
    }

    /** What a test body does while another thread holds the lock. */
    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} while another thread holds a read lock ({@link #READ}) or the write
     * lock ({@link #WRITE}); that thread then releases it and ends before this returns. The
     * locks under test must be released by the thread that took them.
     */
    static void whileHeld(RwLockSubject lock, boolean held, Body body) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = () -> {
            holding.countDown();
            awaitUninterruptibly(release);
        };
        Thread holder = Thread.ofPlatform().name(held == READ ? "read-holder" : "write-holder")
                .start(() -> {
                    if (held == READ) {
                        lock.read(hold);
                    } else {
                        lock.write(hold);
                    }
                });
        holding.await();
        try {
            body.run();
        } finally {
            release.countDown();
            holder.join();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
