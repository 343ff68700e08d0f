package dev.atomicslocks.benchmarks;

/**
 * The run lengths the zero-cost benchmarks share, chosen (not tuned) so that one operation of
 * about a nanosecond is measured with a small error on a two-core virtual machine. Command-line
 * options of JMH override them.
 */
final class BenchmarkSettings {
    /** Separate JVMs per benchmark: code layout differs between JVMs, so spread over several. */
    static final int FORKS = 2;
    /** Warm-up iterations per fork; C2 has compiled the method well before the last one. */
    static final int WARMUP_ITERATIONS = 3;
    /** Measured iterations per fork. */
    static final int MEASUREMENT_ITERATIONS = 5;
    /** Length of every iteration, warm-up or measured. */
    static final int ITERATION_MILLIS = 500;

    /**
     * JMH 1.37 reads field offsets through {@code sun.misc.Unsafe}; JDK 25 warns about it on
     * every fork unless told that the access is expected.
     */
    static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    private BenchmarkSettings() {
    }
}
