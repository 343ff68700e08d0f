package dev.atomicslocks.examples.ch6;

import dev.atomicslocks.arc.Arc;
import dev.atomicslocks.arc.Weak;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.locks.Mutex;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 6's final type, {@link Arc} and {@link Weak}: the book's test, then what the handles
 * check that Rust's compiler checks for the book, then what they add: waiting until a handle
 * is the last one, so that a shutdown can let the other users finish and then take the value
 * for itself.
 *
 * <p>What to see: the book's test as in ch6-02; two misuses of a closed handle refused with an
 * {@code IllegalStateException}; then four workers using a shared list through their own
 * handles while the main thread waits to be the last one, after which {@code getMut} gives it
 * the list with every worker's entry.
 *
 * <p>Where Java differs: Rust drops a handle when it goes out of scope and refuses any use
 * after that at compile time; a Java handle is closed by try-with-resources or by hand, and
 * each use checks that it is still open. A handle that is never closed keeps the value alive;
 * the module can report such handles when they are garbage collected (see {@code Arc}).
 */
public final class Ch6_04_Arc {

    static final int WORKERS = 4;

    private Ch6_04_Arc() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        bookTest(out);
        showMisuse(out);
        showShutdown(out);
    }

    private static void bookTest(PrintStream out) {
        DetectDrop value = new DetectDrop("hello");
        Arc<DetectDrop> x = Arc.of(value);
        Weak<DetectDrop> y = x.downgrade();
        Weak<DetectDrop> z = x.downgrade();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                try (y; Arc<DetectDrop> upgraded =
                        Check.present(y.upgrade(), "the weak handle upgrades")) {
                    out.println("other thread: " + upgraded.get().text());
                }
            });
            out.println("main thread: " + x.get().text());
        }

        Check.equal(value.drops(), 0, "drops while the strong handle is open");
        try (Arc<DetectDrop> upgraded = Check.present(z.upgrade(), "the weak handle upgrades")) {
            out.println("upgrade while the strong handle is open: works ("
                    + upgraded.get().text() + ")");
        }
        x.close();
        out.println("drops after the strong handle closed: " + value.drops());
        Check.equal(value.drops(), 1, "drops after the strong handle closed");
        out.println("upgrade after that: " + (z.upgrade() != null ? "works" : "fails"));
        Check.that(z.isDropped(), "the value is dropped");
        z.close();
    }

    private static void showMisuse(PrintStream out) {
        Arc<String> closed = Arc.of("gone");
        closed.close();
        refused("get() after close()", closed::get, out);
        refused("close() twice", closed::close, out);
    }

    private static void showShutdown(PrintStream out) {
        // Rust's Arc<Mutex<Vec<String>>>: the Arc shares the list, the Mutex guards it.
        Arc<Mutex<List<String>>> shared = Arc.of(new Mutex<>(new ArrayList<>()));

        try (ThreadScope scope = new ThreadScope()) {
            for (int w = 0; w < WORKERS; w++) {
                Arc<Mutex<List<String>>> mine = shared.clone();
                String name = "worker " + w;
                scope.spawn(() -> {
                    try (mine; var guard = mine.get().lock()) {
                        guard.get().add(name);
                    }
                });
            }

            // Waits until every worker has closed its handle, then takes the list alone.
            shared.awaitLastStrong();
            Mutex<List<String>> only = Check.present(shared.getMut(), "the last handle is unique");
            try (var guard = only.lock()) {
                out.println("after the last worker let go, getMut gives the list with "
                        + guard.get().size() + " entries");
                Check.equal(guard.get().size(), WORKERS, "entries");
            }
        }
        shared.close();
    }

    private static void refused(String misuse, Runnable action, PrintStream out) {
        out.println(misuse + ": refused (" + Check.refused(misuse, action) + ")");
    }
}
