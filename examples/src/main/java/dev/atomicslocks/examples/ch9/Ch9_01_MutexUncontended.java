package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;

/**
 * The book's first mutex timing (chapter 9, "Benchmarking"): one thread locks and unlocks
 * 5,000,000 times, with nobody else around, for each mutex step, the public {@code Mutex} and
 * {@code ReentrantLock}.
 *
 * <p>What to see: {@code Mutex1} far slower than the rest, because it makes a wake call on
 * every unlock even when nobody waits; the others a few nanoseconds per lock and unlock (a
 * compare-exchange and a swap). Each line ends with the count, which must be exact.
 *
 * <p>Argument: {@code iterations}, how many times to lock (default 5000000).
 *
 * <p>Where Java differs: Mutex1's wake is a call into {@code os-wait}'s parking lot, not a
 * system call, so the gap is smaller than the book's; a JIT needs a warm-up that a single
 * timed run does not give, so the first lock timed pays for some of it. The JMH benchmark
 * {@code MutexBenchmark} in the {@code benchmarks} module measures it properly.
 */
public final class Ch9_01_MutexUncontended {

    static final int DEFAULT_ITERATIONS = 5_000_000;

    private Ch9_01_MutexUncontended() {
    }

    /** Runs the program; the argument is {@code [iterations]}. */
    public static void run(Terminal terminal, Args args) {
        int iterations = args.positive("iterations", DEFAULT_ITERATIONS);
        MutexTiming.timeAll(1, iterations, terminal.out());
    }
}
