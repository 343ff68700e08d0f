package dev.atomicslocks.examples.ch7;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;

/**
 * From the book's text (chapter 7, "Performance Experiments"): ch7-01 while another thread
 * loads the same atomic in a loop of its own. Both cores can keep a shared copy of the cache
 * line, so loads do not slow each other down.
 *
 * <p>What to see: about the same time per load as ch7-01 alone.
 *
 * <p>Argument: {@code loads}, how many loads to time (default 1000000000).
 *
 * <p>Where Java differs: nothing of note; see ch7-01.
 */
public final class Ch7_02_LoadWhileLoading {

    static final long DEFAULT_LOADS = 1_000_000_000L;

    private Ch7_02_LoadWhileLoading() {
    }

    /** Runs the program; the argument is {@code [loads]}. */
    public static void run(Terminal terminal, Args args) {
        long loads = args.positive("loads", DEFAULT_LOADS, Long.MAX_VALUE);
        AtomicU64 a = new AtomicU64(0);

        LoadTimer.time("alone", loads, () -> a.load(RELAXED), terminal.out());
        try (Background other = new Background()) {
            other.repeat(() -> a.load(RELAXED));
            LoadTimer.time("while another thread loads", loads, () -> a.load(RELAXED),
                    terminal.out());
        }
    }
}
