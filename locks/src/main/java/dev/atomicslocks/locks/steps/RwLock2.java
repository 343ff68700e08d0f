package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of chapter 9's reader-writer lock, avoiding busy-looping writers: writers no longer
 * sleep on the state, which every reader changes, but on a separate wake counter that only the
 * last reader to leave and an unlocking writer increment. A waiting writer therefore wakes
 * only when the lock may have become free.
 *
 * @param <T> the type of the protected value
 */
public final class RwLock2<T extends @Nullable Object> extends RwLockStep<T> {

    /*
     * State: as in RwLock1, the number of readers, or WRITE_LOCKED (u32::MAX) while a writer
     * holds the lock; readers still sleep on it while it is WRITE_LOCKED.
     *
     * writerWakeCounter: incremented (RELEASE) by every release that may let a writer in, the
     * last reader's and the writer's, each followed by a wake of one writer. A writer that
     * fails to take the lock reads the counter (ACQUIRE), then checks the state again, and
     * sleeps only while the counter still holds what it read. No wake-up is lost: a release
     * after the writer's check increments the counter after changing the state, so either the
     * writer sees the new state, or its wait sees the new count, or the wake finds it asleep.
     *
     * An unlocking writer wakes one writer and every reader. Writer starvation remains, as in
     * RwLock1: readers may join while a writer waits.
     */

    private static final int UNLOCKED = 0;
    private static final int WRITE_LOCKED = -1;
    /** Readers may join only while the count is below this (u32::MAX - 1, unsigned). */
    private static final int MAX_READERS = -2;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);
    private final AtomicU32 writerWakeCounter = new AtomicU32(0);

    /** A reader-writer lock, unlocked, protecting {@code value}. */
    public RwLock2(T value) {
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
            // Changed: the last reader signals the writers through their own counter.
            writerWakeCounter.fetchAdd(1, RELEASE);
            AtomicWait.wakeOne(writerWakeCounter);
        }
    }

    @Override
    void acquireWrite() {
        while (state.compareExchange(UNLOCKED, WRITE_LOCKED, ACQUIRE, RELAXED) != UNLOCKED) {
            // Counter first, state second: a release between the two changes the counter.
            int w = writerWakeCounter.load(ACQUIRE);
            if (state.load(RELAXED) != UNLOCKED) {
                AtomicWait.wait(writerWakeCounter, w);
            }
        }
    }

    @Override
    void releaseWrite() {
        state.store(UNLOCKED, RELEASE);
        writerWakeCounter.fetchAdd(1, RELEASE);
        AtomicWait.wakeOne(writerWakeCounter);
        AtomicWait.wakeAll(state);
    }
}
