package dev.atomicslocks.stress.locks;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.locks.RawRwLock;
import dev.atomicslocks.locks.RwLock;
import dev.atomicslocks.locks.steps.RwLock1;
import dev.atomicslocks.locks.steps.RwLock2;
import dev.atomicslocks.locks.steps.RwLock3;
import dev.atomicslocks.locks.steps.RwLockStep;
import java.util.concurrent.locks.Lock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 9: each reader-writer lock keeps two writers apart. Each writer, holding the write
 * lock, reads a counter and writes it back plus one, and records what it read; the arbiter
 * records the final count. Only {@code 0, 1, 2} and {@code 1, 0, 2} are allowed: the second
 * writer saw the first one's write, and no update was lost.
 *
 * <p>The Java memory model: the ACQUIRE compare-exchange that takes the write lock reads the
 * RELEASE store (the steps) or fetch-sub ({@code RwLock}) that freed it, which orders the two
 * critical sections; a writer that slept is woken only after that release.
 *
 * <p>{@code CheckThenSetMutant} is a write lock that loads the state, finds it free and then
 * stores "write-locked" in a separate step: both writers can find it free and both get in.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-04), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code Step1}: {@code 0, 1, 2} 24,520,574, {@code 1, 0, 2} 20,800,184.
 *   <li>{@code Step2}: {@code 0, 1, 2} 16,433,596, {@code 1, 0, 2} 16,293,987.
 *   <li>{@code Step3}: {@code 0, 1, 2} 13,641,043, {@code 1, 0, 2} 14,896,130.
 *   <li>{@code Public}: {@code 0, 1, 2} 35,903,822, {@code 1, 0, 2} 40,121,418.
 *   <li>{@code View}: {@code 0, 1, 2} 6,785,876, {@code 1, 0, 2} 4,893,799.
 *   <li>{@code CheckThenSetMutant}: {@code 0, 0, 1} 37,742,870 (caught), {@code 0, 1, 2}
 *       86,009,332, {@code 1, 0, 2} 81,487,762.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_RwLockExclusion
 * }</pre>
 */
public final class Ch9_RwLockExclusion {

    private Ch9_RwLockExclusion() {
    }

    /** Step 1: readers counted, a writer marked with u32::MAX. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one writer ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the writers overlapped or a write was lost")
    @State
    public static class Step1 {
        private final RwLockStep<int[]> lock = new RwLock1<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment(lock);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment(lock);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(lock);
        }
    }

    /** Step 2: writers sleep on a wake counter of their own. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one writer ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the writers overlapped or a write was lost")
    @State
    public static class Step2 {
        private final RwLockStep<int[]> lock = new RwLock2<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment(lock);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment(lock);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(lock);
        }
    }

    /** Step 3: a waiting writer makes the state odd. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one writer ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the writers overlapped or a write was lost")
    @State
    public static class Step3 {
        private final RwLockStep<int[]> lock = new RwLock3<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment(lock);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment(lock);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(lock);
        }
    }

    /** The public RwLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one writer ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the writers overlapped or a write was lost")
    @State
    public static class Public {
        private final RwLock<int[]> lock = new RwLock<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            try (var guard = lock.read()) {
                r.r3 = guard.get()[0];
            }
        }

        private int increment() {
            try (var guard = lock.write()) {
                return guard.get()[0]++;
            }
        }
    }

    /** The ReadWriteLock view. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one writer ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the writers overlapped or a write was lost")
    @State
    public static class View {
        private final Lock writeLock = new RawRwLock().writeLock();
        /** Guarded by {@link #writeLock}. */
        private int counter;

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = increment();
        }

        private int increment() {
            writeLock.lock();
            try {
                return counter++;
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Broken: a write lock that checks the state and sets it in two separate steps. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one writer ran after the other and saw its write")
    @Outcome(expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: both writers were inside at once")
    @State
    public static class CheckThenSetMutant {
        private final CheckThenSetWriteLock lock = new CheckThenSetWriteLock();
        /** Guarded by {@link #lock}, or meant to be. */
        private int counter;

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = counter;
        }

        private int increment() {
            lock.lock();
            try {
                return counter++;
            } finally {
                lock.unlock();
            }
        }
    }

    /** The mutant's write lock: the free check and the marking are not one atomic step. */
    static final class CheckThenSetWriteLock {
        private static final int WRITE_LOCKED = -1;
        private final AtomicU32 state = new AtomicU32(0);

        void lock() {
            while (state.load(ACQUIRE) != 0) {
                Thread.onSpinWait();
            }
            state.store(WRITE_LOCKED, RELAXED);
        }

        void unlock() {
            state.store(0, RELEASE);
        }
    }

    /** One critical section of a step: reads the counter, writes it back plus one. */
    static int increment(RwLockStep<int[]> lock) {
        try (var guard = lock.write()) {
            return guard.get()[0]++;
        }
    }

    /** The counter, read under a read lock. */
    static int count(RwLockStep<int[]> lock) {
        try (var guard = lock.read()) {
            return guard.get()[0];
        }
    }
}
