package dev.atomicslocks.stress.locks;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.locks.RwLock;
import dev.atomicslocks.locks.steps.RwLock1;
import dev.atomicslocks.locks.steps.RwLock2;
import dev.atomicslocks.locks.steps.RwLock3;
import dev.atomicslocks.locks.steps.RwLockStep;
import dev.atomicslocks.oswait.AtomicWait;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Chapter 9: a thread that waits for a held reader-writer lock always gets it once the
 * holder lets go, whichever blocking method it waits in. The state is created with the lock
 * held; the waiter asks for it (and sleeps), and the signal releases it. A lost wake-up leaves
 * the waiter asleep, which jcstress reports as {@code STALE}.
 *
 * <p>The cases: a writer behind a reader (woken by the last reader out), a reader behind a
 * writer (woken by the write unlock), and, for {@code RwLock}, a writer behind a writer (woken
 * through the writers' wake counter); for {@code RwLock} with each of {@code read},
 * {@code readInterruptibly} and {@code tryRead(Duration)}, and the three write forms. The
 * book's steps release from any thread, so the signal closes their guard itself;
 * {@code RwLock}'s guards belong to the thread that locked, so a {@link Holder} thread takes
 * the lock and the signal tells it to let go. The waiter spins for a random time of up to
 * {@value #MAX_DELAY_NANOS} ns before it asks, which spreads the release over its whole path:
 * before it asks, while it spins, while it gets ready to sleep, and asleep.
 *
 * <p>The Java memory model: the wait on the state or on the writers' wake counter checks the
 * value and sleeps atomically with respect to the wake, and every release that may free the
 * lock for a sleeper changes the word the sleeper waits on before it wakes it, so
 * {@code STALE} is forbidden.
 *
 * <p>{@code CountAfterCheckMutant} is the book's second step with a writer that checks the
 * state before it reads the wake counter, the reverse of the book's order: a release between
 * the two bumps the counter before the writer reads it, and the writer sleeps on the new
 * count, which no later wake changes.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-04):
 * {@code TERMINATED} between 1,202 and 2,185 times in each of the fifteen correct variants
 * (for instance {@code Step3ReaderBehindWriter} 2,185, {@code WriteBehindReader} 1,453,
 * {@code TimedWriteBehindWriter} 1,500), never {@code STALE}; {@code CountAfterCheckMutant}
 * {@code STALE} 4 times in 5 samples (a run ends at its first {@code STALE}, since the stuck
 * thread cannot be recovered).
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_RwLockWakeTermination
 * }</pre>
 */
public final class Ch9_RwLockWakeTermination {

    /** The longest random spin before asking for the lock; about twice jcstress's polling. */
    static final long MAX_DELAY_NANOS = 2_000_000;
    /** The timed forms' timeout: far longer than any run, so only a lost wake-up shows. */
    static final Duration PATIENCE = Duration.ofDays(1);

    private Ch9_RwLockWakeTermination() {
    }

    /** Step 1: a writer waits while a reader holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step1WriterBehindReader {
        private final RwLockStep<int[]> lock = new RwLock1<>(new int[1]);
        private final RwLockStep.ReadGuard<int[]> held = lock.read();

        @Actor
        public void waiter() {
            randomDelay();
            lock.write().close();
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 1: a reader waits while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step1ReaderBehindWriter {
        private final RwLockStep<int[]> lock = new RwLock1<>(new int[1]);
        private final RwLockStep.WriteGuard<int[]> held = lock.write();

        @Actor
        public void waiter() {
            randomDelay();
            lock.read().close();
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 2: a writer waits while a reader holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step2WriterBehindReader {
        private final RwLockStep<int[]> lock = new RwLock2<>(new int[1]);
        private final RwLockStep.ReadGuard<int[]> held = lock.read();

        @Actor
        public void waiter() {
            randomDelay();
            lock.write().close();
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 2: a reader waits while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step2ReaderBehindWriter {
        private final RwLockStep<int[]> lock = new RwLock2<>(new int[1]);
        private final RwLockStep.WriteGuard<int[]> held = lock.write();

        @Actor
        public void waiter() {
            randomDelay();
            lock.read().close();
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 3: a writer waits while a reader holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step3WriterBehindReader {
        private final RwLockStep<int[]> lock = new RwLock3<>(new int[1]);
        private final RwLockStep.ReadGuard<int[]> held = lock.read();

        @Actor
        public void waiter() {
            randomDelay();
            lock.write().close();
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 3: a reader waits while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step3ReaderBehindWriter {
        private final RwLockStep<int[]> lock = new RwLock3<>(new int[1]);
        private final RwLockStep.WriteGuard<int[]> held = lock.write();

        @Actor
        public void waiter() {
            randomDelay();
            lock.read().close();
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** {@code RwLock}: {@code read} while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ReadBehindWriter {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, true);

        @Actor
        public void waiter() {
            randomDelay();
            lock.read().close();
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code readInterruptibly} while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ReadInterruptiblyBehindWriter {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, true);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                closeIfTaken(lock.readInterruptibly());
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code tryRead(Duration)} while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class TimedReadBehindWriter {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, true);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                closeIfTaken(lock.tryRead(PATIENCE));
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code write} while a reader holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class WriteBehindReader {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, false);

        @Actor
        public void waiter() {
            randomDelay();
            lock.write().close();
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code writeInterruptibly} while a reader holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class WriteInterruptiblyBehindReader {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, false);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                closeIfTaken(lock.writeInterruptibly());
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code tryWrite(Duration)} while a reader holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class TimedWriteBehindReader {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, false);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                closeIfTaken(lock.tryWrite(PATIENCE));
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code write} while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class WriteBehindWriter {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, true);

        @Actor
        public void waiter() {
            randomDelay();
            lock.write().close();
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code writeInterruptibly} while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class WriteInterruptiblyBehindWriter {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, true);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                closeIfTaken(lock.writeInterruptibly());
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code RwLock}: {@code tryWrite(Duration)} while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class TimedWriteBehindWriter {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);
        private final Holder held = new Holder(lock, true);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                closeIfTaken(lock.tryWrite(PATIENCE));
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** Broken: the writer checks the state before it reads the wake counter. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the wake-up was lost")
    @State
    public static class CountAfterCheckMutant {
        private final CountAfterCheckLock lock = new CountAfterCheckLock();

        @Actor
        public void waiter() {
            lock.write();
        }

        @Signal
        public void release() {
            lock.releaseRead();
        }
    }

    /**
     * The mutant's lock: the book's second step, created read-locked by one reader, whose
     * writer reads the wake counter only after it found the lock held.
     */
    static final class CountAfterCheckLock {
        private static final int WRITE_LOCKED = -1;
        private final AtomicU32 state = new AtomicU32(1);
        private final AtomicU32 writerWakeCounter = new AtomicU32(0);

        void write() {
            while (state.compareExchange(0, WRITE_LOCKED, ACQUIRE, RELAXED) != 0) {
                if (state.load(RELAXED) != 0) {
                    // The release that lands here bumps the counter before it is read.
                    randomDelay();
                    int w = writerWakeCounter.load(ACQUIRE);
                    AtomicWait.wait(writerWakeCounter, w);
                }
            }
        }

        void releaseRead() {
            if (state.fetchSub(1, RELEASE) == 1) {
                writerWakeCounter.fetchAdd(1, RELEASE);
                AtomicWait.wakeOne(writerWakeCounter);
            }
        }
    }

    /**
     * A thread that takes a read lock or the write lock of an {@link RwLock}, holds it until
     * {@link #release()}, then releases it and ends.
     */
    static final class Holder {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);

        Holder(RwLock<int[]> lock, boolean write) {
            Thread.ofPlatform().daemon().name("rwlock-holder").start(() -> {
                if (write) {
                    var guard = lock.write();
                    holdUntilLetGo();
                    guard.close();
                } else {
                    var guard = lock.read();
                    holdUntilLetGo();
                    guard.close();
                }
            });
            awaitUninterruptibly(held);
        }

        /** Tells the holder to let go; it does so on its own thread, at once. */
        void release() {
            letGo.countDown();
        }

        private void holdUntilLetGo() {
            held.countDown();
            awaitUninterruptibly(letGo);
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

    /** Releases a guard that a blocking form returned; it is never null here. */
    static void closeIfTaken(@Nullable AutoCloseable guard) {
        if (guard == null) {
            throw new AssertionError("a form that waits without a real limit gave up");
        }
        try {
            guard.close();
        } catch (Exception e) {
            throw new AssertionError("closing a guard failed", e);
        }
    }

    /** Spins for a random time of up to {@link #MAX_DELAY_NANOS}. */
    static void randomDelay() {
        long end = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
