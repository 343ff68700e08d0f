package dev.atomicslocks.benchmarks.locks;

import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
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
 * Chapter 9's measurements: what does a one-increment critical section cost under each mutex
 * step, the public {@code Mutex} and {@code ReentrantLock}, alone and with four threads
 * contending (the book's two experiments: an uncontended loop, and four threads on one lock)?
 *
 * <ul>
 *   <li>{@code uncontended_*}: one thread, its own lock.
 *   <li>{@code contended_*}: four threads on one lock on this two-core machine, so that
 *       holders are preempted and waiters really sleep; the score is the average time of one
 *       critical section per thread, waiting included.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class MutexBenchmark {

    /** One lock of each kind, each with its own counter. */
    static class Locks {
        final StepMutex<int[]> mutex1 = new Mutex1<>(new int[1]);
        final StepMutex<int[]> mutex2 = new Mutex2<>(new int[1]);
        final StepMutex<int[]> mutex3 = new Mutex3<>(new int[1]);
        final Mutex<int[]> mutex = new Mutex<>(new int[1]);
        final ReentrantLock reentrantLock = new ReentrantLock();
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
    public int uncontended_mutex1(Own locks) {
        return step(locks.mutex1);
    }

    @Benchmark
    public int uncontended_mutex2(Own locks) {
        return step(locks.mutex2);
    }

    @Benchmark
    public int uncontended_mutex3(Own locks) {
        return step(locks.mutex3);
    }

    @Benchmark
    public int uncontended_mutex(Own locks) {
        return mutex(locks);
    }

    @Benchmark
    public int uncontended_reentrantLock(Own locks) {
        return reentrant(locks);
    }

    @Benchmark
    @Threads(4)
    public int contended_mutex1(Shared locks) {
        return step(locks.mutex1);
    }

    @Benchmark
    @Threads(4)
    public int contended_mutex2(Shared locks) {
        return step(locks.mutex2);
    }

    @Benchmark
    @Threads(4)
    public int contended_mutex3(Shared locks) {
        return step(locks.mutex3);
    }

    @Benchmark
    @Threads(4)
    public int contended_mutex(Shared locks) {
        return mutex(locks);
    }

    @Benchmark
    @Threads(4)
    public int contended_reentrantLock(Shared locks) {
        return reentrant(locks);
    }

    private static int step(StepMutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            return ++guard.get()[0];
        }
    }

    private static int mutex(Locks locks) {
        try (var guard = locks.mutex.lock()) {
            return ++guard.get()[0];
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
