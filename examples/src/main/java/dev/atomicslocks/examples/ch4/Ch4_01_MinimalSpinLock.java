package dev.atomicslocks.examples.ch4;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.spinlock.steps.MinimalSpinLock;

/**
 * Chapter 4, step 1: the minimal spin lock, a flag swapped to {@code true} with acquire
 * ordering to lock and stored {@code false} with release ordering to unlock. It guards a plain
 * counter that four threads increment.
 *
 * <p>What to see: {@code counter = 400000 (4 threads x 100000)}: no increment is lost, because
 * each one happens with the lock held.
 *
 * <p>Argument: {@code increments}, how many times each thread adds one (default 100000).
 *
 * <p>Where Java differs: nothing ties the counter to the lock but the code's discipline, as in
 * the book's first step; javac would accept an increment without the lock just as well.
 */
public final class Ch4_01_MinimalSpinLock {

    static final int THREADS = 4;
    static final int DEFAULT_INCREMENTS = 100_000;

    private final MinimalSpinLock lock = new MinimalSpinLock();
    /** Read and written only while holding {@link #lock}. */
    private long counter;

    private Ch4_01_MinimalSpinLock() {
    }

    /** Runs the program; the argument is {@code [increments]}. */
    public static void run(Terminal terminal, Args args) {
        int increments = args.positive("increments", DEFAULT_INCREMENTS);
        Ch4_01_MinimalSpinLock program = new Ch4_01_MinimalSpinLock();

        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> program.add(increments));
            }
        }

        long expected = (long) THREADS * increments;
        terminal.out().println("counter = " + program.counter + " (" + THREADS + " threads x "
                + increments + ")");
        Check.equal(program.counter, expected, "counter");
    }

    private void add(int increments) {
        for (int i = 0; i < increments; i++) {
            lock.lock();
            counter++;
            lock.unlock();
        }
    }
}
