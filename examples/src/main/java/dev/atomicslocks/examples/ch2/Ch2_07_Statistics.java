package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Book ch2-07-statistics: ch2-06 with two more atomics, the total and the longest time taken
 * by an item, kept with {@code fetchAdd} and {@code fetchMax}.
 *
 * <p>What to see: {@code Working.. nothing done yet.}, then lines such as
 * {@code Working.. 32/100 done, 123.412 ms average, 124.070 ms peak}, then {@code Done!}.
 *
 * <p>Argument: {@code speedup}, a whole number that divides every sleep (default 1); the times
 * shrink with it.
 *
 * <p>Where Java differs: nothing of note. As in the book, the three atomics are updated and
 * read one at a time, so a report may pair a count with a total that already includes one
 * more item: each number is right, their combination only nearly. Times are kept in
 * microseconds in an {@code AtomicU64}, as the book does.
 */
public final class Ch2_07_Statistics {

    static final int THREADS = 4;
    static final int ITEMS_PER_THREAD = 25;
    static final int ITEMS = THREADS * ITEMS_PER_THREAD;
    static final Duration ITEM_TIME = Duration.ofMillis(123);
    static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final AtomicU64 numDone = new AtomicU64();
    /** Microseconds. */
    private final AtomicU64 totalTime = new AtomicU64();
    /** Microseconds. */
    private final AtomicU64 maxTime = new AtomicU64();

    private Ch2_07_Statistics() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        Ch2_07_Statistics stats = new Ch2_07_Statistics();

        try (ThreadScope scope = new ThreadScope()) {
            // Four background threads, 25 items each.
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> {
                    for (int i = 0; i < ITEMS_PER_THREAD; i++) {
                        long start = System.nanoTime();
                        time.sleep(ITEM_TIME); // processing one item
                        long micros = (System.nanoTime() - start) / 1000;
                        stats.numDone.fetchAdd(1, RELAXED);
                        stats.totalTime.fetchAdd(micros, RELAXED);
                        stats.maxTime.fetchMax(micros, RELAXED);
                    }
                });
            }

            // The main thread shows how far they are, every second.
            while (stats.report(out)) {
                time.sleep(REPORT_EVERY);
            }
        }
        out.println("Done!");
    }

    /** Prints one report; false when every item is done. */
    private boolean report(PrintStream out) {
        long total = totalTime.load(RELAXED);
        long max = maxTime.load(RELAXED);
        long n = numDone.load(RELAXED);
        if (n == ITEMS) {
            return false;
        }
        if (n == 0) {
            out.println("Working.. nothing done yet.");
        } else {
            out.printf("Working.. %d/%d done, %.3f ms average, %.3f ms peak%n",
                    n, ITEMS, total / 1000.0 / n, max / 1000.0);
        }
        return true;
    }
}
