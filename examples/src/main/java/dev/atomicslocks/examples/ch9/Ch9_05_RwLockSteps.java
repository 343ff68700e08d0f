package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.locks.steps.RwLock1;
import dev.atomicslocks.locks.steps.RwLock2;
import dev.atomicslocks.locks.steps.RwLock3;
import dev.atomicslocks.locks.steps.RwLockStep;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Chapter 9's reader-writer lock steps, each through the book's two properties: readers share
 * the lock (two of them are inside at the same moment), and a writer has it alone (writers
 * incrementing a counter while readers check it never lose an increment, and no reader sees
 * a half-done update).
 *
 * <p>What to see: for each of {@code RwLock1}, {@code RwLock2} and {@code RwLock3}, that two
 * readers met inside the lock, and the exact count after the writers.
 *
 * <p>Argument: {@code increments}, how many times each writer adds one (default 10000).
 *
 * <p>Where Java differs: nothing in what is shown. The steps differ in what the program
 * cannot show in one run: how often waiting writers wake for nothing ({@code RwLock2} stops
 * readers from waking them) and whether a stream of readers can keep a writer out for ever
 * ({@code RwLock3} lets a waiting writer stop new readers). The unit and jcstress tests of the
 * {@code locks} and {@code stress} modules check those.
 */
public final class Ch9_05_RwLockSteps {

    static final int WRITERS = 2;
    static final int READERS = 2;
    static final int DEFAULT_INCREMENTS = 10_000;
    /** How long two readers wait for each other inside the lock before giving up; chosen. */
    static final long MEETING_SECONDS = 30;

    private Ch9_05_RwLockSteps() {
    }

    /** A step by name. */
    private record Step(String name, Supplier<RwLockStep<long[]>> factory) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("RwLock1", () -> new RwLock1<>(new long[2])),
            new Step("RwLock2", () -> new RwLock2<>(new long[2])),
            new Step("RwLock3", () -> new RwLock3<>(new long[2])));

    /** Runs the program; the argument is {@code [increments]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int increments = args.positive("increments", DEFAULT_INCREMENTS);
        for (Step step : STEPS) {
            readersMeet(step.factory().get());
            out.println(step.name() + ": two readers were inside at the same moment");

            long count = writeWhileReading(step.factory().get(), increments);
            out.println(step.name() + ": " + WRITERS + " writers x " + increments + " = " + count);
            Check.equal(count, (long) WRITERS * increments, step.name() + " count");
        }
    }

    /** Two threads take the read lock and wait for each other before letting go. */
    private static void readersMeet(RwLockStep<long[]> lock) {
        CyclicBarrier meeting = new CyclicBarrier(READERS);
        try (ThreadScope scope = new ThreadScope()) {
            for (int r = 0; r < READERS; r++) {
                scope.spawn(() -> {
                    RwLockStep.ReadGuard<long[]> guard = lock.read();
                    try {
                        // Only returns if the other reader holds the lock at the same time.
                        meeting.await(MEETING_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("the readers never met inside", e);
                    } finally {
                        guard.close();
                    }
                });
            }
        }
    }

    /**
     * Writers add one to both halves of a pair, readers check that the halves agree; returns
     * the count the writers reached.
     */
    private static long writeWhileReading(RwLockStep<long[]> lock, int increments) {
        try (ThreadScope scope = new ThreadScope()) {
            for (int w = 0; w < WRITERS; w++) {
                scope.spawn(() -> {
                    for (int i = 0; i < increments; i++) {
                        try (var guard = lock.write()) {
                            guard.get()[0]++;
                            guard.get()[1]++;
                        }
                    }
                });
            }
            for (int r = 0; r < READERS; r++) {
                scope.spawn(() -> {
                    for (int i = 0; i < increments; i++) {
                        try (var guard = lock.read()) {
                            long[] pair = guard.get();
                            Check.that(pair[0] == pair[1], "a reader sees whole updates only");
                        }
                    }
                });
            }
        }
        try (var guard = lock.read()) {
            return guard.get()[0];
        }
    }
}
