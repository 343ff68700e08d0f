package dev.atomicslocks.examples.ch6;

import dev.atomicslocks.arc.steps.WeakArc;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * Chapter 6, step 2, and the book's test: weak pointers. An Arc with two weak handles; one is
 * upgraded in another thread, which reads the value. While the strong handle lives, the other
 * weak handle upgrades too; once it is closed the value is dropped, and upgrading fails.
 *
 * <p>What to see: {@code hello} from both threads, an upgrade that works while the strong
 * handle is open, one drop when it closes, and an upgrade that fails after that.
 *
 * <p>Where Java differs: the book's second count decides when the allocation is freed; here
 * the garbage collector frees it, and the count decides only when the value may no longer be
 * upgraded to. An upgraded handle must be closed like any other.
 */
public final class Ch6_02_WeakArc {

    private Ch6_02_WeakArc() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        DetectDrop value = new DetectDrop("hello");

        // An Arc with two weak handles.
        WeakArc<DetectDrop> x = new WeakArc<>(value);
        WeakArc.Weak<DetectDrop> y = x.downgrade();
        WeakArc.Weak<DetectDrop> z = x.downgrade();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                // The weak handle upgrades: the strong one is still open.
                try (y; WeakArc<DetectDrop> upgraded =
                        Check.present(y.upgrade(), "the weak handle upgrades")) {
                    out.println("other thread: " + upgraded.get().text());
                }
            });
            out.println("main thread: " + x.get().text());
        }

        Check.equal(value.drops(), 0, "drops while the strong handle is open");
        try (WeakArc<DetectDrop> upgraded =
                Check.present(z.upgrade(), "the weak handle upgrades")) {
            out.println("upgrade while the strong handle is open: works ("
                    + upgraded.get().text() + ")");
        }

        x.close();
        out.println("drops after the strong handle closed: " + value.drops());
        Check.equal(value.drops(), 1, "drops after the strong handle closed");
        WeakArc<DetectDrop> late = z.upgrade();
        out.println("upgrade after that: " + (late != null ? "works" : "fails"));
        Check.that(late == null, "the weak handle no longer upgrades");
        z.close();
    }
}
