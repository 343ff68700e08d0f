package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Book ch1-05-rc: cloning an {@code Rc} gives a second handle to the same allocation, not a
 * copy of it.
 *
 * <p>What to see: {@code b} is the same array as {@code a}, while {@code c}, made with
 * {@code a.clone()}, is a different one.
 *
 * <p>Where Java differs: every Java reference is a shared handle, and the garbage collector,
 * rather than a reference count, frees the array when no handle is left. Plain assignment is
 * what {@code Rc::clone} does. Java's own {@code clone()} is the opposite: for an array it
 * makes a copy, as Rust's {@code clone} on the array itself (not on an {@code Rc}) would.
 * Rust's {@code Rc} may not cross threads (its count is not atomic) and the compiler checks
 * that; a Java reference may always cross, so it is the object's own design that must make
 * sharing safe.
 */
public final class Ch1_05_Rc {

    private Ch1_05_Rc() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int[] a = {1, 2, 3};

        // A second handle to the same allocation, as Rc::clone gives.
        int[] b = a;
        // A copy, as cloning the array itself would give in Rust.
        int[] c = a.clone();

        out.println("a and b are the same array: " + sameAllocation(a, b));
        out.println("a and c are the same array: " + sameAllocation(a, c));
        Check.that(sameAllocation(a, b), "b is a second handle to a's array");
    }

    /** Whether two handles lead to one object, as comparing Rc::as_ptr does. */
    @SuppressWarnings("ReferenceEquality") // identity, not equal contents, is the question
    private static boolean sameAllocation(Object first, Object second) {
        return first == second;
    }
}
