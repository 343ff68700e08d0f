package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Book ch3-11-fence: ten threads each compute a value, write it to a plain array slot and set
 * their own flag with a release store. After half a second the main thread reads all ten
 * flags relaxed and, if any is set, issues one acquire fence: that fence pairs with the
 * release store of every flag it saw set, so the slots of those threads are visible without
 * an acquire load per flag.
 *
 * <p>What to see: {@code data0 = 123} and so on for the threads that finished within half a
 * second (the computations take 400, 500 or 600 ms), usually about four of them, then how
 * many were ready.
 *
 * <p>Argument: {@code speedup}, a whole number that divides every sleep (default 1).
 *
 * <p>Where Java differs: {@code Atomics.fence(ACQUIRE)} is {@code VarHandle.acquireFence()}.
 * The book's threads are never joined and die with the process; here a scope joins them at
 * the end, after the report. The jcstress test {@code Ch3_11_AcquireFence} checks the
 * fence's pairing.
 */
public final class Ch3_11_Fence {

    static final int THREADS = 10;
    static final long RESULT = 123;
    static final Duration WAIT = Duration.ofMillis(500);

    /** Slot i is written by thread i before ready[i] is set, and read only after that. */
    private final long[] data = new long[THREADS];
    private final AtomicBool[] ready = new AtomicBool[THREADS];

    private Ch3_11_Fence() {
        for (int i = 0; i < THREADS; i++) {
            ready[i] = new AtomicBool(false);
        }
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        Ch3_11_Fence program = new Ch3_11_Fence();

        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                int i = t;
                scope.spawn(() -> {
                    program.data[i] = someCalculation(i, time);
                    program.ready[i].store(true, RELEASE);
                });
            }
            time.sleep(WAIT);
            program.report(out);
        }
    }

    private void report(PrintStream out) {
        boolean[] seen = new boolean[THREADS];
        boolean any = false;
        for (int i = 0; i < THREADS; i++) {
            seen[i] = ready[i].load(RELAXED);
            any |= seen[i];
        }
        int count = 0;
        if (any) {
            // One fence for every flag seen set: it pairs with each of their release stores.
            Atomics.fence(ACQUIRE);
            for (int i = 0; i < THREADS; i++) {
                if (seen[i]) {
                    out.println("data" + i + " = " + data[i]);
                    Check.equal(data[i], RESULT, "data" + i);
                    count++;
                }
            }
        }
        out.println(count + " of " + THREADS + " were ready");
    }

    private static long someCalculation(int i, TimeScale time) {
        time.sleep(Duration.ofMillis(400 + i % 3 * 100));
        return RESULT;
    }
}
