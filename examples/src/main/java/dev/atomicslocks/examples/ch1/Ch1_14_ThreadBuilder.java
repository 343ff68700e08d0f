package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * From the book's text (chapter 1, "Threads in Rust"): a thread builder sets a thread's name
 * (and could set its stack size) before it starts.
 *
 * <p>What to see: two lines, one from {@code worker-0} and one from {@code worker-1}, in
 * either order, then the main thread's own name.
 *
 * <p>Where Java differs: {@link Thread#ofPlatform()} is the builder; {@code name(prefix, 0)}
 * numbers the threads it starts. Rust's {@code Builder::spawn} returns an {@code io::Result}
 * because the operating system may refuse a thread; Java's {@code start} throws
 * {@link OutOfMemoryError} ("unable to create native thread") in that case. A name shows up in
 * thread dumps and debuggers, in both languages.
 */
public final class Ch1_14_ThreadBuilder {

    static final long STACK_BYTES = 1 << 20;

    private Ch1_14_ThreadBuilder() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();
        Thread.Builder builder = Thread.ofPlatform().name("worker-", 0).stackSize(STACK_BYTES);
        Runnable greet = () -> out.println(
                "Hello from the thread named " + Thread.currentThread().getName());

        Thread first = builder.start(greet);
        Thread second = builder.start(greet);
        first.join();
        second.join();

        out.println("and this is " + Thread.currentThread().getName());
    }
}
