package dev.atomicslocks.examples.ch4;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.spinlock.SpinLock;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 4's final type, {@link SpinLock}: the book's test once more, then what the guard
 * checks that Rust's compiler checks for the book, and {@code tryLock}.
 *
 * <p>What to see: {@code [1, 2, 2]} or {@code [2, 2, 1]}; then three misuses of a guard, each
 * refused with an {@code IllegalStateException} that says what was wrong; then
 * {@code tryLock} failing while another guard is open and succeeding after it closes.
 *
 * <p>Where Java differs: Rust stops a guard from being used after it is dropped, or from
 * another thread, at compile time. {@link SpinLock.Guard} checks each use at run time, and
 * leaves the lock as it was when it refuses one.
 */
public final class Ch4_04_SpinLock {

    private Ch4_04_SpinLock() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        SpinLock<List<Integer>> x = new SpinLock<>(new ArrayList<>());

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                try (var guard = x.lock()) {
                    guard.get().add(1);
                }
            });
            scope.spawn(() -> {
                try (var guard = x.lock()) {
                    guard.get().add(2);
                    guard.get().add(2);
                }
            });
        }
        try (var guard = x.lock()) {
            out.println(guard.get());
            List<Integer> list = guard.get();
            Check.that(list.equals(List.of(1, 2, 2)) || list.equals(List.of(2, 2, 1)),
                    "the list is [1, 2, 2] or [2, 2, 1]");
        }

        showMisuse(x, out);
        showTryLock(x, out);
    }

    private static void showMisuse(SpinLock<List<Integer>> x, PrintStream out) {
        SpinLock.Guard<List<Integer>> closed = x.lock();
        closed.close();
        refused("get() after close()", () -> closed.get(), out);
        refused("close() twice", closed::close, out);

        SpinLock.Guard<List<Integer>> open = x.lock();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> refused("close() from another thread", open::close, out));
        }
        open.close();
        Check.that(!x.isLocked(), "the lock is free after the refused misuses");
    }

    private static void showTryLock(SpinLock<List<Integer>> x, PrintStream out) {
        SpinLock.Guard<List<Integer>> held = x.lock();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                try (var guard = x.tryLock()) {
                    out.println("tryLock() while another guard is open: "
                            + (guard != null ? "got it" : "null"));
                    Check.that(guard == null, "tryLock fails while the lock is held");
                }
            });
        } finally {
            held.close();
        }
        try (var guard = x.tryLock()) {
            out.println("tryLock() once it is closed: " + (guard != null ? "got it" : "null"));
            Check.that(guard != null, "tryLock succeeds on a free lock");
        }
    }

    private static void refused(String misuse, Runnable action, PrintStream out) {
        out.println(misuse + ": refused (" + Check.refused(misuse, action) + ")");
    }
}
