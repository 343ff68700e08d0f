package dev.atomicslocks.stress.locks;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The random delay of this package's termination tests. jcstress starts the waiting actor,
 * polls about every millisecond until it has started, and then runs the signal, so without
 * help the signal would nearly always find the waiter long asleep; a waiter that first spins
 * for a random time of up to {@value #MAX_DELAY_NANOS} ns is caught anywhere on its way.
 */
final class Delays {

    /** The longest random spin; about twice jcstress's polling interval. */
    static final long MAX_DELAY_NANOS = 2_000_000;

    private Delays() {
    }

    /** Spins for a random time of up to {@link #MAX_DELAY_NANOS}. */
    static void randomDelay() {
        long end = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
