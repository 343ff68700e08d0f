package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Book ch3-07-release-acquire-unsafe: ch3-06 with the data in a plain field instead of an
 * atomic. The release store of {@code ready} and the acquire load that sees it order the plain
 * write before the plain read, so the read is not a data race.
 *
 * <p>What to see: {@code waiting...} zero or more times, then {@code 123}, never 0. The
 * jcstress test {@code Ch3_06_MessagePassing.PlainDataReleaseAcquire} checks it, and its
 * {@code PlainFlagMutant} shows the JIT reading the data early when the flag is plain too.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the 100 ms pause (default 1).
 *
 * <p>Where Java differs: the book's {@code static mut} needs {@code unsafe} blocks, whose
 * safety comments say why no other thread touches {@code DATA} at that moment. Java has no
 * such marker: the plain field below is accessed the same way, and the same reasoning makes
 * it correct, but javac would accept the code just as well without the flag. A mistake here
 * is not undefined behaviour as in Rust, only a stale read: "unchecked" rather than "unsafe".
 */
public final class Ch3_07_ReleaseAcquireUnsafe {

    static final long DATA = 123;
    static final Duration PAUSE = Duration.ofMillis(100);

    /** Written before {@link #ready} is set, read after it is seen set; never otherwise. */
    private long data;
    private final AtomicBool ready = new AtomicBool(false);

    private Ch3_07_ReleaseAcquireUnsafe() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        Ch3_07_ReleaseAcquireUnsafe program = new Ch3_07_ReleaseAcquireUnsafe();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                // Nothing else touches data yet: ready is not set.
                program.data = DATA;
                program.ready.store(true, RELEASE); // Everything before this store ...
            });
            while (!program.ready.load(ACQUIRE)) { // ... is visible once this loads true.
                time.sleep(PAUSE);
                out.println("waiting...");
            }
            // Nothing writes data any more: ready is set.
            long seen = program.data;
            out.println(seen);
            Check.equal(seen, DATA, "data");
        }
    }
}
