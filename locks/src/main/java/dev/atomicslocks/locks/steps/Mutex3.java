package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 of chapter 9's mutex, optimising further: before it sleeps, a thread that finds the
 * lock held by an uncontended owner spins for a while, since a short critical section is
 * often over before a sleep and a wake would be.
 *
 * @param <T> the type of the protected value
 */
public final class Mutex3<T extends @Nullable Object> extends StepMutex<T> {

    /*
     * The states and the unlock of Mutex2. Locking still starts with a compare-exchange from 0
     * to 1. On failure the thread spins, reading the state RELAXED, while it is 1 and for at
     * most SPIN_LIMIT rounds; it does not spin on 2, because then others are already asleep
     * and the owner will wake one of them rather than leave the lock to a spinner. It then
     * tries the compare-exchange once more before marking the lock contended and sleeping, as
     * in Mutex2.
     */

    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;
    /** The book's spin limit; chosen there, not measured here. */
    private static final int SPIN_LIMIT = 100;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);

    /** A mutex, unlocked, protecting {@code value}. */
    public Mutex3(T value) {
        super(value);
    }

    @Override
    void acquire() {
        if (state.compareExchange(UNLOCKED, LOCKED, ACQUIRE, RELAXED) != UNLOCKED) {
            acquireContended();
        }
    }

    private void acquireContended() {
        int spins = 0;
        // RELAXED: only deciding whether to keep spinning; the compare-exchange decides.
        while (state.load(RELAXED) == LOCKED && spins < SPIN_LIMIT) {
            spins++;
            Atomics.spinLoop();
        }
        if (state.compareExchange(UNLOCKED, LOCKED, ACQUIRE, RELAXED) == UNLOCKED) {
            return;
        }
        while (state.swap(CONTENDED, ACQUIRE) != UNLOCKED) {
            AtomicWait.wait(state, CONTENDED);
        }
    }

    @Override
    void release() {
        if (state.swap(UNLOCKED, RELEASE) == CONTENDED) {
            AtomicWait.wakeOne(state);
        }
    }
}
