package dev.atomicslocks.examples.ch7;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/** Times a loop of loads and prints the time per load, for the chapter 7 programs. */
final class LoadTimer {

    /** Where each loop's sum goes, so that the JIT cannot drop the loads as unused. */
    @SuppressWarnings("unused")
    private static volatile long sink;

    private LoadTimer() {
    }

    /** Runs {@code load} {@code loads} times and prints how long that took, after {@code label}. */
    static void time(String label, long loads, LongSupplier load, PrintStream out) {
        long sum = 0;
        long start = System.nanoTime();
        for (long i = 0; i < loads; i++) {
            sum += load.getAsLong();
        }
        long nanos = System.nanoTime() - start;
        sink = sum;
        out.printf("%s: %,d loads in %.1f ms (%.2f ns each)%n", label, loads, nanos / 1e6,
                (double) nanos / loads);
    }
}
