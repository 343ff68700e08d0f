package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;

/**
 * The book's second mutex timing (chapter 9, "Benchmarking"): four threads each lock and
 * unlock 5,000,000 times, all on one lock, for each mutex step, the public {@code Mutex} and
 * {@code ReentrantLock}.
 *
 * <p>What to see: every count exactly 20,000,000, and how the times compare; the book finds
 * its steps close together, and slower under contention than alone. {@code ReentrantLock}
 * keeps at most one woken thread on its way at a time, which pays off here.
 *
 * <p>Argument: {@code iterations}, how many times each thread locks (default 5000000).
 *
 * <p>Where Java differs: as in ch9-01, a single timed run, not a measurement; on a machine
 * with fewer than four cores the threads also take turns on the processors, which changes
 * the picture. The JMH benchmark {@code MutexBenchmark} measures it properly.
 */
public final class Ch9_02_MutexContended {

    static final int THREADS = 4;
    static final int DEFAULT_ITERATIONS = 5_000_000;

    private Ch9_02_MutexContended() {
    }

    /** Runs the program; the argument is {@code [iterations]}. */
    public static void run(Terminal terminal, Args args) {
        int iterations = args.positive("iterations", DEFAULT_ITERATIONS);
        MutexTiming.timeAll(THREADS, iterations, terminal.out());
    }
}
