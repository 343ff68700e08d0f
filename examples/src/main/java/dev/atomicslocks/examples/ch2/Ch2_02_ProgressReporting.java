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
 * Book ch2-02-progress-reporting: a background thread processes 100 items and stores how
 * many it has done; the main thread prints that number once a second.
 *
 * <p>What to see: {@code Working.. 0/100 done}, then about 26, 53 and 80 a second apart (an
 * item takes 37 ms), then {@code Done!}.
 *
 * <p>Argument: {@code speedup}, a whole number that divides every sleep (default 1).
 *
 * <p>Where Java differs: only in the count's type ({@code AtomicU64} for Rust's
 * {@code AtomicUsize}). Only one thread stores the count, so a store, not a
 * read-modify-write, is enough.
 */
public final class Ch2_02_ProgressReporting {

    static final int ITEMS = 100;
    static final Duration ITEM_TIME = Duration.ofMillis(37);
    static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final AtomicU64 numDone = new AtomicU64();

    private Ch2_02_ProgressReporting() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        Ch2_02_ProgressReporting program = new Ch2_02_ProgressReporting();

        try (ThreadScope scope = new ThreadScope()) {
            // A background thread to process all 100 items.
            scope.spawn(() -> {
                for (int i = 0; i < ITEMS; i++) {
                    time.sleep(ITEM_TIME); // processing item i
                    program.numDone.store(i + 1, RELAXED);
                }
            });

            // The main thread shows how far it is, every second.
            while (true) {
                long n = program.numDone.load(RELAXED);
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
