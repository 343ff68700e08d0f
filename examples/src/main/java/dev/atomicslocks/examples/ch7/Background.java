package dev.atomicslocks.examples.ch7;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.examples.ThreadScope;
import java.util.function.LongSupplier;

/**
 * Threads that repeat an action until the experiment is over: the chapter's "another thread
 * keeps accessing the atomic". Closing stops and joins them.
 */
final class Background implements AutoCloseable {

    /** Where each thread's sum of results goes at the end, so that the JIT keeps the work. */
    @SuppressWarnings("unused")
    private static volatile long sink;

    private final AtomicBool stop = new AtomicBool(false);
    private final ThreadScope scope = new ThreadScope();

    /**
     * Starts a thread that runs {@code action} over and over until {@link #close}, adding up
     * what it returns.
     */
    void repeat(LongSupplier action) {
        scope.spawn(() -> {
            long sum = 0;
            // RELAXED: the flag carries no data; the thread only has to notice it eventually.
            while (!stop.load(RELAXED)) {
                sum += action.getAsLong();
            }
            sink = sum;
        });
    }

    @Override
    public void close() {
        stop.store(true, RELAXED);
        scope.close();
    }
}
