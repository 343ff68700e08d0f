package dev.atomicslocks.examples;

import java.time.Duration;

/**
 * The book's sleeps, shortened by a whole factor so that a test runs a program that sleeps
 * for seconds in a few milliseconds. The ratios between the sleeps stay the same, and with them
 * what the program shows; only the output that reports elapsed time changes.
 *
 * @param speedup how many times shorter every sleep is; 1 for the book's timing
 */
public record TimeScale(int speedup) {

    /** The book's own timing. */
    public static final TimeScale REAL_TIME = new TimeScale(1);

    /** A scale; {@code speedup} must be at least 1. */
    public TimeScale {
        if (speedup < 1) {
            throw new IllegalArgumentException("speedup must be at least 1, not " + speedup);
        }
    }

    /** {@code duration} on this scale. */
    public Duration of(Duration duration) {
        return duration.dividedBy(speedup);
    }

    /**
     * Sleeps for {@code duration} on this scale, as Rust's {@code thread::sleep} does. Rust's
     * sleep cannot be interrupted; here an interrupt ends the sleep early and stays set, so
     * that the thread's owner can still see it.
     */
    public void sleep(Duration duration) {
        try {
            Thread.sleep(of(duration));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
