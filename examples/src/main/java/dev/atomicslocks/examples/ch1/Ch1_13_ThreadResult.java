package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;

/**
 * From the book's text (chapter 1, "Threads in Rust"): a thread computes the average of the
 * numbers 0 to 1000 and hands it back to the thread that joins it.
 *
 * <p>What to see: {@code average: 500}.
 *
 * <p>Where Java differs: Rust's {@code join} returns the closure's return value. A Java
 * {@link Thread} runs a {@code Runnable}, which returns nothing, so the value travels in a
 * {@link FutureTask} that the thread runs and the main thread asks with {@code get()}, which
 * also waits for it. An exception in the thread comes out of {@code get()} as an
 * {@link ExecutionException}, where Rust's {@code join} returns an error for a panic.
 */
public final class Ch1_13_ThreadResult {

    static final int LAST = 1000;

    private Ch1_13_ThreadResult() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args)
            throws InterruptedException, ExecutionException {
        List<Integer> numbers = IntStream.rangeClosed(0, LAST).boxed().toList();

        FutureTask<Integer> average = new FutureTask<>(() -> {
            long sum = 0;
            for (int n : numbers) {
                sum += n;
            }
            return (int) (sum / numbers.size());
        });
        Thread.ofPlatform().start(average);

        // get() waits for the thread's result, as join does in Rust.
        int result = average.get();
        terminal.out().println("average: " + result);
        Check.equal(result, LAST / 2, "the average");
    }
}
