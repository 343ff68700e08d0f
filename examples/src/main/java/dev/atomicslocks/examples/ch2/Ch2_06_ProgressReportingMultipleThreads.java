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
 * Book ch2-06-progress-reporting-multiple-threads: four threads process 25 items each and
 * count them in one shared atomic; the main thread prints the count once a second.
 *
 * <p>What to see: {@code Working.. 0/100 done}, then about 32, 64 and 96 a second apart (an
 * item takes 123 ms, four at a time), then {@code Done!}.
 *
 * <p>Argument: {@code speedup}, a whole number that divides every sleep (default 1).
 *
 * <p>Where Java differs: nothing of note. With several writers a store would lose counts, so
 * each thread adds with {@code fetchAdd}, which never does.
 */
public final class Ch2_06_ProgressReportingMultipleThreads {

    static final int THREADS = 4;
    static final int ITEMS_PER_THREAD = 25;
    static final int ITEMS = THREADS * ITEMS_PER_THREAD;
    static final Duration ITEM_TIME = Duration.ofMillis(123);
    static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final AtomicU64 numDone = new AtomicU64();

    private Ch2_06_ProgressReportingMultipleThreads() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        AtomicU64 numDone = new Ch2_06_ProgressReportingMultipleThreads().numDone;

        try (ThreadScope scope = new ThreadScope()) {
            // Four background threads, 25 items each.
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> {
                    for (int i = 0; i < ITEMS_PER_THREAD; i++) {
                        time.sleep(ITEM_TIME); // processing one item
                        numDone.fetchAdd(1, RELAXED);
                    }
                });
            }

            // The main thread shows how far they are, every second.
            while (true) {
                long n = numDone.load(RELAXED);
                if (n == ITEMS) {
                    break;
                }
                out.println("Working.. " + n + "/" + ITEMS + " done");
                time.sleep(REPORT_EVERY);
            }
        }
        out.println("Done!");
    }
}
