package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of chapter 9's mutex, avoiding needless wakes: the state also says whether another
 * thread may be waiting, so an unlock that nobody contended wakes nobody.
 *
 * @param <T> the type of the protected value
 */
public final class Mutex2<T extends @Nullable Object> extends StepMutex<T> {

    /*
     * State: 0 unlocked; 1 locked, nobody waiting; 2 locked, someone may be waiting.
     *
     * Locking: a compare-exchange from 0 to 1 takes a free lock. Otherwise the thread marks
     * the lock contended by swapping 2 in, and sleeps while the state is 2; when a swap finds
     * 0 the thread owns the lock, still marked 2, because it cannot know whether others sleep.
     * Unlocking swaps 0 in and wakes one sleeper only if it took out a 2. All lock-side
     * accesses that can take the lock are ACQUIRE and the unlock is RELEASE, pairing with each
     * other.
     */

    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);

    /** A mutex, unlocked, protecting {@code value}. */
    public Mutex2(T value) {
        super(value);
    }

    @Override
    void acquire() {
        if (state.compareExchange(UNLOCKED, LOCKED, ACQUIRE, RELAXED) != UNLOCKED) {
            while (state.swap(CONTENDED, ACQUIRE) != UNLOCKED) {
                AtomicWait.wait(state, CONTENDED);
            }
        }
    }

    @Override
    void release() {
        if (state.swap(UNLOCKED, RELEASE) == CONTENDED) {
            AtomicWait.wakeOne(state);
        }
    }
}
