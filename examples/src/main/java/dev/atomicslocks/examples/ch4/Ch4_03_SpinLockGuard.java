package dev.atomicslocks.examples.ch4;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.spinlock.steps.GuardedSpinLock;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 4, step 3, and the book's test: the lock hands out a guard, and closing the guard
 * unlocks. One thread pushes 1 with one guard; another pushes 2 twice with one guard, so its
 * two pushes stay together.
 *
 * <p>What to see: {@code [1, 2, 2]} or {@code [2, 2, 1]}, never {@code [2, 1, 2]}.
 *
 * <p>Where Java differs: Rust's compiler ends the guard's life at the end of its scope and
 * refuses any use after that; try-with-resources closes the guard at the end of its block,
 * but a reference to it could still be kept and used. This step does not check that; the
 * public {@code SpinLock} (ch4-04) does.
 */
public final class Ch4_03_SpinLockGuard {

    private Ch4_03_SpinLockGuard() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        GuardedSpinLock<List<Integer>> x = new GuardedSpinLock<>(new ArrayList<>());

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
            List<Integer> list = guard.get();
            terminal.out().println(list);
            Check.that(list.equals(List.of(1, 2, 2)) || list.equals(List.of(2, 2, 1)),
                    "the list is [1, 2, 2] or [2, 2, 1]");
        }
    }
}
