package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Book ch1-01-hello: two threads are started and the main thread returns without waiting for
 * them.
 *
 * <p>What to see: "Hello from the main thread." and, maybe, some of what the two other threads
 * print. In Rust the process ends when {@code main} returns, cutting the other threads off
 * wherever they are, so their output may be missing or cut short, and it differs between runs.
 *
 * <p>Where Java differs: the JVM exits only when every non-daemon thread has ended, so a plain
 * {@code Thread} would always finish its printing. To behave as Rust does, the threads here are
 * daemon threads, which the JVM abandons once the last non-daemon thread (the main thread) is
 * done. A thread's id is a {@code long} from {@link Thread#threadId()}, unique in the JVM;
 * Rust prints its opaque {@code ThreadId} as {@code ThreadId(2)}.
 */
public final class Ch1_01_Hello {

    private Ch1_01_Hello() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        Runnable f = () -> {
            out.println("Hello from another thread!");
            out.println("This is my thread id: " + Thread.currentThread().threadId());
        };

        // Daemon threads: nothing waits for them once the main thread is done.
        Thread.ofPlatform().daemon(true).start(f);
        Thread.ofPlatform().daemon(true).start(f);

        out.println("Hello from the main thread.");
    }
}
