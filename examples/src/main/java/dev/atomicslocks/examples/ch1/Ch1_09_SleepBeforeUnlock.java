package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Book ch1-09-sleep-before-unlock: ch1-08 with a one-second sleep before each thread lets go
 * of the lock.
 *
 * <p>What to see: {@code n = 1000}, after about ten seconds. Each thread sleeps while it
 * holds the lock, so the ten sleeps happen one after another instead of together.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the sleep (default 1), so that
 * {@code 100} takes about 0.1 seconds; the ratio to ch1-10 stays the same.
 *
 * <p>Where Java differs: in Rust the guard lives to the end of the closure, so the sleep
 * inside it happens with the lock held without anything in the code saying so. Here the sleep
 * is visibly inside the {@code try} block that ends with {@code unlock}.
 */
public final class Ch1_09_SleepBeforeUnlock {

    static final int THREADS = 10;
    static final int INCREMENTS = 100;
    static final Duration SLEEP = Duration.ofSeconds(1);

    private final ReentrantLock lock = new ReentrantLock();
    /** Read and written only while holding {@link #lock}. */
    private int n;

    private Ch1_09_SleepBeforeUnlock() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        TimeScale time = args.timeScale();
        Ch1_09_SleepBeforeUnlock program = new Ch1_09_SleepBeforeUnlock();
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
            // Sleeping with the lock held: every other thread waits for this one.
            time.sleep(SLEEP);
        } finally {
            lock.unlock();
        }
    }
}
