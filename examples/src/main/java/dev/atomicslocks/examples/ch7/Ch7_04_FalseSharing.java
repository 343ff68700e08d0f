package dev.atomicslocks.examples.ch7;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * From the book's text (chapter 7, "Performance Experiments"): three atomics side by side;
 * two other threads keep storing to the first and the third while this one loads the second.
 * Nobody touches the second atomic but this thread, yet its loads slow down as in ch7-03,
 * because the three share one cache line (false sharing). Spread out over lines of their
 * own, the loads are fast again.
 *
 * <p>What to see: slow loads with the atomics side by side, fast ones with them spread out.
 *
 * <p>Arguments: {@code loads}, how many loads to time (default 1000000000), and
 * {@code layout}, {@code together}, {@code apart} or {@code both} (the default).
 *
 * <p>Where Java differs: the book aligns a struct to 64 bytes to put each atomic on its own
 * line. Java gives no control over where fields or objects lie in memory (the JDK's own
 * {@code @Contended} is internal), so the three atomics are elements of one {@code long[]}
 * reached through an array {@link VarHandle}: elements 0, 1 and 2 are adjacent, and elements
 * 0, 16 and 32 are 128 bytes apart, which also keeps them off a neighbouring line that the
 * processor may fetch in pairs.
 */
public final class Ch7_04_FalseSharing {

    static final long DEFAULT_LOADS = 1_000_000_000L;
    static final List<String> LAYOUTS = List.of("both", "together", "apart");
    /** Elements between two atomics spread apart: 16 longs, 128 bytes. */
    static final int APART = 16;

    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

    private Ch7_04_FalseSharing() {
    }

    /** Runs the program; the arguments are {@code [loads] [layout]}. */
    public static void run(Terminal terminal, Args args) {
        long loads = args.positive("loads", DEFAULT_LOADS, Long.MAX_VALUE);
        String layout = args.text("layout", "both", LAYOUTS);
        PrintStream out = terminal.out();

        if (!layout.equals("apart")) {
            experiment("side by side", 1, loads, out);
        }
        if (!layout.equals("together")) {
            experiment("on lines of their own", APART, loads, out);
        }
    }

    /** Loads the middle one of three atomics {@code stride} elements apart. */
    private static void experiment(String label, int stride, long loads, PrintStream out) {
        long[] atomics = new long[2 * stride + 1];
        int first = 0;
        int second = stride;
        int third = 2 * stride;

        try (Background others = new Background()) {
            // Opaque access: the VarHandle form of a relaxed store or load.
            others.repeat(() -> {
                ELEMENT.setOpaque(atomics, first, 0L);
                return 0;
            });
            others.repeat(() -> {
                ELEMENT.setOpaque(atomics, third, 0L);
                return 0;
            });
            LoadTimer.time(label, loads, () -> (long) ELEMENT.getOpaque(atomics, second), out);
        }
    }
}
