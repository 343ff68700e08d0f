package dev.atomicslocks.examples.ch6;

import dev.atomicslocks.arc.steps.OptimizedArc;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * Chapter 6, step 3, and the book's test once more: the optimised Arc. The strong handles
 * together hold one implicit weak count, so that cloning and closing a strong handle touches
 * one counter, and {@code getMut} locks the weak count while it checks that the handle is
 * unique. Beyond the test, the program shows {@code getMut} refusing while a weak handle
 * exists and granting access once it is closed.
 *
 * <p>What to see: the output of ch6-02, then {@code getMut} giving {@code null} with a weak
 * handle open and the value with none.
 *
 * <p>Where Java differs: as in ch6-02. {@code getMut} is checked only when it returns: Java
 * cannot stop the caller from cloning the handle afterwards while it uses the value.
 */
public final class Ch6_03_OptimizedArc {

    private Ch6_03_OptimizedArc() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        DetectDrop value = new DetectDrop("hello");

        // An Arc with two weak handles.
        OptimizedArc<DetectDrop> x = new OptimizedArc<>(value);
        OptimizedArc.Weak<DetectDrop> y = x.downgrade();
        OptimizedArc.Weak<DetectDrop> z = x.downgrade();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                // The weak handle upgrades: the strong one is still open.
                try (y; OptimizedArc<DetectDrop> upgraded =
                        Check.present(y.upgrade(), "the weak handle upgrades")) {
                    out.println("other thread: " + upgraded.get().text());
                }
            });
            out.println("main thread: " + x.get().text());
        }

        Check.equal(value.drops(), 0, "drops while the strong handle is open");
        try (OptimizedArc<DetectDrop> upgraded =
                Check.present(z.upgrade(), "the weak handle upgrades")) {
            out.println("upgrade while the strong handle is open: works ("
                    + upgraded.get().text() + ")");
        }

        x.close();
        out.println("drops after the strong handle closed: " + value.drops());
        Check.equal(value.drops(), 1, "drops after the strong handle closed");
        OptimizedArc<DetectDrop> late = z.upgrade();
        out.println("upgrade after that: " + (late != null ? "works" : "fails"));
        Check.that(late == null, "the weak handle no longer upgrades");
        z.close();

        showGetMut(out);
    }

    private static void showGetMut(PrintStream out) {
        try (OptimizedArc<StringBuilder> only = new OptimizedArc<>(new StringBuilder("x"))) {
            OptimizedArc.Weak<StringBuilder> weak = only.downgrade();
            StringBuilder refused = only.getMut();
            out.println("getMut with a weak handle open: " + refused);
            Check.that(refused == null, "getMut refuses while a weak handle is open");
            weak.close();

            StringBuilder granted = Check.present(only.getMut(), "getMut grants a unique handle");
            granted.append('y');
            out.println("getMut with no other handle: " + granted);
        }
    }
}
