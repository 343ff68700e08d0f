package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.util.List;
import java.util.StringJoiner;

/**
 * Book ch3-03-total-modification-order: one thread adds 5 and then 10 to {@code x}; another
 * loads it four times. Every atomic variable has one total order of modifications that all
 * threads agree on, even with relaxed ordering: here 0, 5, 15. So the four loads see values
 * of that order, never going back: {@code 0 5 5 15} is possible, {@code 0 15 5 15} is not.
 *
 * <p>What to see: four of 0, 5 and 15, in that order. With the argument {@code rounds} the
 * program repeats the experiment and counts each sequence. The jcstress test
 * {@code Ch3_03_Coherence.FetchAdds} checks it.
 *
 * <p>Where Java differs: nothing: opaque accesses keep the per-variable order that Rust's
 * relaxed accesses keep (the JDK calls it coherence).
 */
public final class Ch3_03_TotalModificationOrder {

    static final List<Integer> MODIFICATION_ORDER = List.of(0, 5, 15);

    private final AtomicI32 x = new AtomicI32(0);
    private final int[] seen = new int[4];

    private Ch3_03_TotalModificationOrder() {
    }

    /** Runs the program; the argument is {@code [rounds]}. */
    public static void run(Terminal terminal, Args args) {
        int rounds = args.positive("rounds", 1);
        Outcomes.repeat(rounds, "the four loads", Ch3_03_TotalModificationOrder::round,
                terminal.out());
    }

    private static String round() {
        Ch3_03_TotalModificationOrder program = new Ch3_03_TotalModificationOrder();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(program::a);
            scope.spawn(program::b);
        }
        String sequence = sequence(program.seen);
        Check.that(followsOrder(program.seen, MODIFICATION_ORDER),
                "the loads follow the modification order 0, 5, 15: " + sequence);
        return sequence;
    }

    /**
     * Whether every value in {@code seen} is in {@code order}, and no value comes after one
     * that is later in {@code order}.
     */
    static boolean followsOrder(int[] seen, List<Integer> order) {
        int last = 0;
        for (int value : seen) {
            int position = order.indexOf(value);
            if (position < last) {
                return false;
            }
            last = position;
        }
        return true;
    }

    private void a() {
        x.fetchAdd(5, RELAXED);
        x.fetchAdd(10, RELAXED);
    }

    private void b() {
        for (int i = 0; i < seen.length; i++) {
            seen[i] = x.load(RELAXED);
        }
    }

    /** The values seen, separated by spaces. */
    static String sequence(int[] seen) {
        StringJoiner joined = new StringJoiner(" ");
        for (int value : seen) {
            joined.add(Integer.toString(value));
        }
        return joined.toString();
    }
}
