package dev.atomicslocks.examples.ch6;

import dev.atomicslocks.arc.steps.BasicArc;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * Chapter 6, step 1, and the book's test: a basic reference count. Two handles share one
 * value; one goes to another thread, which reads the value and closes its handle; the value
 * is dropped only when the last handle, here the main thread's, is closed.
 *
 * <p>What to see: {@code hello} from both threads, the value alive after the other thread's
 * handle is closed, and dropped exactly once after the last one.
 *
 * <p>Where Java differs: Rust moves a handle into the thread and drops it at the end of the
 * closure; here the thread closes the handle it was given, and nothing stops the main thread
 * from still using that handle afterwards (the public {@code Arc}, in ch6-04, refuses that).
 */
public final class Ch6_01_BasicArc {

    private Ch6_01_BasicArc() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        DetectDrop value = new DetectDrop("hello");

        BasicArc<DetectDrop> x = new BasicArc<>(value);
        BasicArc<DetectDrop> y = x.clone();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                try (x) {
                    out.println("other thread: " + x.get().text());
                }
            });
            out.println("main thread: " + y.get().text());
        }

        out.println("drops after the other thread's handle closed: " + value.drops());
        Check.equal(value.drops(), 0, "drops while a handle is open");
        y.close();
        out.println("drops after the last handle closed: " + value.drops());
        Check.equal(value.drops(), 1, "drops after the last handle");
    }
}
