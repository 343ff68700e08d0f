package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of chapter 9's condition variable, avoiding syscalls: it also counts its waiters, so
 * that a signal with nobody waiting neither changes the counter nor makes a wake call.
 *
 * <p>Waiting may return spuriously, as in {@link Condvar1}, and is just as unchecked.
 */
public final class Condvar2 {

    /*
     * Condvar1's counter, and the number of threads between their increment of waiters (made
     * while holding the mutex) and their decrement after the wait. RELAXED throughout, as in
     * the book: a waiter counts itself before it unlocks the mutex, and a signaller that
     * changed the shared data took that mutex after the unlock, so its load of waiters sees
     * the increment; a signaller that reads 0 signals nobody who could have seen the old data.
     * The decrement may be seen late: a signal then does one unnecessary wake call.
     */

    private final AtomicU32 counter = new AtomicU32();
    /** Threads waiting or about to wait; an unsigned count that fits every thread of a JVM. */
    private final AtomicU32 waiters = new AtomicU32();

    /** A condition variable nobody waits on. */
    public Condvar2() {
    }

    /** Wakes one waiting thread; costs a single load when nobody waits. */
    public void signal() {
        if (waiters.load(RELAXED) != 0) {
            counter.fetchAdd(1, RELAXED);
            AtomicWait.wakeOne(counter);
        }
    }

    /** Wakes every waiting thread; costs a single load when nobody waits. */
    public void signalAll() {
        if (waiters.load(RELAXED) != 0) {
            counter.fetchAdd(1, RELAXED);
            AtomicWait.wakeAll(counter);
        }
    }

    /**
     * Unlocks the guard's mutex, sleeps until a signal (or spuriously), and locks the mutex
     * again before returning. Not interruptible: it keeps the thread's interrupt status.
     */
    public <T extends @Nullable Object> void await(StepMutex.Guard<T> guard) {
        waiters.fetchAdd(1, RELAXED);
        int seen = counter.load(RELAXED);

        StepMutex<T> mutex = guard.mutex();
        mutex.release();

        AtomicWait.wait(counter, seen);

        waiters.fetchSub(1, RELAXED);
        mutex.acquire();
    }
}
