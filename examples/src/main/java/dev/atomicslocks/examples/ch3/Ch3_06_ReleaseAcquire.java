package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Book ch3-06-release-acquire: a thread stores 123 into {@code data} (relaxed) and then sets
 * {@code ready} with a release store; the main thread waits for {@code ready} with acquire
 * loads and then reads {@code data}. The release store and the acquire load that sees it form
 * a happens-before relation, so everything the thread did before the store is visible after
 * the load.
 *
 * <p>What to see: {@code waiting...} zero or more times, then {@code 123}, never 0. The
 * jcstress test {@code Ch3_06_MessagePassing.AtomicDataReleaseAcquire} checks it.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the 100 ms pause (default 1).
 *
 * <p>Where Java differs: release and acquire are {@code setRelease} and {@code getAcquire}.
 * The book never joins the thread (it ends with the process); here a scope joins it.
 */
public final class Ch3_06_ReleaseAcquire {

    static final long DATA = 123;
    static final Duration PAUSE = Duration.ofMillis(100);

    private final AtomicU64 data = new AtomicU64(0);
    private final AtomicBool ready = new AtomicBool(false);

    private Ch3_06_ReleaseAcquire() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        Ch3_06_ReleaseAcquire program = new Ch3_06_ReleaseAcquire();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                program.data.store(DATA, RELAXED);
                program.ready.store(true, RELEASE); // Everything before this store ...
            });
            while (!program.ready.load(ACQUIRE)) { // ... is visible once this loads true.
                time.sleep(PAUSE);
                out.println("waiting...");
            }
            long seen = program.data.load(RELAXED);
            out.println(seen);
            Check.equal(seen, DATA, "data");
        }
    }
}
