package dev.atomicslocks.examples.ch1;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * From the book's text (chapter 1, "Borrowing and Data Races"): the program Rust's compiler
 * refuses. Several threads add to one plain counter with no lock; in Rust that needs a
 * {@code &mut} shared between threads, which does not compile.
 *
 * <p>What to see: the plain counter ends below the number of increments (usually far below,
 * and differently each run): two threads read the same value, both add one, and one update
 * is lost. The same increments on an atomic counter, with {@code fetchAdd}, all arrive.
 *
 * <p>Argument: {@code increments}, how many times each thread adds one (default 1000000).
 *
 * <p>Where Java differs: javac accepts the race, and the Java memory model defines what it
 * may do (no value out of thin air, no crash) where Rust calls it undefined behaviour. Defined
 * is not correct: {@code count++} on a field is a load and a store, and the JIT may also keep
 * the counter in a register for a whole loop, so the lost updates may come in large chunks.
 * A low count is allowed, and not even guaranteed: a run may happen to lose nothing.
 */
public final class Ch1_16_LostUpdates {

    static final int THREADS = 4;
    static final int DEFAULT_INCREMENTS = 1_000_000;

    /** Written by every thread with no synchronisation at all: a data race. */
    private long plainCount;
    private final AtomicU64 atomicCount = new AtomicU64();

    private Ch1_16_LostUpdates() {
    }

    /** Runs the program; the argument is {@code [increments]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int increments = args.positive("increments", DEFAULT_INCREMENTS);
        Ch1_16_LostUpdates program = new Ch1_16_LostUpdates();

        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> program.addPlain(increments));
            }
        }
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> program.addAtomic(increments));
            }
        }

        long expected = (long) THREADS * increments;
        long plain = program.plainCount;
        long atomic = program.atomicCount.load(RELAXED);
        out.printf("plain long: %d of %d (%d updates lost)%n", plain, expected, expected - plain);
        out.printf("AtomicU64:  %d of %d (%d updates lost)%n", atomic, expected, expected - atomic);
        Check.equal(atomic, expected, "the atomic count");
    }

    private void addPlain(int increments) {
        for (int i = 0; i < increments; i++) {
            plainCount++;
        }
    }

    private void addAtomic(int increments) {
        for (int i = 0; i < increments; i++) {
            atomicCount.fetchAdd(1, RELAXED);
        }
    }
}
