package dev.atomicslocks.examples.ch7;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * From the book's text (chapter 7, "An Experiment"): a spin lock whose lock and unlock are
 * relaxed instead of acquire and release, guarding a plain counter that four threads
 * increment. Without the orderings, a thread's increment may become visible after its unlock,
 * so the next holder reads a stale count and an update is lost. The book sees that on ARM64;
 * x86 orders every store after the loads and stores before it, so it shows nothing there.
 * The correct lock, with acquire and release, runs beside it.
 *
 * <p>What to see: the counts of both locks, and how many increments each lost. On x86 both
 * lose none: the bug is real (the Java memory model allows the lost updates) but this
 * hardware, and HotSpot's JIT, which does not move the plain increment past the opaque store
 * here, hide it. On weakly ordered hardware the relaxed lock loses some.
 *
 * <p>Argument: {@code increments}, how many times each thread adds one (default 1000000).
 *
 * <p>Where Java differs: the relaxed lock is a {@code weakCompareAndSetPlain} and the relaxed
 * unlock an opaque store ({@code setOpaque}); the correct lock uses
 * {@code weakCompareAndSetAcquire} and {@code setRelease}. On x86 both compare-exchanges are
 * the same {@code lock cmpxchg} instruction, so only the JIT could tell them apart.
 */
public final class Ch7_05_RelaxedLock {

    static final int THREADS = 4;
    static final int DEFAULT_INCREMENTS = 1_000_000;

    private final AtomicBool locked = new AtomicBool(false);
    /** Read and written while holding {@link #locked}, if the lock worked. */
    private long counter;

    private Ch7_05_RelaxedLock() {
    }

    /** Runs the program; the argument is {@code [increments]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int increments = args.positive("increments", DEFAULT_INCREMENTS);
        long expected = (long) THREADS * increments;

        Ch7_05_RelaxedLock relaxed = new Ch7_05_RelaxedLock();
        relaxed.race(increments, false);
        out.printf("relaxed lock:         %d of %d (%d lost)%n", relaxed.counter, expected,
                expected - relaxed.counter);

        Ch7_05_RelaxedLock acquireRelease = new Ch7_05_RelaxedLock();
        acquireRelease.race(increments, true);
        out.printf("acquire/release lock: %d of %d (%d lost)%n", acquireRelease.counter,
                expected, expected - acquireRelease.counter);
        Check.equal(acquireRelease.counter, expected, "the correct lock's count");
    }

    private void race(int increments, boolean ordered) {
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> {
                    for (int i = 0; i < increments; i++) {
                        lock(ordered);
                        counter++;
                        unlock(ordered);
                    }
                });
            }
        }
    }

    private void lock(boolean ordered) {
        while (!locked.compareExchangeWeak(false, true, ordered ? ACQUIRE : RELAXED, RELAXED)) {
            Atomics.spinLoop();
        }
    }

    private void unlock(boolean ordered) {
        locked.store(false, ordered ? RELEASE : RELAXED);
    }
}
