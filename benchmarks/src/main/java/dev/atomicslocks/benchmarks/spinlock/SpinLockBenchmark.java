package dev.atomicslocks.benchmarks.spinlock;

import dev.atomicslocks.spinlock.SpinLock;
import dev.atomicslocks.spinlock.steps.MinimalSpinLock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * What does a short critical section (one increment) cost under the spin locks of chapter 4,
 * against {@code ReentrantLock}, alone and with two threads contending?
 *
 * <ul>
 *   <li>{@code uncontended_*}: one thread, its own lock; the price of lock and unlock, and for
 *       {@code SpinLock} of its guard.
 *   <li>{@code contended_*}: two threads on one lock, each incrementing a shared counter; the
 *       score is the average time of one critical section per thread, waiting included.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class SpinLockBenchmark {

    /** One lock of each kind and the counters they protect. */
    static class Locks {
        final SpinLock<int[]> spinLock = new SpinLock<>(new int[1]);
        final MinimalSpinLock minimal = new MinimalSpinLock();
        final ReentrantLock reentrantLock = new ReentrantLock();
        /** Guarded by {@link #minimal}. */
        int minimalCounter;
        /** Guarded by {@link #reentrantLock}. */
        int reentrantCounter;
    }

    /** A lock of each kind for every thread: nobody contends. */
    @State(Scope.Thread)
    public static class Own extends Locks {
    }

    /** A lock of each kind shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared extends Locks {
    }

    @Benchmark
    public int uncontended_spinLock(Own locks) {
        return spinLock(locks);
    }

    @Benchmark
    public int uncontended_minimalSpinLock(Own locks) {
        return minimal(locks);
    }

    @Benchmark
    public int uncontended_reentrantLock(Own locks) {
        return reentrant(locks);
    }

    @Benchmark
    @Threads(2)
    public int contended_spinLock(Shared locks) {
        return spinLock(locks);
    }

    @Benchmark
    @Threads(2)
    public int contended_minimalSpinLock(Shared locks) {
        return minimal(locks);
    }

    @Benchmark
    @Threads(2)
    public int contended_reentrantLock(Shared locks) {
        return reentrant(locks);
    }

    private static int spinLock(Locks locks) {
        try (var guard = locks.spinLock.lock()) {
            return ++guard.get()[0];
        }
    }

    private static int minimal(Locks locks) {
        locks.minimal.lock();
        try {
            return ++locks.minimalCounter;
        } finally {
            locks.minimal.unlock();
        }
    }

    private static int reentrant(Locks locks) {
        locks.reentrantLock.lock();
        try {
            return ++locks.reentrantCounter;
        } finally {
            locks.reentrantLock.unlock();
        }
    }
}
