package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.util.ArrayList;
import java.util.List;

/**
 * Book ch1-06-cell: interior mutability with a {@code Cell}. A function that receives only a
 * shared reference to the cell takes the list out, adds to it, and puts it back.
 *
 * <p>What to see: {@code [1, 2, 3, 1]}.
 *
 * <p>Where Java differs: Java has no shared versus exclusive references, so any object may be
 * changed through any reference to it; the {@link Cell} below exists only to show the
 * take-and-put-back shape that Rust's {@code Cell} forces (it never hands out a reference to
 * its contents). What Java cannot check is the other half of Rust's rule: {@code Cell} is not
 * {@code Sync}, so the compiler refuses to share one between threads. This {@code Cell} is
 * just as unsafe to share, but javac accepts it, and a race on it would lose updates.
 */
public final class Ch1_06_Cell {

    private Ch1_06_Cell() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        Cell<List<Integer>> v = new Cell<>(new ArrayList<>(List.of(1, 2, 3)));
        f(v);
        terminal.out().println(v.get());
        Check.that(v.get().equals(List.of(1, 2, 3, 1)), "the cell holds [1, 2, 3, 1]");
    }

    static void f(Cell<List<Integer>> v) {
        // Take the list out, leaving an empty one in its place, as Cell::take does.
        List<Integer> v2 = v.replace(new ArrayList<>());
        v2.add(1);
        // Put the changed list back.
        v.set(v2);
    }

    /** A holder whose value is swapped whole, never lent out; for one thread only. */
    static final class Cell<T> {
        private T value;

        Cell(T value) {
            this.value = value;
        }

        T get() {
            return value;
        }

        void set(T newValue) {
            value = newValue;
        }

        T replace(T newValue) {
            T old = value;
            value = newValue;
            return old;
        }
    }
}
