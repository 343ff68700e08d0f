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
import java.util.concurrent.locks.ReadWriteLock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Chapter 9: a reader sees a writer's critical section whole or not at all. The writer,
 * holding the write lock, sets two plain fields to 1; the reader, holding a read lock, reads
 * them as one number ({@code 10 * first + second}); the arbiter reads them after both. Only
 * {@code 0, 11} (the reader went first) and {@code 11, 11} (it came after, and saw both
 * writes) are allowed: {@code 1} or {@code 10} would be half a write, seen because the two
 * sections overlapped or because the writes were not yet visible.
 *
 * <p>The Java memory model: the reader's ACQUIRE fetch-add or compare-exchange reads the
 * writer's RELEASE unlock, so everything the writer wrote happens before the reader's reads;
 * a reader that came first holds the lock until after its reads, and the writer's ACQUIRE
 * takes the lock only from the reader's RELEASE.
 *
 * <p>{@code UncheckedReaderMutant} is a reader-writer lock whose readers add themselves to
 * the count without looking for a writer, the fast path without its test: a reader walks in
 * while the writer writes.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-04), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code Step1}: {@code 0, 11} 19,982,514, {@code 11, 11} 42,554,379.
 *   <li>{@code Step2}: {@code 0, 11} 29,567,811, {@code 11, 11} 10,975,974.
 *   <li>{@code Step3}: {@code 0, 11} 54,370,965, {@code 11, 11} 4,664,174.
 *   <li>{@code Public}: {@code 0, 11} 27,596,995, {@code 11, 11} 57,261,740.
 *   <li>{@code View}: {@code 0, 11} 5,419,430, {@code 11, 11} 10,475,438.
 *   <li>{@code UncheckedReaderMutant}: {@code 1, 11} 28,329 and {@code 10, 11} 18,113
 *       (caught), {@code 0, 11} 93,908,486, {@code 11, 11} 42,454,426.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_RwLockWholeWrites
 * }</pre>
 */
public final class Ch9_RwLockWholeWrites {

    private Ch9_RwLockWholeWrites() {
    }

    /** Step 1. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw half a write")
    @State
    public static class Step1 {
        private final RwLockStep<int[]> lock = new RwLock1<>(new int[2]);

        @Actor
        public void writer() {
            writeBoth(lock);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = readBoth(lock);
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = readBoth(lock);
        }
    }

    /** Step 2. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw half a write")
    @State
    public static class Step2 {
        private final RwLockStep<int[]> lock = new RwLock2<>(new int[2]);

        @Actor
        public void writer() {
            writeBoth(lock);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = readBoth(lock);
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = readBoth(lock);
        }
    }

    /** Step 3. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw half a write")
    @State
    public static class Step3 {
        private final RwLockStep<int[]> lock = new RwLock3<>(new int[2]);

        @Actor
        public void writer() {
            writeBoth(lock);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = readBoth(lock);
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = readBoth(lock);
        }
    }

    /** The public RwLock. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw half a write")
    @State
    public static class Public {
        private final RwLock<int[]> lock = new RwLock<>(new int[2]);

        @Actor
        public void writer() {
            try (var guard = lock.write()) {
                guard.get()[0] = 1;
                guard.get()[1] = 1;
            }
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = read();
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = read();
        }

        private int read() {
            try (var guard = lock.read()) {
                return guard.get()[0] * 10 + guard.get()[1];
            }
        }
    }

    /** The ReadWriteLock view. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw half a write")
    @State
    public static class View {
        private final ReadWriteLock lock = new RawRwLock();
        /** Guarded by {@link #lock}. */
        private int first;
        /** Guarded by {@link #lock}. */
        private int second;

        @Actor
        public void writer() {
            lock.writeLock().lock();
            try {
                first = 1;
                second = 1;
            } finally {
                lock.writeLock().unlock();
            }
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = read();
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = read();
        }

        private int read() {
            lock.readLock().lock();
            try {
                return first * 10 + second;
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** Broken: readers join without looking for a writer. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "mutant caught: the reader saw half a write")
    @State
    public static class UncheckedReaderMutant {
        private final UncheckedReaderLock lock = new UncheckedReaderLock();
        /** Guarded by {@link #lock}, or meant to be. */
        private int first;
        /** Guarded by {@link #lock}, or meant to be. */
        private int second;

        @Actor
        public void writer() {
            lock.lockWrite();
            first = 1;
            second = 1;
            lock.unlockWrite();
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = read();
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = read();
        }

        private int read() {
            lock.lockRead();
            int seen = first * 10 + second;
            lock.unlockRead();
            return seen;
        }
    }

    /**
     * The mutant's lock: a writer waits for the count to be 0 and marks the state, but a
     * reader adds itself whatever the state says.
     */
    static final class UncheckedReaderLock {
        private static final int WRITE_LOCKED = 1;
        private static final int READER = 2;
        private final AtomicU32 state = new AtomicU32(0);

        void lockRead() {
            state.fetchAdd(READER, ACQUIRE);
        }

        void unlockRead() {
            state.fetchSub(READER, RELEASE);
        }

        void lockWrite() {
            while (state.compareExchange(0, WRITE_LOCKED, ACQUIRE, RELAXED) != 0) {
                Thread.onSpinWait();
            }
        }

        void unlockWrite() {
            state.fetchSub(WRITE_LOCKED, RELEASE);
        }
    }

    /** A step's write critical section: both fields to 1. */
    static void writeBoth(RwLockStep<int[]> lock) {
        try (var guard = lock.write()) {
            guard.get()[0] = 1;
            guard.get()[1] = 1;
        }
    }

    /** A step's read critical section: both fields as one number. */
    static int readBoth(RwLockStep<int[]> lock) {
        try (var guard = lock.read()) {
            return guard.get()[0] * 10 + guard.get()[1];
        }
    }
}
