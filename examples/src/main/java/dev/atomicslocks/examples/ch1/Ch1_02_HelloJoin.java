package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Book ch1-02-hello-join: the program of ch1-01, but the main thread joins both threads
 * before it returns.
 *
 * <p>What to see: all five lines, every time; only their order changes from run to run, and
 * one thread's two lines may have the other's in between.
 *
 * <p>Where Java differs: {@link Thread#join()} returns nothing, where Rust's {@code join}
 * returns a {@code Result} that is an error when the thread panicked. An exception that ends a
 * Java thread goes to its uncaught-exception handler instead (by default: printed to standard
 * error), and {@code join} returns normally.
 */
public final class Ch1_02_HelloJoin {

    private Ch1_02_HelloJoin() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();
        Runnable f = () -> {
            out.println("Hello from another thread!");
            out.println("This is my thread id: " + Thread.currentThread().threadId());
        };

        Thread t1 = Thread.ofPlatform().start(f);
        Thread t2 = Thread.ofPlatform().start(f);

        out.println("Hello from the main thread.");

        t1.join();
        t2.join();
    }
}
