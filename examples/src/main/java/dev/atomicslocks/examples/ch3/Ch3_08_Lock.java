package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;

/**
 * Book ch3-08-lock: a lock in two lines. A compare-exchange from {@code false} to
 * {@code true} with acquire ordering takes it, a release store of {@code false} gives it back,
 * and the pair orders each holder's work after the previous holder's. A thread that finds the
 * lock taken simply skips its work.
 *
 * <p>What to see: a string of exclamation marks, at least one (the first thread always gets
 * the lock) and at most 100, and nothing else: no append was torn or lost by a race.
 *
 * <p>Where Java differs: the book's {@code static mut String} becomes a plain
 * {@link StringBuilder}, which is not thread-safe at all; it is correct only because the lock
 * guards it, and javac does not check that (Rust needs {@code unsafe} to say so). The jcstress
 * test {@code Ch3_08_Lock} checks the lock, and its {@code CheckThenSetMutant} shows two
 * threads inside a lock that reads the flag and sets it in two steps.
 */
public final class Ch3_08_Lock {

    static final int THREADS = 100;

    private final AtomicBool locked = new AtomicBool(false);
    /** Read and written only while holding {@link #locked}. */
    private final StringBuilder data = new StringBuilder();

    private Ch3_08_Lock() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        Ch3_08_Lock program = new Ch3_08_Lock();
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(program::f);
            }
        }

        // Every thread has been joined, so the builder can be read without the lock.
        String data = program.data.toString();
        terminal.out().println(data + " (" + data.length() + " of " + THREADS + " threads)");
        Check.that(!data.isEmpty(), "data holds at least one exclamation mark");
        Check.that(data.chars().allMatch(c -> c == '!'), "data holds only exclamation marks");
    }

    private void f() {
        if (!locked.compareExchange(false, true, ACQUIRE, RELAXED)) {
            // We hold the lock: nothing else touches data until the release store.
            data.append('!');
            locked.store(false, RELEASE);
        }
    }
}
