package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Book ch2-10-id-allocation-subtract-before-panic: ch2-09, but a call that finds the counter
 * at the limit subtracts its increment again before it fails, so the counter no longer walks
 * towards the wrap.
 *
 * <p>What to see: ids 0, 1 and 2; then the rest of the first 1000; then a few calls that fail
 * with "too many IDs!", after each of which the counter is back at 1000.
 *
 * <p>Where Java differs: nothing of note. As the book says, the fix is not airtight: between
 * a thread's add and its subtract, the counter is above the limit, so with enough threads
 * failing at once (about four billion) it could still wrap. ch2-12 closes that gap with a
 * compare-exchange loop.
 */
public final class Ch2_10_IdAllocationSubtractBeforePanic {

    static final int LIMIT = 1000;
    static final int FAILING_CALLS = 3;

    private final AtomicU32 nextId = new AtomicU32(0);

    private Ch2_10_IdAllocationSubtractBeforePanic() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        Ch2_10_IdAllocationSubtractBeforePanic ids = new Ch2_10_IdAllocationSubtractBeforePanic();

        out.println("allocateNewId() = " + ids.allocateNewId());
        out.println("allocateNewId() = " + ids.allocateNewId());
        out.println("allocateNewId() = " + ids.allocateNewId());
        for (int i = 3; i < LIMIT; i++) {
            ids.allocateNewId();
        }
        out.println("took ids up to " + (LIMIT - 1));

        for (int i = 0; i < FAILING_CALLS; i++) {
            try {
                ids.allocateNewId();
                Check.that(false, "an id past the limit was handed out");
            } catch (IllegalStateException tooMany) {
                int counter = ids.nextId.load(RELAXED);
                out.println("allocateNewId() failed: " + tooMany.getMessage()
                        + " (the counter is at " + counter + ")");
                Check.equal(counter, LIMIT, "the counter after a failed call");
            }
        }
    }

    private int allocateNewId() {
        int id = nextId.fetchAdd(1, RELAXED);
        if (Integer.compareUnsigned(id, LIMIT) >= 0) {
            // Undo this call's increment before failing, so failures do not add up.
            nextId.fetchSub(1, RELAXED);
            throw new IllegalStateException("too many IDs!");
        }
        return id;
    }
}
