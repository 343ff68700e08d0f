package dev.atomicslocks.stress.locks;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static dev.atomicslocks.basics.Ordering.SEQ_CST;
import static dev.atomicslocks.stress.locks.Ch9_RwLockWakeTermination.closeIfTaken;
import static dev.atomicslocks.stress.locks.Ch9_RwLockWakeTermination.randomDelay;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.locks.RwLock;
import dev.atomicslocks.stress.locks.Ch9_RwLockWakeTermination.Holder;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Chapter 9, beyond the book: {@link RwLock} once its readers count themselves in cells (after
 * two read locks were held at the same time, which {@link #withReaderCells} arranges before
 * each sample). A reader adds itself to its cell and then checks the state word; a writer
 * takes the state word and then waits for the cells to empty.
 *
 * <ul>
 *   <li>{@code WholeWrite}: a reader beside a writer sees all of its write or none of it.
 *   <li>{@code ReadVsWrite}, {@code TryReadVsTryWrite}, {@code TimedReadVsTimedWrite},
 *       {@code ReadInterruptiblyVsWriteInterruptibly}: pairs of acquiring methods, recorded as
 *       in {@link Ch9_RwLockAcquirePairs}.
 *   <li>{@code WriteBehindCellReader}, {@code WriteInterruptiblyBehindCellReader},
 *       {@code TimedWriteBehindCellReader}: termination with {@code STALE} forbidden, a writer
 *       waiting for a reader in a cell, woken by that reader's way out;
 *       {@code ReadBehindWriter}: a reader that backed out of its cell, woken by the write
 *       unlock.
 *   <li>{@code CheckThenCountMutant}: a cell lock whose reader checks the writer's flag before
 *       it counts itself, so a writer can check the cell in between and write while the
 *       reader reads: half a write is seen.
 * </ul>
 *
 * <p>The Java memory model: the reader's increment of its cell and its load of the state are
 * volatile, as are the writer's taking of the state word and its loads of the cells; in the
 * single order of volatile accesses either the writer's load comes after the increment and
 * sees the reader, or the reader's load comes after the taking and sees the writer. The
 * reader's way out is a volatile decrement, which the writer's load of the cell reads.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-04), in one run of all five {@code Ch9_RwLock} classes (74 tests,
 * 35 minutes): every correct variant here saw only its allowed outcomes, never
 * {@code STALE}. Before {@code tryWrite} marked its check of the cells with WRITER_TRYING,
 * {@code TryReadVsTryWrite} saw both attempts fail ({@code -1, -1, 0}). {@code MutantCheck}
 * caught {@code CheckThenCountMutant} 4,859 times in 243,806,474 samples.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_RwLockReaderCells
 * }</pre>
 */
public final class Ch9_RwLockReaderCells {

    private Ch9_RwLockReaderCells() {
    }

    /** Holds two read locks of {@code lock} at once, so that later readers use cells. */
    static <T> RwLock<T> withReaderCells(RwLock<T> lock) {
        var first = lock.read();
        var second = lock.read();
        int counted = lock.readerCount();
        second.close();
        first.close();
        if (counted != 2) {
            throw new AssertionError("two read locks, counted " + counted);
        }
        return lock;
    }

    /** A reader in a cell beside a writer: {@code r1} what it saw, {@code r2} afterwards. */
    @JCStressTest
    @Outcome(id = "0, 11", expect = ACCEPTABLE, desc = "the reader went first")
    @Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "the reader saw the whole write")
    @Outcome(expect = FORBIDDEN, desc = "the reader saw half a write")
    @State
    public static class WholeWrite {
        private final RwLock<int[]> lock = withReaderCells(new RwLock<>(new int[2]));

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

    /** {@code read} against {@code write}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadVsWrite extends Ch9_RwLockAcquirePairs.ReaderAndWriter {
        /** A lock with reader cells. */
        public ReadVsWrite() {
            super(true);
        }

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
    public static class TryReadVsTryWrite extends Ch9_RwLockAcquirePairs.ReaderAndWriter {
        /** A lock with reader cells. */
        public TryReadVsTryWrite() {
            super(true);
        }

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

    /** {@code tryRead(Duration)} against {@code tryWrite(Duration)}. */
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
    public static class TimedReadVsTimedWrite extends Ch9_RwLockAcquirePairs.ReaderAndWriter {
        /** A lock with reader cells. */
        public TimedReadVsTimedWrite() {
            super(true);
        }

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

    /** {@code readInterruptibly} against {@code writeInterruptibly}. */
    @JCStressTest
    @Outcome(id = "0, 0, 1", expect = ACCEPTABLE,
            desc = "the reader went first and saw nothing written")
    @Outcome(id = "11, 0, 1", expect = ACCEPTABLE,
            desc = "the reader came after the writer and saw both writes")
    @Outcome(expect = FORBIDDEN,
            desc = "the reader saw half a write, both gave up, or the lock was left held")
    @State
    public static class ReadInterruptiblyVsWriteInterruptibly
            extends Ch9_RwLockAcquirePairs.ReaderAndWriter {
        /** A lock with reader cells. */
        public ReadInterruptiblyVsWriteInterruptibly() {
            super(true);
        }

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

    /** {@code write} while a reader holds the lock through its cell. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class WriteBehindCellReader {
        private final RwLock<int[]> lock = withReaderCells(new RwLock<>(new int[1]));
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

    /** {@code writeInterruptibly} while a reader holds the lock through its cell. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class WriteInterruptiblyBehindCellReader {
        private final RwLock<int[]> lock = withReaderCells(new RwLock<>(new int[1]));
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

    /** {@code tryWrite(Duration)} while a reader holds the lock through its cell. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class TimedWriteBehindCellReader {
        private final RwLock<int[]> lock = withReaderCells(new RwLock<>(new int[1]));
        private final Holder held = new Holder(lock, false);

        @Actor
        public void waiter() {
            randomDelay();
            try {
                // Far beyond a sample's life: only a lost wake-up would let it run out.
                closeIfTaken(lock.tryWrite(Duration.ofDays(1)));
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts this test", e);
            }
        }

        @Signal
        public void release() {
            held.release();
        }
    }

    /** {@code read} through a cell while a writer holds the lock. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ReadBehindWriter {
        private final RwLock<int[]> lock = withReaderCells(new RwLock<>(new int[1]));
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

    /** A cell lock whose reader checks the writer's flag before counting itself. */
    @JCStressTest
    @Outcome(id = {"0, 11", "11, 11"}, expect = ACCEPTABLE,
            desc = "the reader saw the write whole or not at all")
    @Outcome(id = {"1, 11", "10, 11"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the reader saw half a write")
    @Outcome(expect = FORBIDDEN, desc = "a write was lost")
    @State
    public static class CheckThenCountMutant {
        private final CheckThenCountLock lock = new CheckThenCountLock();
        private final int[] counters = new int[2];

        @Actor
        public void writer() {
            lock.write();
            counters[0] = 1;
            counters[1] = 1;
            lock.releaseWrite();
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
            while (!lock.tryRead()) {
                Thread.onSpinWait();
            }
            int seen = counters[0] * 10 + counters[1];
            lock.releaseRead();
            return seen;
        }
    }

    /** One writer flag and one reader cell; the reader checks, then counts: the mutant. */
    static final class CheckThenCountLock {
        private final AtomicU32 writer = new AtomicU32(0);
        private final AtomicU32 cell = new AtomicU32(0);

        boolean tryRead() {
            if (writer.load(SEQ_CST) != 0) {
                return false;
            }
            // The writer can set its flag and find the cell empty here.
            cell.fetchAdd(1, SEQ_CST);
            return true;
        }

        void releaseRead() {
            cell.fetchSub(1, RELEASE);
        }

        void write() {
            while (writer.compareExchange(0, 1, SEQ_CST, RELAXED) != 0) {
                Thread.onSpinWait();
            }
            while (cell.load(SEQ_CST) != 0) {
                Thread.onSpinWait();
            }
        }

        void releaseWrite() {
            writer.store(0, RELEASE);
        }
    }
}
