package dev.atomicslocks.stress.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.locks.RwLock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 9: every pair of {@link RwLock}'s acquiring methods against each other, as
 * jcstress's own lock suites do it: {@code read}, {@code tryRead}, {@code tryRead(Duration)}
 * (here {@code timedRead}) and {@code readInterruptibly}, and the four write forms likewise.
 * Each actor takes the lock with its method, does its critical section and records what it
 * saw; the arbiter records the count if the lock was left free, or {@code -1}.
 *
 * <ul>
 *   <li>Writer against writer ({@code r1}, {@code r2}: the count each writer found, or
 *       {@code -1} if its attempt gave up): the writes are ordered and none is lost, so the
 *       count ends at the number of writers that got in.
 *   <li>Reader against writer ({@code r1}: what the reader saw of the two counters the writer
 *       increments, {@code 0} or {@code 11}; {@code r2}: the writer's count): the reader sees
 *       all of the write or none of it, never {@code 1} or {@code 10}.
 *   <li>Reader against reader ({@code r1}, {@code r2}: {@code 1} if the reader got in): with no
 *       writer about, no form of reading ever gives up.
 * </ul>
 *
 * <p>The Java memory model: the ACQUIRE fetch-add or compare-exchange that takes a lock reads
 * the RELEASE fetch-sub that freed it, which orders the critical sections. A try form may
 * give up only when the other side holds the lock, or for a reader, wants it; a timed form
 * ({@value #TIMEOUT_MILLIS} ms) only if the other side held it that long, which a quick run
 * never saw.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-04):
 * every one of the 36 variants saw only its allowed outcomes, between 53 and 180 million
 * samples each. The try forms gave up beside a holder between 0.7 and 4.5 million times per
 * variant ({@code TryWriteVsTryWrite}: {@code -1, 0, 1} 4,471,409, {@code 0, -1, 1} 4,317,076,
 * {@code 0, 1, 2} 50,840,544, {@code 1, 0, 2} 36,632,408); the timed forms never ran out.
 * {@code WriteVsWrite}: {@code 0, 1, 2} 60,468,490, {@code 1, 0, 2} 62,004,224.
 * {@code ReadVsWrite}: {@code 0, 0, 1} 32,675,760, {@code 11, 0, 1} 68,922,604.
 * {@code TryReadVsTryWrite}: {@code -1, 0, 1} 1,335,244, {@code 0, -1, 0} 1,667,302,
 * {@code 0, 0, 1} 40,399,352, {@code 11, 0, 1} 27,876,073. {@code ReadVsRead}:
 * {@code 1, 1, 0} 87,386,212.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_RwLockAcquirePairs
 * }</pre>
 */
public final class Ch9_RwLockAcquirePairs {

    /** How long a timed form waits before it gives up. */
    static final long TIMEOUT_MILLIS = 1_000;
    private static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);

    private Ch9_RwLockAcquirePairs() {
    }

    /** The lock and the two counters it guards, and the arbiter's check. */
    public abstract static class Base {
        final RwLock<int[]> lock;

        /** A fresh lock. */
        protected Base() {
            this(false);
        }

        /** A fresh lock, whose readers count themselves in cells if {@code cells}. */
        protected Base(boolean cells) {
            RwLock<int[]> fresh = new RwLock<>(new int[2]);
            this.lock = cells ? Ch9_RwLockReaderCells.withReaderCells(fresh) : fresh;
        }

        /** The first counter if the lock is free, or -1 if something still holds it. */
        public int countIfFree() {
            try (var guard = lock.tryWrite()) {
                return guard == null ? -1 : guard.get()[0];
            }
        }

        /** A write critical section: both counters up by one; returns the first's old value. */
        static int increment(RwLock.@Nullable WriteGuard<int[]> guard) {
            if (guard == null) {
                return -1;
            }
            try (guard) {
                int[] counters = guard.get();
                counters[1]++;
                return counters[0]++;
            }
        }

        /** A read critical section: the two counters as one number, 0 or 11 when whole. */
        static int observe(RwLock.@Nullable ReadGuard<int[]> guard) {
            if (guard == null) {
                return -1;
            }
            try (guard) {
                int[] counters = guard.get();
                return counters[0] * 10 + counters[1];
            }
        }

        public int write() {
            return increment(lock.write());
        }

        public int tryWrite() {
            return increment(lock.tryWrite());
        }

        public int timedWrite() {
            try {
                return increment(lock.tryWrite(TIMEOUT));
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        public int writeInterruptibly() {
            try {
                return increment(lock.writeInterruptibly());
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }
    }

    /** Two writers. */
    public abstract static class Writers extends Base {
    }

    /** A reader, which reports what it saw, and a writer. */
    public abstract static class ReaderAndWriter extends Base {
        /** A fresh lock. */
        protected ReaderAndWriter() {
        }

        /** A fresh lock, whose readers count themselves in cells if {@code cells}. */
        protected ReaderAndWriter(boolean cells) {
            super(cells);
        }

        public int read() {
            return observe(lock.read());
        }

        public int tryRead() {
            return observe(lock.tryRead());
        }

        public int timedRead() {
            try {
                return observe(lock.tryRead(TIMEOUT));
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        public int readInterruptibly() {
            try {
                return observe(lock.readInterruptibly());
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }
    }

    /** Two readers, which report whether they got in. */
    public abstract static class Readers extends ReaderAndWriter {
        @Override
        public int read() {
            return super.read() == -1 ? 0 : 1;
        }

        @Override
        public int tryRead() {
            return super.tryRead() == -1 ? 0 : 1;
        }

        @Override
        public int timedRead() {
            return super.timedRead() == -1 ? 0 : 1;
        }

        @Override
        public int readInterruptibly() {
            return super.readInterruptibly() == -1 ? 0 : 1;
        }
    }

    /** {@code write} against {@code write}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class WriteVsWrite extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = write();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = write();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code write} against {@code tryWrite}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE,
            desc = "the first wrote and the second gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class WriteVsTryWrite extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = write();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code write} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE,
            desc = "the first wrote and the second gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class WriteVsTimedWrite extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = write();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code write} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class WriteVsWriteInterruptibly extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = write();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryWrite} against {@code tryWrite}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the second wrote and the first gave up beside it")
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE,
            desc = "the first wrote and the second gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class TryWriteVsTryWrite extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryWrite();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryWrite} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the second wrote and the first gave up beside it")
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE,
            desc = "the first wrote and the second gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class TryWriteVsTimedWrite extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryWrite();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryWrite} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the second wrote and the first gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class TryWriteVsWriteInterruptibly extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryWrite();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedWrite} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the second wrote and the first gave up beside it")
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE,
            desc = "the first wrote and the second gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class TimedWriteVsTimedWrite extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedWrite();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedWrite} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the second wrote and the first gave up beside it")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class TimedWriteVsWriteInterruptibly extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedWrite();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code writeInterruptibly} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "both wrote, one after the other")
    @Outcome(expect = FORBIDDEN,
            desc = "the writers overlapped, a write was lost, or the lock was left held")
    @State
    public static class WriteInterruptiblyVsWriteInterruptibly extends Writers {
        @Actor
        public void first(III_Result r) {
            r.r1 = writeInterruptibly();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code write}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadVsWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = write();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code tryWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadVsTryWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadVsTimedWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadVsWriteInterruptibly extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code write}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TryReadVsWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = write();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code tryWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TryReadVsTryWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TryReadVsTimedWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TryReadVsWriteInterruptibly extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedRead} against {@code write}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TimedReadVsWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = write();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedRead} against {@code tryWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TimedReadVsTryWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedRead} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TimedReadVsTimedWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedRead} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE,
            desc = "the reader gave up while the writer held or wanted the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class TimedReadVsWriteInterruptibly extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code readInterruptibly} against {@code write}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadInterruptiblyVsWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = readInterruptibly();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = write();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code readInterruptibly} against {@code tryWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadInterruptiblyVsTryWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = readInterruptibly();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code readInterruptibly} against {@code timedWrite}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(id = "0, -1, 0", expect = ACCEPTABLE,
            desc = "the writer gave up while the reader held the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadInterruptiblyVsTimedWrite extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = readInterruptibly();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedWrite();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code readInterruptibly} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadInterruptiblyVsWriteInterruptibly extends ReaderAndWriter {
        @Actor
        public void first(III_Result r) {
            r.r1 = readInterruptibly();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code read}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class ReadVsRead extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = read();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code tryRead}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class ReadVsTryRead extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryRead();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code timedRead}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class ReadVsTimedRead extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedRead();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code read} against {@code readInterruptibly}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class ReadVsReadInterruptibly extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = read();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = readInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code tryRead}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class TryReadVsTryRead extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = tryRead();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code timedRead}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class TryReadVsTimedRead extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedRead();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code tryRead} against {@code readInterruptibly}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class TryReadVsReadInterruptibly extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = tryRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = readInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedRead} against {@code timedRead}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class TimedReadVsTimedRead extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = timedRead();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code timedRead} against {@code readInterruptibly}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class TimedReadVsReadInterruptibly extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = timedRead();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = readInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }

    /** {@code readInterruptibly} against {@code readInterruptibly}. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE,
            desc = "both readers got the lock")
    @Outcome(expect = FORBIDDEN,
            desc = "a reader was refused beside another reader, or the lock was left held")
    @State
    public static class ReadInterruptiblyVsReadInterruptibly extends Readers {
        @Actor
        public void first(III_Result r) {
            r.r1 = readInterruptibly();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = readInterruptibly();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = countIfFree();
        }
    }
}
