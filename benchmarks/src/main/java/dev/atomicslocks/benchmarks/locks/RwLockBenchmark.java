package dev.atomicslocks.benchmarks.locks;

import dev.atomicslocks.locks.RawRwLock;
import dev.atomicslocks.locks.RwLock;
import dev.atomicslocks.locks.steps.RwLock1;
import dev.atomicslocks.locks.steps.RwLock2;
import dev.atomicslocks.locks.steps.RwLock3;
import dev.atomicslocks.locks.steps.RwLockStep;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chapter 9's reader-writer lock, measured: what does a critical section that reads or
 * increments one counter cost under each rwlock step, the public {@code RwLock}, its
 * {@code ReadWriteLock} view {@code RawRwLock}, {@code ReentrantReadWriteLock} and
 * {@code StampedLock} (with read locks, and with optimistic reads), in four workloads?
 *
 * <ul>
 *   <li>{@code readMostly_*}: four threads on one lock, each doing one write for every 99
 *       reads, the book's read-mostly workload;
 *   <li>{@code readOnly_*}: four threads on one lock, reads only;
 *   <li>{@code writeOnly_*}: four threads on one lock, writes only;
 *   <li>{@code uncontendedRead_*}: one thread, its own lock, reads only: the cost of the read
 *       fast path alone;
 *   <li>{@code uncontendedWrite_*}: one thread, its own lock, writes only: the cost of the
 *       write fast path alone.
 * </ul>
 *
 * <p>Four threads on this two-core machine means that holders are preempted and waiters
 * really sleep. Each score is the average time of one operation per thread, waiting
 * included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class RwLockBenchmark {

    /** One write in this many operations, in the read-mostly workload. */
    static final int OPERATIONS_PER_WRITE = 100;

    /** One lock of each kind, each guarding its own counter. */
    static class Locks {
        final RwLockStep<long[]> rwLock1 = new RwLock1<>(new long[1]);
        final RwLockStep<long[]> rwLock2 = new RwLock2<>(new long[1]);
        final RwLockStep<long[]> rwLock3 = new RwLock3<>(new long[1]);
        final RwLock<long[]> rwLock = new RwLock<>(new long[1]);
        final ReadWriteLock rawRwLock = new RawRwLock();
        final ReadWriteLock reentrantReadWriteLock = new ReentrantReadWriteLock();
        final StampedLock stampedLock = new StampedLock();
        /** Guarded by {@link #rawRwLock}. */
        long rawCounter;
        /** Guarded by {@link #reentrantReadWriteLock}. */
        long reentrantCounter;
        /** Guarded by {@link #stampedLock}. */
        long stampedCounter;
    }

    /** A lock of each kind shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared extends Locks {
    }

    /** A lock of each kind for every thread: nobody contends. */
    @State(Scope.Thread)
    public static class Own extends Locks {
    }

    /** Each thread's place in its sequence of reads and writes. */
    @State(Scope.Thread)
    public static class Turn {
        int operation;

        /** True once every {@link #OPERATIONS_PER_WRITE} calls. */
        boolean writeNow() {
            operation++;
            if (operation == OPERATIONS_PER_WRITE) {
                operation = 0;
                return true;
            }
            return false;
        }
    }

    // ---- read-mostly: one write in 100, four threads ----

    @Benchmark
    @Threads(4)
    public long readMostly_rwLock1(Shared locks, Turn turn) {
        return turn.writeNow() ? writeStep(locks.rwLock1) : readStep(locks.rwLock1);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_rwLock2(Shared locks, Turn turn) {
        return turn.writeNow() ? writeStep(locks.rwLock2) : readStep(locks.rwLock2);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_rwLock3(Shared locks, Turn turn) {
        return turn.writeNow() ? writeStep(locks.rwLock3) : readStep(locks.rwLock3);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_rwLock(Shared locks, Turn turn) {
        return turn.writeNow() ? write(locks) : read(locks);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_rawRwLock(Shared locks, Turn turn) {
        return turn.writeNow() ? writeRaw(locks) : readRaw(locks);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_reentrantReadWriteLock(Shared locks, Turn turn) {
        return turn.writeNow() ? writeReentrant(locks) : readReentrant(locks);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_stampedLock(Shared locks, Turn turn) {
        return turn.writeNow() ? writeStamped(locks) : readStamped(locks);
    }

    @Benchmark
    @Threads(4)
    public long readMostly_stampedLockOptimistic(Shared locks, Turn turn) {
        return turn.writeNow() ? writeStamped(locks) : readStampedOptimistic(locks);
    }

    // ---- read-only, four threads ----

    @Benchmark
    @Threads(4)
    public long readOnly_rwLock1(Shared locks) {
        return readStep(locks.rwLock1);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_rwLock2(Shared locks) {
        return readStep(locks.rwLock2);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_rwLock3(Shared locks) {
        return readStep(locks.rwLock3);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_rwLock(Shared locks) {
        return read(locks);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_rawRwLock(Shared locks) {
        return readRaw(locks);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_reentrantReadWriteLock(Shared locks) {
        return readReentrant(locks);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_stampedLock(Shared locks) {
        return readStamped(locks);
    }

    @Benchmark
    @Threads(4)
    public long readOnly_stampedLockOptimistic(Shared locks) {
        return readStampedOptimistic(locks);
    }

    // ---- write-only, four threads ----

    @Benchmark
    @Threads(4)
    public long writeOnly_rwLock1(Shared locks) {
        return writeStep(locks.rwLock1);
    }

    @Benchmark
    @Threads(4)
    public long writeOnly_rwLock2(Shared locks) {
        return writeStep(locks.rwLock2);
    }

    @Benchmark
    @Threads(4)
    public long writeOnly_rwLock3(Shared locks) {
        return writeStep(locks.rwLock3);
    }

    @Benchmark
    @Threads(4)
    public long writeOnly_rwLock(Shared locks) {
        return write(locks);
    }

    @Benchmark
    @Threads(4)
    public long writeOnly_rawRwLock(Shared locks) {
        return writeRaw(locks);
    }

    @Benchmark
    @Threads(4)
    public long writeOnly_reentrantReadWriteLock(Shared locks) {
        return writeReentrant(locks);
    }

    @Benchmark
    @Threads(4)
    public long writeOnly_stampedLock(Shared locks) {
        return writeStamped(locks);
    }

    // ---- uncontended reads, one thread ----

    @Benchmark
    public long uncontendedRead_rwLock1(Own locks) {
        return readStep(locks.rwLock1);
    }

    @Benchmark
    public long uncontendedRead_rwLock2(Own locks) {
        return readStep(locks.rwLock2);
    }

    @Benchmark
    public long uncontendedRead_rwLock3(Own locks) {
        return readStep(locks.rwLock3);
    }

    @Benchmark
    public long uncontendedRead_rwLock(Own locks) {
        return read(locks);
    }

    @Benchmark
    public long uncontendedRead_rawRwLock(Own locks) {
        return readRaw(locks);
    }

    @Benchmark
    public long uncontendedRead_reentrantReadWriteLock(Own locks) {
        return readReentrant(locks);
    }

    @Benchmark
    public long uncontendedRead_stampedLock(Own locks) {
        return readStamped(locks);
    }

    @Benchmark
    public long uncontendedRead_stampedLockOptimistic(Own locks) {
        return readStampedOptimistic(locks);
    }

    // ---- uncontended writes, one thread ----

    @Benchmark
    public long uncontendedWrite_rwLock1(Own locks) {
        return writeStep(locks.rwLock1);
    }

    @Benchmark
    public long uncontendedWrite_rwLock2(Own locks) {
        return writeStep(locks.rwLock2);
    }

    @Benchmark
    public long uncontendedWrite_rwLock3(Own locks) {
        return writeStep(locks.rwLock3);
    }

    @Benchmark
    public long uncontendedWrite_rwLock(Own locks) {
        return write(locks);
    }

    @Benchmark
    public long uncontendedWrite_rawRwLock(Own locks) {
        return writeRaw(locks);
    }

    @Benchmark
    public long uncontendedWrite_reentrantReadWriteLock(Own locks) {
        return writeReentrant(locks);
    }

    @Benchmark
    public long uncontendedWrite_stampedLock(Own locks) {
        return writeStamped(locks);
    }

    // ---- the critical sections ----

    private static long readStep(RwLockStep<long[]> lock) {
        try (var guard = lock.read()) {
            return guard.get()[0];
        }
    }

    private static long writeStep(RwLockStep<long[]> lock) {
        try (var guard = lock.write()) {
            return ++guard.get()[0];
        }
    }

    private static long read(Locks locks) {
        try (var guard = locks.rwLock.read()) {
            return guard.get()[0];
        }
    }

    private static long write(Locks locks) {
        try (var guard = locks.rwLock.write()) {
            return ++guard.get()[0];
        }
    }

    private static long readRaw(Locks locks) {
        locks.rawRwLock.readLock().lock();
        try {
            return locks.rawCounter;
        } finally {
            locks.rawRwLock.readLock().unlock();
        }
    }

    private static long writeRaw(Locks locks) {
        locks.rawRwLock.writeLock().lock();
        try {
            return ++locks.rawCounter;
        } finally {
            locks.rawRwLock.writeLock().unlock();
        }
    }

    private static long readReentrant(Locks locks) {
        locks.reentrantReadWriteLock.readLock().lock();
        try {
            return locks.reentrantCounter;
        } finally {
            locks.reentrantReadWriteLock.readLock().unlock();
        }
    }

    private static long writeReentrant(Locks locks) {
        locks.reentrantReadWriteLock.writeLock().lock();
        try {
            return ++locks.reentrantCounter;
        } finally {
            locks.reentrantReadWriteLock.writeLock().unlock();
        }
    }

    private static long readStamped(Locks locks) {
        long stamp = locks.stampedLock.readLock();
        try {
            return locks.stampedCounter;
        } finally {
            locks.stampedLock.unlockRead(stamp);
        }
    }

    /** An optimistic read, falling back to a read lock if a write intervened. */
    private static long readStampedOptimistic(Locks locks) {
        long stamp = locks.stampedLock.tryOptimisticRead();
        long seen = locks.stampedCounter;
        if (locks.stampedLock.validate(stamp)) {
            return seen;
        }
        return readStamped(locks);
    }

    private static long writeStamped(Locks locks) {
        long stamp = locks.stampedLock.writeLock();
        try {
            return ++locks.stampedCounter;
        } finally {
            locks.stampedLock.unlockWrite(stamp);
        }
    }
}
