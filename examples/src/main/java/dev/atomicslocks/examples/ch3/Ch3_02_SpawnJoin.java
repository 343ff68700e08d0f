package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;

/**
 * Book ch3-02-spawn-join: starting a thread and joining it create happens-before relations,
 * even when every access is relaxed. The store of 1 happens before the spawned thread's load,
 * and the load happens before the store of 3, so the thread sees 1 or 2, never 0 or 3.
 *
 * <p>What to see: {@code the thread saw 1} or {@code the thread saw 2}; which depends on
 * whether the main thread's second store came first.
 *
 * <p>Where Java differs: nothing: {@link Thread#start()} and {@link Thread#join()} give the
 * same guarantees in the Java memory model (JLS 17.4.5).
 */
public final class Ch3_02_SpawnJoin {

    private final AtomicI32 x = new AtomicI32(0);
    /** Written by the spawned thread, read after the join. */
    private int seen;

    private Ch3_02_SpawnJoin() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        Ch3_02_SpawnJoin program = new Ch3_02_SpawnJoin();

        program.x.store(1, RELAXED);
        Thread t = Thread.ofPlatform().start(program::f);
        program.x.store(2, RELAXED);
        t.join();
        program.x.store(3, RELAXED);

        terminal.out().println("the thread saw " + program.seen);
        Check.that(program.seen == 1 || program.seen == 2, "x == 1 || x == 2");
    }

    private void f() {
        seen = x.load(RELAXED);
    }
}
