package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Book ch2-08-id-allocation: ids handed out by {@code fetchAdd} on a 32-bit counter. The
 * version is broken on purpose: after 2^32 ids the counter wraps and 0 is handed out again.
 *
 * <p>What to see: ids 0, 1 and 2, then progress while the program takes the remaining ids of
 * the 32-bit range, then {@code overflowed!} and id 0 again.
 *
 * <p>Argument: {@code remaining}, how many ids to take before the wrap instead of all
 * 4,294,967,293 that are left after the first three. The counter then jumps forward to that
 * many short of the wrap, so that a test can show the wrap in a moment; the full walk takes
 * about half a minute here.
 *
 * <p>Where Java differs: the counter is an {@link AtomicU32} (an {@code int} read unsigned),
 * and Java's {@code int} arithmetic wraps silently, as the atomic's does in Rust. The book's
 * {@code dbg!} becomes a {@code println}.
 */
public final class Ch2_08_IdAllocation {

    /** The ids left in the 32-bit range after the first three: 2^32 - 3. */
    static final long ALL_REMAINING = (1L << Integer.SIZE) - 3;

    private final AtomicU32 nextId = new AtomicU32(0);

    private Ch2_08_IdAllocation() {
    }

    /** Runs the program; the argument is {@code [remaining]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        long remaining = args.positive("remaining", ALL_REMAINING, ALL_REMAINING);
        Ch2_08_IdAllocation ids = new Ch2_08_IdAllocation();

        out.println("allocateNewId() = " + Integer.toUnsignedString(ids.allocateNewId()));
        out.println("allocateNewId() = " + Integer.toUnsignedString(ids.allocateNewId()));
        out.println("allocateNewId() = " + Integer.toUnsignedString(ids.allocateNewId()));

        // Skip ahead, when asked, to `remaining` ids short of the wrap.
        ids.nextId.store((int) ((1L << Integer.SIZE) - remaining), RELAXED);

        out.println("overflowing the counter...");
        Progress progress = new Progress(remaining, out);
        for (long done = 1; done <= remaining; done++) {
            ids.allocateNewId();
            progress.stepsDone(done);
        }
        out.println("overflowed!");

        int wrapped = ids.allocateNewId();
        out.println("allocateNewId() = " + Integer.toUnsignedString(wrapped));
        Check.equal(wrapped, 0, "the id after the wrap");
    }

    /** Broken: hands out 0 again after 2^32 ids. */
    private int allocateNewId() {
        return nextId.fetchAdd(1, RELAXED);
    }
}
