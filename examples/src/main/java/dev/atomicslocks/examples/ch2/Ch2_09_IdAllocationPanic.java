package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Book ch2-09-id-allocation-panic: ch2-08 with a limit of 1000 ids, checked after the
 * increment. The check throws for every id past the limit, but the increment has already
 * happened: after 2^32 failed calls the counter wraps, and 0 is handed out again.
 *
 * <p>What to see: id 0, then progress while the program makes the remaining calls, each of
 * which fails with "too many IDs!", then {@code overflowed!} and id 0 again.
 *
 * <p>Argument: {@code remaining}, how many failing calls to make before the wrap instead of
 * all 4,294,966,296 past the limit; the counter then jumps forward to that many short of the
 * wrap. The full walk throws four billion exceptions and takes hours, as in the book.
 *
 * <p>Where Java differs: Rust's {@code assert!} panics and the program catches the panic with
 * {@code catch_unwind}; here the check throws an {@link IllegalStateException} and the loop
 * catches it. The counting is the same.
 */
public final class Ch2_09_IdAllocationPanic {

    static final int LIMIT = 1000;
    /** The calls left in the 32-bit range after the first LIMIT: 2^32 - 1000. */
    static final long ALL_REMAINING = (1L << Integer.SIZE) - LIMIT;

    private final AtomicU32 nextId = new AtomicU32(0);

    private Ch2_09_IdAllocationPanic() {
    }

    /** Runs the program; the argument is {@code [remaining]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        long remaining = args.positive("remaining", ALL_REMAINING, ALL_REMAINING);
        Ch2_09_IdAllocationPanic ids = new Ch2_09_IdAllocationPanic();

        out.println("allocateNewId() = " + ids.allocateNewId()); // 0
        for (int i = 1; i < LIMIT; i++) {
            ids.allocateNewId(); // 1 through 999
        }

        // Skip ahead, when asked, to `remaining` calls short of the wrap.
        ids.nextId.store((int) ((1L << Integer.SIZE) - remaining), RELAXED);

        out.println("overflowing the counter, one failed call at a time...");
        Progress progress = new Progress(remaining, out);
        long failures = 0;
        for (long done = 1; done <= remaining; done++) {
            try {
                ids.allocateNewId();
            } catch (IllegalStateException tooMany) {
                failures++;
            }
            progress.stepsDone(done);
        }
        out.println("overflowed! (" + failures + " calls failed on the way)");
        Check.equal(failures, remaining, "failed calls");

        int wrapped = ids.allocateNewId();
        out.println("allocateNewId() = " + wrapped);
        Check.equal(wrapped, 0, "the id after the wrap");
    }

    /** Broken: the check comes after the increment, which still counts towards the wrap. */
    private int allocateNewId() {
        int id = nextId.fetchAdd(1, RELAXED);
        if (Integer.compareUnsigned(id, LIMIT) >= 0) {
            throw new IllegalStateException("too many IDs!");
        }
        return id;
    }
}
