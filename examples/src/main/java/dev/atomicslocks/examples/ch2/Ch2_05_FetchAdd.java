package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;

/**
 * Book ch2-05-fetch-add: {@code fetchAdd} adds to an atomic and returns the value it had
 * before.
 *
 * <p>What to see: {@code b = 100}, the value before the addition, and {@code c = 123}, the
 * value after it.
 *
 * <p>Where Java differs: nothing but the names; {@code fetchAdd} is
 * {@code VarHandle.getAndAdd} underneath. A relaxed read-modify-write uses the acquire
 * variant, because {@code VarHandle} has no weaker one (see the package documentation of
 * {@code dev.atomicslocks.basics}).
 */
public final class Ch2_05_FetchAdd {

    private Ch2_05_FetchAdd() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        AtomicI32 a = new AtomicI32(100);
        int b = a.fetchAdd(23, RELAXED);
        int c = a.load(RELAXED);

        terminal.out().println("b = " + b);
        terminal.out().println("c = " + c);
        Check.equal(b, 100, "b");
        Check.equal(c, 123, "c");
    }
}
