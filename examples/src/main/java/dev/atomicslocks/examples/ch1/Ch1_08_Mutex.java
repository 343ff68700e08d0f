package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Book ch1-08-mutex: ten threads each add 100 to one integer, holding a lock while they do.
 *
 * <p>What to see: {@code n = 1000}, every time.
 *
 * <p>Where Java differs: Rust's {@code Mutex<i32>} owns the integer, so the only way to reach
 * it is through the guard that {@code lock} returns, and the lock is released when the guard
 * is dropped. A {@link ReentrantLock} owns nothing: {@code n} is a plain field that the code
 * promises to touch only while holding the lock, a promise javac does not check. The lock is
 * released by {@code unlock} in a {@code finally} block. Java locks are not poisoned: a thread
 * that throws while holding one leaves the data as it was, with no flag for the next thread.
 */
public final class Ch1_08_Mutex {

    static final int THREADS = 10;
    static final int INCREMENTS = 100;

    private final ReentrantLock lock = new ReentrantLock();
    /** Read and written only while holding {@link #lock}. */
    private int n;

    private Ch1_08_Mutex() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        Ch1_08_Mutex program = new Ch1_08_Mutex();
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(program::addHundred);
            }
        }
        // Every thread has been joined, so reading n without the lock is safe here.
        terminal.out().println("n = " + program.n);
        Check.equal(program.n, THREADS * INCREMENTS, "n");
    }

    private void addHundred() {
        lock.lock();
        try {
            for (int i = 0; i < INCREMENTS; i++) {
                n++;
            }
        } finally {
            lock.unlock();
        }
    }
}
