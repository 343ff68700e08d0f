package dev.atomicslocks.examples.ch7;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;

/**
 * From the book's text (chapter 7, "Performance Experiments"): a tight loop of relaxed loads of
 * one atomic, with no other thread touching it. The line stays in this core's cache, so a
 * load costs about as much as a load of a plain variable: well under a nanosecond.
 *
 * <p>What to see: the time per load, a fraction of a nanosecond.
 *
 * <p>Argument: {@code loads}, how many loads to time (default 1000000000).
 *
 * <p>Where Java differs: the book uses {@code black_box} so that the compiler cannot fold the
 * loop; here the loads are opaque, which the JIT must perform one by one, and their sum goes
 * to a volatile field at the end.
 */
public final class Ch7_01_LoadLoop {

    static final long DEFAULT_LOADS = 1_000_000_000L;

    private Ch7_01_LoadLoop() {
    }

    /** Runs the program; the argument is {@code [loads]}. */
    public static void run(Terminal terminal, Args args) {
        long loads = args.positive("loads", DEFAULT_LOADS, Long.MAX_VALUE);
        AtomicU64 a = new AtomicU64(0);
        LoadTimer.time("alone", loads, () -> a.load(RELAXED), terminal.out());
    }
}
