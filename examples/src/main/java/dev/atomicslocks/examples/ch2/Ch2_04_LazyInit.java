package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Book ch2-04-lazy-init: a value that takes a second to compute is computed on first use and
 * kept in an atomic, with 0 meaning "not yet". There is no lock, so two threads that both
 * find 0 both compute it, and both store the same value.
 *
 * <p>What to see: {@code getX() = 123} twice, after one computation; then two threads asking
 * at the same time on a fresh value, which usually computes it twice. That race is harmless
 * because the computation always gives the same result and has no side effects.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the one-second computation
 * (default 1).
 *
 * <p>Where Java differs: the book keeps {@code X} in a {@code static} inside the function;
 * here it is a field of a {@link LazyX} object, so that the program can start again with a
 * fresh one for the race. The JDK's answer to "compute once" is a class holder or a
 * {@code StableValue} (a preview API in JDK 25); neither is what this program is about.
 */
public final class Ch2_04_LazyInit {

    static final long X = 123;
    static final Duration CALCULATION = Duration.ofSeconds(1);
    static final int RACERS = 2;

    private Ch2_04_LazyInit() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();

        LazyX x = new LazyX(time);
        out.println("getX() = " + Long.toUnsignedString(x.get()));
        out.println("getX() = " + Long.toUnsignedString(x.get()));
        out.println(calculations(x));

        out.println(RACERS + " threads at once, on a fresh value:");
        LazyX fresh = new LazyX(time);
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < RACERS; t++) {
                scope.spawn(() -> out.println("getX() = " + Long.toUnsignedString(fresh.get())));
            }
        }
        out.println(calculations(fresh));
        Check.equal(x.calculations.load(RELAXED), 1, "calculations without a race");
    }

    private static String calculations(LazyX x) {
        int n = x.calculations.load(RELAXED);
        return "calculateX ran " + n + (n == 1 ? " time" : " times");
    }

    /** One lazily computed value. */
    private static final class LazyX {
        private final AtomicU64 x = new AtomicU64(0);
        /** How many times calculate ran; for the report only. */
        private final AtomicU32 calculations = new AtomicU32();
        private final TimeScale time;

        LazyX(TimeScale time) {
            this.time = time;
        }

        long get() {
            long value = x.load(RELAXED);
            if (value == 0) {
                // Not computed yet, or another thread is computing it right now.
                value = calculate();
                x.store(value, RELAXED);
            }
            return value;
        }

        private long calculate() {
            calculations.fetchAdd(1, RELAXED);
            time.sleep(CALCULATION);
            return X;
        }
    }
}
