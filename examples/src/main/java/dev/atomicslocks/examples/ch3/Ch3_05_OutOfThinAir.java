package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;

/**
 * Book ch3-05-out-of-thin-air: each of two threads copies one variable into the other, with
 * relaxed ordering. Both start at 0, so nothing can ever store anything but 0, yet a naive
 * reading of "relaxed orders nothing" would allow a cycle in which each load sees the other
 * thread's store of, say, 37. Rust (and C++) rule such values out in words; the Java memory
 * model rules them out by its causality rules, and no hardware or JIT produces them.
 *
 * <p>What to see: {@code x = 0, y = 0}, always. The jcstress test
 * {@code Ch3_05_OutOfThinAir} in the {@code stress} module checks it.
 *
 * <p>Where Java differs: Java forbids out-of-thin-air values for every access, plain fields
 * included, because a racy read must not break the type system's safety; Rust forbids them
 * for atomics, and a race on non-atomic data is undefined behaviour there.
 */
public final class Ch3_05_OutOfThinAir {

    private final AtomicI32 x = new AtomicI32(0);
    private final AtomicI32 y = new AtomicI32(0);

    private Ch3_05_OutOfThinAir() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        Ch3_05_OutOfThinAir program = new Ch3_05_OutOfThinAir();

        Thread a = Thread.ofPlatform().start(() -> copy(program.x, program.y));
        Thread b = Thread.ofPlatform().start(() -> copy(program.y, program.x));
        a.join();
        b.join();

        int x = program.x.load(RELAXED);
        int y = program.y.load(RELAXED);
        terminal.out().println("x = " + x + ", y = " + y);
        Check.equal(x, 0, "x");
        Check.equal(y, 0, "y");
    }

    private static void copy(AtomicI32 from, AtomicI32 to) {
        int value = from.load(RELAXED);
        to.store(value, RELAXED);
    }
}
