package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Book ch2-03-progress-reporting-unpark: ch2-02, but the worker unparks the main thread after
 * each item, so the report follows every item instead of once a second.
 *
 * <p>What to see: {@code Working.. n/100 done} for (nearly) every n from 0 to 99, then
 * {@code Done!}. A number may be skipped when two items finish between two reports.
 *
 * <p>Argument: {@code speedup}, a whole number that divides every sleep (default 1).
 *
 * <p>Where Java differs: {@link LockSupport#parkNanos(Object, long)} is Rust's
 * {@code park_timeout}: it returns on an unpark, after the timeout, or spuriously, and the
 * loop reads the count again whichever it was. The timeout is kept as a safety net, as in
 * the book.
 */
public final class Ch2_03_ProgressReportingUnpark {

    static final int ITEMS = 100;
    static final Duration ITEM_TIME = Duration.ofMillis(37);
    static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final AtomicU64 numDone = new AtomicU64();

    private Ch2_03_ProgressReportingUnpark() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        Ch2_03_ProgressReportingUnpark program = new Ch2_03_ProgressReportingUnpark();
        Thread mainThread = Thread.currentThread();

        try (ThreadScope scope = new ThreadScope()) {
            // A background thread to process all 100 items.
            scope.spawn(() -> {
                for (int i = 0; i < ITEMS; i++) {
                    time.sleep(ITEM_TIME); // processing item i
                    program.numDone.store(i + 1, RELAXED);
                    // Wake the main thread to report.
                    LockSupport.unpark(mainThread);
                }
            });

            // The main thread shows how far it is after every item.
            while (true) {
                long n = program.numDone.load(RELAXED);
                if (n == ITEMS) {
                    break;
                }
                out.println("Working.. " + n + "/" + ITEMS + " done");
                LockSupport.parkNanos(program, time.of(REPORT_EVERY).toNanos());
            }
        }
        out.println("Done!");
    }
}
