package dev.atomicslocks.examples.ch7;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;
import java.util.List;

/**
 * From the book's text (chapter 7, "Performance Experiments"): ch7-01 while another thread
 * keeps storing to the same atomic, and then while it keeps trying a compare-exchange that
 * always fails. Either way that thread keeps taking the cache line for itself, and every load
 * here has to fetch it back: loads become many times slower. A compare-exchange that fails
 * changes nothing, yet it costs the same, because the processor takes the line exclusively
 * before it can compare.
 *
 * <p>What to see: loads alone, then much slower while another thread stores, and about as
 * slow while it compare-exchanges.
 *
 * <p>Arguments: {@code loads}, how many loads to time (default 1000000000), and
 * {@code writer}, {@code store}, {@code compare-exchange} or {@code both} (the default).
 *
 * <p>Where Java differs: a relaxed compare-exchange is {@code compareAndExchangeAcquire} (the
 * JDK has no weaker one), which on x86 is the same {@code lock cmpxchg} instruction.
 */
public final class Ch7_03_LoadWhileStoring {

    static final long DEFAULT_LOADS = 1_000_000_000L;
    static final List<String> WRITERS = List.of("both", "store", "compare-exchange");

    private Ch7_03_LoadWhileStoring() {
    }

    /** Runs the program; the arguments are {@code [loads] [writer]}. */
    public static void run(Terminal terminal, Args args) {
        long loads = args.positive("loads", DEFAULT_LOADS, Long.MAX_VALUE);
        String writer = args.text("writer", "both", WRITERS);
        PrintStream out = terminal.out();
        AtomicU64 a = new AtomicU64(0);

        LoadTimer.time("alone", loads, () -> a.load(RELAXED), out);
        if (!writer.equals("compare-exchange")) {
            try (Background other = new Background()) {
                other.repeat(() -> {
                    a.store(0, RELAXED);
                    return 0;
                });
                LoadTimer.time("while another thread stores", loads, () -> a.load(RELAXED), out);
            }
        }
        if (!writer.equals("store")) {
            try (Background other = new Background()) {
                // The atomic holds 0, so expecting 10 always fails.
                other.repeat(() -> a.compareExchange(10, 20, RELAXED, RELAXED));
                LoadTimer.time("while another thread compare-exchanges", loads,
                        () -> a.load(RELAXED), out);
            }
        }
    }
}
