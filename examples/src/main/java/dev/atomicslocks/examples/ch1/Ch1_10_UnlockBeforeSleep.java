package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Book ch1-10-unlock-before-sleep: ch1-09, but each thread lets go of the lock before it
 * sleeps.
 *
 * <p>What to see: {@code n = 1000}, after about one second: the ten sleeps now overlap.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the sleep (default 1).
 *
 * <p>Where Java differs: Rust ends the guard's life early with {@code drop(guard)}; here the
 * {@code try} block that ends with {@code unlock} simply stops before the sleep.
 */
public final class Ch1_10_UnlockBeforeSleep {

    static final int THREADS = 10;
    static final int INCREMENTS = 100;
    static final Duration SLEEP = Duration.ofSeconds(1);

    private final ReentrantLock lock = new ReentrantLock();
    /** Read and written only while holding {@link #lock}. */
    private int n;

    private Ch1_10_UnlockBeforeSleep() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        TimeScale time = args.timeScale();
        Ch1_10_UnlockBeforeSleep program = new Ch1_10_UnlockBeforeSleep();
        long start = System.nanoTime();

        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> program.addHundredThenSleep(time));
            }
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        terminal.out().printf("n = %d, after %.1f s%n", program.n, seconds);
        Check.equal(program.n, THREADS * INCREMENTS, "n");
    }

    private void addHundredThenSleep(TimeScale time) {
        lock.lock();
        try {
            for (int i = 0; i < INCREMENTS; i++) {
                n++;
            }
        } finally {
            lock.unlock();
        }
        // The lock is free again: the threads sleep at the same time.
        time.sleep(SLEEP);
    }
}
