package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;
import java.util.List;

/**
 * Book ch1-03-spawn-closure: a thread runs a closure that uses a list made by the main
 * thread.
 *
 * <p>What to see: 1, 2 and 3, one a line.
 *
 * <p>Where Java differs: Rust must {@code move} the vector into the closure, because the new
 * thread may outlive the function that owns it, and the compiler refuses a borrow that might
 * dangle. A Java lambda captures a reference to the list, which the garbage collector keeps
 * alive for as long as any thread can reach it; nothing is moved, and the main thread may go
 * on using the list. That is safe here only because {@link List#of} makes an immutable list:
 * had it been an {@code ArrayList} that both threads changed, javac would have accepted the
 * data race that Rust's ownership rules exclude.
 */
public final class Ch1_03_SpawnClosure {

    private Ch1_03_SpawnClosure() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();
        List<Integer> numbers = List.of(1, 2, 3);

        Thread thread = Thread.ofPlatform().start(() -> {
            for (int n : numbers) {
                out.println(n);
            }
        });
        thread.join();
    }
}
