package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;

/**
 * Book ch1-07-refcell: interior mutability with a {@code RefCell}. A function that receives
 * only a shared reference changes the list in place, through a borrow checked at run time.
 *
 * <p>What to see: {@code [1, 2, 3, 1]}, and then the nearest thing Java has to
 * {@code RefCell}'s run-time check.
 *
 * <p>Where Java differs: a Java list can always be changed through any reference to it, so
 * {@code f} simply adds. {@code RefCell} panics when a value is borrowed mutably while
 * another borrow is alive; the closest Java check is the fail-fast iterator of
 * {@link ArrayList}, which throws {@link ConcurrentModificationException} when the list
 * changes while it is being iterated. That check is best effort, for one thread: unlike
 * {@code RefCell}, which the compiler keeps to one thread, an {@code ArrayList} may be shared
 * between threads, where it neither detects nor prevents a race.
 */
public final class Ch1_07_RefCell {

    private Ch1_07_RefCell() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        List<Integer> v = new ArrayList<>(List.of(1, 2, 3));
        f(v);
        out.println(v);
        Check.that(v.equals(List.of(1, 2, 3, 1)), "the list is [1, 2, 3, 1]");

        // Changing the list while a loop reads it: RefCell would panic, ArrayList throws.
        try {
            doubleWhileIterating(v);
            out.println("changed the list while iterating it: no error");
        } catch (ConcurrentModificationException e) {
            out.println("changed the list while iterating it: " + e.getClass().getSimpleName());
        }
    }

    // Error Prone, which this build runs, spots this mistake at compile time; javac does not.
    @SuppressWarnings("ModifyCollectionInEnhancedForLoop") // the mistake is the demonstration
    private static void doubleWhileIterating(List<Integer> v) {
        for (int n : v) {
            v.add(n);
        }
    }

    static void f(List<Integer> v) {
        // Change the list directly, as borrow_mut allows.
        v.add(1);
    }
}
