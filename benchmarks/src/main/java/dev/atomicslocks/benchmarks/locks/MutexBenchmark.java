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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chapter 9's measurements: what does a one-increment critical section cost under each mutex
 * step, the public {@code Mutex}, {@code ReentrantLock} and {@code synchronized}, alone and
 * with four threads contending?
 *
 * <ul>
 *   <li>{@code book_uncontended_*}: the book's first experiment as the book runs it, one
 *       thread locking and unlocking its own lock 5,000,000 times; one shot per iteration,
 *       the score is the time of one lock and unlock.
 *   <li>{@code book_contended_*}: the book's second experiment, four threads started
 *       together, each locking one shared lock 5,000,000 times, until the last is done; the
 *       score is the wall time of the whole run divided by the 20,000,000 critical sections.
 *       With four threads on this two-core machine holders are preempted and waiters really
 *       sleep.
 *   <li>{@code uncontended_*} and {@code contended_*}: the same two situations in JMH's own
 *       loop (one thread on its own lock; {@code @Threads(4)} on one lock), scored as the
 *       average time of one critical section per thread, waiting included.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class MutexBenchmark {

    /** The book's count of critical sections per thread. */
    static final int BOOK_ITERATIONS = 5_000_000;
    /** The book's number of contending threads. */
    static final int BOOK_THREADS = 4;
    /** Critical sections in one contended run. */
    static final int BOOK_CONTENDED_OPERATIONS = BOOK_ITERATIONS * BOOK_THREADS;

    /** One lock of each kind, each with its own counter. */
    static class Locks {
        final StepMutex<int[]> mutex1 = new Mutex1<>(new int[1]);
        final StepMutex<int[]> mutex2 = new Mutex2<>(new int[1]);
        final StepMutex<int[]> mutex3 = new Mutex3<>(new int[1]);
        final Mutex<int[]> mutex = new Mutex<>(new int[1]);
        final ReentrantLock reentrantLock = new ReentrantLock();
        /** Guarded by {@link #reentrantLock}. */
        int reentrantCounter;
        final Object monitor = new Object();
        /** Guarded by {@link #monitor}. */
        int monitorCounter;
    }

    /** A lock of each kind for every thread: nobody contends. */
    @State(Scope.Thread)
    public static class Own extends Locks {
    }

    /** A lock of each kind shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared extends Locks {
    }

    // --- the book's runs: 5,000,000 alone, and 4 threads x 5,000,000 on one lock ---

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_ITERATIONS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int book_uncontended_mutex1(Own locks) {
        return stepLoop(locks.mutex1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_ITERATIONS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int book_uncontended_mutex2(Own locks) {
        return stepLoop(locks.mutex2);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_ITERATIONS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int book_uncontended_mutex3(Own locks) {
        return stepLoop(locks.mutex3);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_ITERATIONS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int book_uncontended_mutex(Own locks) {
        return mutexLoop(locks);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_ITERATIONS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int book_uncontended_reentrantLock(Own locks) {
        return reentrantLoop(locks);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_ITERATIONS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public int book_uncontended_synchronized(Own locks) {
        return monitorLoop(locks);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_CONTENDED_OPERATIONS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public int book_contended_mutex1(Shared locks) throws InterruptedException {
        runBookThreads(() -> stepLoop(locks.mutex1));
        return stepCount(locks.mutex1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_CONTENDED_OPERATIONS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public int book_contended_mutex2(Shared locks) throws InterruptedException {
        runBookThreads(() -> stepLoop(locks.mutex2));
        return stepCount(locks.mutex2);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_CONTENDED_OPERATIONS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public int book_contended_mutex3(Shared locks) throws InterruptedException {
        runBookThreads(() -> stepLoop(locks.mutex3));
        return stepCount(locks.mutex3);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_CONTENDED_OPERATIONS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public int book_contended_mutex(Shared locks) throws InterruptedException {
        runBookThreads(() -> mutexLoop(locks));
        try (var guard = locks.mutex.lock()) {
            return guard.get()[0];
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_CONTENDED_OPERATIONS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public int book_contended_reentrantLock(Shared locks) throws InterruptedException {
        runBookThreads(() -> reentrantLoop(locks));
        return reentrant(locks);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(BOOK_CONTENDED_OPERATIONS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public int book_contended_synchronized(Shared locks) throws InterruptedException {
        runBookThreads(() -> monitorLoop(locks));
        return monitor(locks);
    }

    // --- the same situations in JMH's loop ---

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
    public int uncontended_synchronized(Own locks) {
        return monitor(locks);
    }

    @Benchmark
    @Threads(BOOK_THREADS)
    public int contended_mutex1(Shared locks) {
        return step(locks.mutex1);
    }

    @Benchmark
    @Threads(BOOK_THREADS)
    public int contended_mutex2(Shared locks) {
        return step(locks.mutex2);
    }

    @Benchmark
    @Threads(BOOK_THREADS)
    public int contended_mutex3(Shared locks) {
        return step(locks.mutex3);
    }

    @Benchmark
    @Threads(BOOK_THREADS)
    public int contended_mutex(Shared locks) {
        return mutex(locks);
    }

    @Benchmark
    @Threads(BOOK_THREADS)
    public int contended_reentrantLock(Shared locks) {
        return reentrant(locks);
    }

    @Benchmark
    @Threads(BOOK_THREADS)
    public int contended_synchronized(Shared locks) {
        return monitor(locks);
    }

    // --- one critical section of each kind, and the book's loop around it ---

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

    private static int monitor(Locks locks) {
        synchronized (locks.monitor) {
            return ++locks.monitorCounter;
        }
    }

    private static int stepCount(StepMutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            return guard.get()[0];
        }
    }

    private static int stepLoop(StepMutex<int[]> mutex) {
        int last = 0;
        for (int i = 0; i < BOOK_ITERATIONS; i++) {
            last = step(mutex);
        }
        return last;
    }

    private static int mutexLoop(Locks locks) {
        int last = 0;
        for (int i = 0; i < BOOK_ITERATIONS; i++) {
            last = mutex(locks);
        }
        return last;
    }

    private static int reentrantLoop(Locks locks) {
        int last = 0;
        for (int i = 0; i < BOOK_ITERATIONS; i++) {
            last = reentrant(locks);
        }
        return last;
    }

    private static int monitorLoop(Locks locks) {
        int last = 0;
        for (int i = 0; i < BOOK_ITERATIONS; i++) {
            last = monitor(locks);
        }
        return last;
    }

    /** Starts the book's four threads on {@code loop} together and waits for all of them. */
    private static void runBookThreads(Runnable loop) throws InterruptedException {
        Thread[] threads = new Thread[BOOK_THREADS];
        for (int t = 0; t < BOOK_THREADS; t++) {
            threads[t] = Thread.ofPlatform().name("book-" + t).start(loop);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
