package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.util.BitSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Book ch2-12-id-allocation-without-overflow: id allocation with a compare-exchange loop that
 * checks the limit before it increments, so the counter never goes past it, not even for a
 * moment.
 *
 * <p>What to see: ids 0, 1 and 2, then a call past the limit failing with "too many IDs!" while
 * the counter stays at 1000. Beyond the book, four threads then take ids from a fresh
 * allocator until it refuses: between them they get every id from 0 to 999 exactly once.
 *
 * <p>Where Java differs: {@code compareExchangeWeak} returns only whether it succeeded (the
 * {@code VarHandle.weakCompareAndSet} convention), so the loop loads the counter again after
 * a failure, where Rust's {@code Err} carries the value found.
 */
public final class Ch2_12_IdAllocationWithoutOverflow {

    static final int LIMIT = 1000;
    static final int THREADS = 4;

    private final AtomicU32 nextId = new AtomicU32(0);

    private Ch2_12_IdAllocationWithoutOverflow() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        Ch2_12_IdAllocationWithoutOverflow ids = new Ch2_12_IdAllocationWithoutOverflow();

        out.println("allocateNewId() = " + ids.allocateNewId());
        out.println("allocateNewId() = " + ids.allocateNewId());
        out.println("allocateNewId() = " + ids.allocateNewId());
        for (int i = 3; i < LIMIT; i++) {
            ids.allocateNewId();
        }
        try {
            ids.allocateNewId();
            Check.that(false, "an id past the limit was handed out");
        } catch (IllegalStateException tooMany) {
            out.println("allocateNewId() failed: " + tooMany.getMessage()
                    + " (the counter is at " + ids.nextId.load(RELAXED) + ")");
        }
        Check.equal(ids.nextId.load(RELAXED), LIMIT, "the counter after a refused call");

        BitSet taken = takeAllConcurrently(new Ch2_12_IdAllocationWithoutOverflow());
        out.println(THREADS + " threads took " + taken.cardinality() + " different ids, from "
                + taken.nextSetBit(0) + " to " + (taken.length() - 1));
        Check.equal(taken.cardinality(), LIMIT, "different ids taken by the threads");
        Check.equal(taken.length(), LIMIT, "one past the highest id taken");
    }

    /** Every id that {@link #THREADS} threads took from {@code ids}; fails on a duplicate. */
    private static BitSet takeAllConcurrently(Ch2_12_IdAllocationWithoutOverflow ids) {
        ConcurrentLinkedQueue<Integer> all = new ConcurrentLinkedQueue<>();
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> {
                    try {
                        while (true) {
                            all.add(ids.allocateNewId());
                        }
                    } catch (IllegalStateException tooMany) {
                        // This thread is done: every id is taken.
                    }
                });
            }
        }
        BitSet taken = new BitSet(LIMIT);
        for (int id : all) {
            Check.that(!taken.get(id), "id " + id + " was handed out twice");
            taken.set(id);
        }
        return taken;
    }

    private int allocateNewId() {
        int id = nextId.load(RELAXED);
        while (true) {
            // The check comes first: the counter is only ever raised to a valid id + 1.
            if (Integer.compareUnsigned(id, LIMIT) >= 0) {
                throw new IllegalStateException("too many IDs!");
            }
            if (nextId.compareExchangeWeak(id, id + 1, RELAXED, RELAXED)) {
                return id;
            }
            // Another thread took an id meanwhile (or the weak exchange failed spuriously).
            id = nextId.load(RELAXED);
        }
    }
}
