package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.util.List;

/**
 * Book ch1-04-scoped-threads: two threads borrow a local list, and both are joined when the
 * scope they were started in ends.
 *
 * <p>What to see: "length: 3" and the numbers 1, 2 and 3 in order; the length line may come
 * before, between or after the numbers.
 *
 * <p>Where Java differs: Rust's scope lets threads borrow locals without {@code move}, because
 * the compiler knows they are joined before the locals go away. Java needs no such proof (the
 * garbage collector keeps the list alive), so a scope here is only about waiting: a
 * {@link ThreadScope} in a try-with-resources block joins its threads when the block ends, and
 * reports an exception that ended one of them, as Rust's scope does with a panic. The JDK's
 * {@code StructuredTaskScope} does the same, but is a preview API in JDK 25; an
 * {@code ExecutorService} closed by try-with-resources waits too, but keeps its tasks'
 * exceptions to itself.
 */
public final class Ch1_04_ScopedThreads {

    private Ch1_04_ScopedThreads() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        List<Integer> numbers = List.of(1, 2, 3);

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> out.println("length: " + numbers.size()));
            scope.spawn(() -> {
                for (int n : numbers) {
                    out.println(n);
                }
            });
        }
    }
}
