package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 of chapter 9's reader-writer lock, avoiding writer starvation: the state counts each
 * reader as two and is made odd by a waiting writer, and new readers stay out while it is odd.
 * The readers inside finish, the writer gets in, and a steady stream of readers can no longer
 * keep it out for ever.
 *
 * @param <T> the type of the protected value
 */
public final class RwLock3<T extends @Nullable Object> extends RwLockStep<T> {

    /*
     * State (u32, compared unsigned):
     *   2 * r        r readers hold the lock (0: unlocked), no writer waits
     *   2 * r + 1    r readers hold it and a writer waits: new readers sleep
     *   WRITE_LOCKED a writer holds it (u32::MAX, which is odd, so readers sleep)
     *
     * A reader joins only an even state, adding 2 with an ACQUIRE compare-exchange; on an odd
     * state it sleeps while the state stays what it saw. It leaves with a RELEASE fetch-sub of
     * 2; the reader that takes the state from 3 to 1 was the last one in front of a waiting
     * writer and wakes it through writerWakeCounter, as in RwLock2.
     *
     * A writer takes the lock with an ACQUIRE compare-exchange from 0 or 1 (no readers, with
     * or without a writer waiting). Otherwise it makes an even state odd (RELAXED: the mark
     * publishes nothing) and sleeps on writerWakeCounter, after checking the state once more,
     * while readers remain. Unlocking stores 0 (RELEASE), clearing the mark: the other writers
     * that still wait set it again when they wake, which they do because the unlock wakes one
     * writer and all readers. The ACQUIRE sides pair with the RELEASE sides.
     *
     * What remains, for the public RwLock to address: a waiting reader or writer sleeps at
     * once, with no spin, and every write unlock calls both wakes whether anyone sleeps or not.
     */

    private static final int UNLOCKED = 0;
    private static final int WRITE_LOCKED = -1;
    /** An even state may gain a reader only while below this (u32::MAX - 2, unsigned). */
    private static final int MAX_READER_STATE = -3;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);
    private final AtomicU32 writerWakeCounter = new AtomicU32(0);

    /** A reader-writer lock, unlocked, protecting {@code value}. */
    public RwLock3(T value) {
        super(value);
    }

    @Override
    void acquireRead() {
        int s = state.load(RELAXED);
        while (true) {
            if (isEven(s)) {
                if (Integer.compareUnsigned(s, MAX_READER_STATE) >= 0) {
                    throw new IllegalStateException("too many readers");
                }
                int found = state.compareExchange(s, s + 2, ACQUIRE, RELAXED);
                if (found == s) {
                    return;
                }
                s = found;
            }
            if (!isEven(s)) {
                AtomicWait.wait(state, s);
                s = state.load(RELAXED);
            }
        }
    }

    @Override
    void releaseRead() {
        // 3 -> 1: the lock is now free and a writer waits for it.
        if (state.fetchSub(2, RELEASE) == 3) {
            writerWakeCounter.fetchAdd(1, RELEASE);
            AtomicWait.wakeOne(writerWakeCounter);
        }
    }

    @Override
    void acquireWrite() {
        int s = state.load(RELAXED);
        while (true) {
            // Free of readers, whether or not a writer waits: try to take it.
            if (Integer.compareUnsigned(s, 1) <= 0) {
                int found = state.compareExchange(s, WRITE_LOCKED, ACQUIRE, RELAXED);
                if (found == s) {
                    return;
                }
                s = found;
                continue;
            }
            // Keep new readers out by making the state odd.
            if (isEven(s)) {
                int found = state.compareExchange(s, s + 1, RELAXED, RELAXED);
                if (found != s) {
                    s = found;
                    continue;
                }
            }
            // Counter first, state second, as in RwLock2; sleep only while still locked.
            int w = writerWakeCounter.load(ACQUIRE);
            s = state.load(RELAXED);
            if (Integer.compareUnsigned(s, 2) >= 0) {
                AtomicWait.wait(writerWakeCounter, w);
                s = state.load(RELAXED);
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

    private static boolean isEven(int s) {
        return (s & 1) == 0;
    }
}
