package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 1 of chapter 9's condition variable: a counter that every signal increments. A waiter
 * reads the counter while it still holds the mutex, unlocks, and sleeps only while the counter
 * still holds what it read, so a signal sent after the unlock is never missed. Works with the
 * guard of any mutex step.
 *
 * <p>Every signal pays for a wake call, whether or not anyone waits; {@link Condvar2} counts
 * the waiters to avoid that. Waiting may return spuriously, as the book's condvar does: a
 * caller re-checks its condition in a loop. Unchecked, like the mutex steps: waiting with a
 * guard that is already closed unlocks the mutex a second time.
 */
public final class Condvar1 {

    /*
     * One AtomicU32, the word waiters sleep on; its value has no meaning beyond "changed".
     * RELAXED throughout, as in the book: the waiter's load happens while it holds the mutex,
     * and the signaller changes the shared data under the same mutex before it increments, so
     * either the waiter's load already sees the increment (its unlock came after the
     * signaller's lock) or the increment comes later in the counter's modification order and
     * the wait finds a changed value. os-wait itself loses no wake of a thread whose wait saw
     * the old value, whatever the ordering of the change. A wrapped counter (2^32 signals
     * between the load and the wait) is the one way to sleep through a signal, as in the book.
     */

    private final AtomicU32 counter = new AtomicU32();

    /** A condition variable nobody waits on. */
    public Condvar1() {
    }

    /** Wakes one waiting thread, if there is one. */
    public void signal() {
        counter.fetchAdd(1, RELAXED);
        AtomicWait.wakeOne(counter);
    }

    /** Wakes every waiting thread. */
    public void signalAll() {
        counter.fetchAdd(1, RELAXED);
        AtomicWait.wakeAll(counter);
    }

    /**
     * Unlocks the guard's mutex, sleeps until a signal (or spuriously), and locks the mutex
     * again before returning. Not interruptible: it keeps the thread's interrupt status.
     */
    public <T extends @Nullable Object> void await(StepMutex.Guard<T> guard) {
        int seen = counter.load(RELAXED);

        // Unlock, but keep the mutex to lock it again; the guard stays the caller's.
        StepMutex<T> mutex = guard.mutex();
        mutex.release();

        // Sleeps only if no signal came since the load above.
        AtomicWait.wait(counter, seen);

        mutex.acquire();
    }
}
