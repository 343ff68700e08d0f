package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 1 of chapter 9's reader-writer lock: where the mutex steps had one holder, the state
 * counts the readers that hold the lock, and a writer marks it with the largest value. Readers
 * share the lock; a writer excludes everyone. Waiting readers and writers all sleep on the
 * state, so a writer waiting for readers to leave wakes up whenever the count changes.
 *
 * @param <T> the type of the protected value
 */
public final class RwLock1<T extends @Nullable Object> extends RwLockStep<T> {

    /*
     * State (u32, compared unsigned):
     *   0                  unlocked
     *   1 .. MAX_READERS   that many readers hold the lock
     *   WRITE_LOCKED       a writer holds it (u32::MAX, -1 as an int)
     *
     * A reader adds one with an ACQUIRE compare-exchange unless a writer holds the lock, in
     * which case it sleeps while the state is WRITE_LOCKED. It leaves with a RELEASE fetch-sub;
     * the last one out (1 -> 0) wakes one waiting writer. A writer takes the lock with an
     * ACQUIRE compare-exchange from 0 and otherwise sleeps while the state holds the value it
     * saw; it leaves with a RELEASE store of 0 and wakes everyone. The ACQUIRE sides pair with
     * the RELEASE sides, so every holder sees what the last writer wrote.
     *
     * Busy-looping: a waiting writer sleeps on the state, which every reader changes on its way
     * in and out, so with readers coming and going the writer keeps waking up for nothing.
     * RwLock2 fixes that. Writer starvation: new readers may join while a writer waits, so a
     * steady stream of readers keeps a writer out for ever; RwLock3 fixes that.
     *
     * Java's compareExchange returns the value it found, as the book's Err(e) does; its weak
     * form returns only a boolean, so the strong form stands in for compare_exchange_weak.
     */

    private static final int UNLOCKED = 0;
    private static final int WRITE_LOCKED = -1;
    /** Readers may join only while the count is below this (u32::MAX - 1, unsigned). */
    private static final int MAX_READERS = -2;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);

    /** A reader-writer lock, unlocked, protecting {@code value}. */
    public RwLock1(T value) {
        super(value);
    }

    @Override
    void acquireRead() {
        int s = state.load(RELAXED);
        while (true) {
            if (s != WRITE_LOCKED) {
                if (Integer.compareUnsigned(s, MAX_READERS) >= 0) {
                    throw new IllegalStateException("too many readers");
                }
                int found = state.compareExchange(s, s + 1, ACQUIRE, RELAXED);
                if (found == s) {
                    return;
                }
                s = found;
            }
            if (s == WRITE_LOCKED) {
                AtomicWait.wait(state, WRITE_LOCKED);
                s = state.load(RELAXED);
            }
        }
    }

    @Override
    void releaseRead() {
        if (state.fetchSub(1, RELEASE) == 1) {
            // The last reader left: a writer may be waiting for exactly this.
            AtomicWait.wakeOne(state);
        }
    }

    @Override
    void acquireWrite() {
        int s = state.compareExchange(UNLOCKED, WRITE_LOCKED, ACQUIRE, RELAXED);
        while (s != UNLOCKED) {
            // Sleep while the state is what it was; any change is worth a new look.
            AtomicWait.wait(state, s);
            s = state.compareExchange(UNLOCKED, WRITE_LOCKED, ACQUIRE, RELAXED);
        }
    }

    @Override
    void releaseWrite() {
        state.store(UNLOCKED, RELEASE);
        // Waiting readers and writers alike sleep on the state.
        AtomicWait.wakeAll(state);
    }
}
