package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.util.Set;

/**
 * Book ch3-01-relaxed: one thread stores 10 into {@code x} and then 20 into {@code y}, both
 * relaxed; another loads {@code y} and then {@code x} and prints {@code x y}. Relaxed
 * operations on different variables have no order between them, so the reader may see the
 * second store and not the first: {@code 0 20}.
 *
 * <p>What to see: one of {@code 0 0}, {@code 10 0}, {@code 10 20} or {@code 0 20}. With the
 * argument {@code rounds} the program repeats the experiment and counts each outcome. On x86
 * {@code 0 20} does not show (its stores reach other cores in program order, and the JIT keeps
 * the order here); the Java memory model allows it, and weakly ordered hardware such as ARM
 * shows it. The jcstress test {@code Ch3_06_MessagePassing.AtomicDataRelaxedOnWeakHardware}
 * in the {@code stress} module checks the same reordering.
 *
 * <p>Where Java differs: a relaxed load or store is an opaque {@code VarHandle} access, which
 * orders nothing but accesses to the same variable, just like Rust's {@code Relaxed}.
 */
public final class Ch3_01_Relaxed {

    static final Set<String> POSSIBLE = Set.of("0 0", "10 0", "10 20", "0 20");

    private final AtomicI32 x = new AtomicI32(0);
    private final AtomicI32 y = new AtomicI32(0);
    private String seen = "";

    private Ch3_01_Relaxed() {
    }

    /** Runs the program; the argument is {@code [rounds]}. */
    public static void run(Terminal terminal, Args args) {
        int rounds = args.positive("rounds", 1);
        Outcomes.repeat(rounds, "x y", Ch3_01_Relaxed::round, terminal.out());
    }

    private static String round() {
        Ch3_01_Relaxed program = new Ch3_01_Relaxed();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(program::a);
            scope.spawn(program::b);
        }
        // The scope joined the reader, so its result is visible here.
        Check.that(POSSIBLE.contains(program.seen), "a possible outcome: " + program.seen);
        return program.seen;
    }

    private void a() {
        x.store(10, RELAXED);
        y.store(20, RELAXED);
    }

    private void b() {
        int yValue = y.load(RELAXED);
        int xValue = x.load(RELAXED);
        seen = xValue + " " + yValue;
    }
}
