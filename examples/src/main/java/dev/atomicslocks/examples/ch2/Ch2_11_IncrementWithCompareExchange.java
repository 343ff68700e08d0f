package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * Book ch2-11-increment-with-compare-exchange: an increment written as a compare-exchange
 * loop, the pattern behind every read-modify-write that the hardware has no instruction for.
 *
 * <p>What to see: {@code a = 2} after two increments, as the book asserts. Then, beyond the
 * book, four threads increment one atomic together: the total is exact, and the program
 * reports how many compare-exchanges lost a race and went round the loop again (a number that
 * changes from run to run, and may be 0 on a quiet machine).
 *
 * <p>Argument: {@code increments}, how many increments each of the four threads makes
 * (default 100000).
 *
 * <p>Where Java differs: Rust's {@code compare_exchange} returns {@code Ok} or {@code Err}
 * with the value it found; {@code compareExchange} here returns the value found, and it
 * succeeded when that equals the expected value (the {@code VarHandle} convention).
 */
public final class Ch2_11_IncrementWithCompareExchange {

    static final int THREADS = 4;
    static final int DEFAULT_INCREMENTS = 100_000;

    private Ch2_11_IncrementWithCompareExchange() {
    }

    /** Runs the program; the argument is {@code [increments]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int increments = args.positive("increments", DEFAULT_INCREMENTS);

        AtomicU32 a = new AtomicU32(0);
        increment(a);
        increment(a);
        out.println("a = " + a.load(RELAXED));
        Check.equal(a.load(RELAXED), 2, "a");

        AtomicU32 shared = new AtomicU32(0);
        AtomicU64 retries = new AtomicU64();
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> {
                    for (int i = 0; i < increments; i++) {
                        retries.fetchAdd(increment(shared), RELAXED);
                    }
                });
            }
        }
        long expected = (long) THREADS * increments;
        out.println(THREADS + " threads x " + increments + " increments: "
                + Integer.toUnsignedString(shared.load(RELAXED)) + ", after "
                + retries.load(RELAXED) + " retries");
        Check.equal(Integer.toUnsignedLong(shared.load(RELAXED)), expected, "the total");
    }

    /** Adds one to {@code a}; returns how many times another thread got in first. */
    private static int increment(AtomicU32 a) {
        int retries = 0;
        int current = a.load(RELAXED);
        while (true) {
            int next = current + 1;
            int found = a.compareExchange(current, next, RELAXED, RELAXED);
            if (found == current) {
                return retries;
            }
            // Another thread changed it since the load: try again from what it holds now.
            current = found;
            retries++;
        }
    }
}
