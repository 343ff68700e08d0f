package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.util.List;

/**
 * Book ch3-04-total-modification-order-2: ch3-03 with the two additions made by two different
 * threads. Their order is now up to the race, so the modification order is either 0, 5, 15 or
 * 0, 10, 15, but it is one of them for every thread: a reader never sees both 5 and 10.
 *
 * <p>What to see: four values that follow one of the two orders, such as {@code 0 0 10 15}.
 * With the argument {@code rounds} the program repeats the experiment and counts each
 * sequence.
 *
 * <p>Where Java differs: nothing; see ch3-03.
 */
public final class Ch3_04_TotalModificationOrder2 {

    static final List<Integer> FIVE_FIRST = List.of(0, 5, 15);
    static final List<Integer> TEN_FIRST = List.of(0, 10, 15);

    private final AtomicI32 x = new AtomicI32(0);
    private final int[] seen = new int[4];

    private Ch3_04_TotalModificationOrder2() {
    }

    /** Runs the program; the argument is {@code [rounds]}. */
    public static void run(Terminal terminal, Args args) {
        int rounds = args.positive("rounds", 1);
        Outcomes.repeat(rounds, "the four loads", Ch3_04_TotalModificationOrder2::round,
                terminal.out());
    }

    private static String round() {
        Ch3_04_TotalModificationOrder2 program = new Ch3_04_TotalModificationOrder2();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> program.x.fetchAdd(5, RELAXED));
            scope.spawn(() -> program.x.fetchAdd(10, RELAXED));
            scope.spawn(program::b);
        }
        int[] seen = program.seen;
        String sequence = Ch3_03_TotalModificationOrder.sequence(seen);
        Check.that(Ch3_03_TotalModificationOrder.followsOrder(seen, FIVE_FIRST)
                || Ch3_03_TotalModificationOrder.followsOrder(seen, TEN_FIRST),
                "the loads follow one modification order: " + sequence);
        return sequence;
    }

    private void b() {
        for (int i = 0; i < seen.length; i++) {
            seen[i] = x.load(RELAXED);
        }
    }
}
