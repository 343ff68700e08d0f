package dev.atomicslocks.locks.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import org.jspecify.annotations.Nullable;

/**
 * Step 1 of chapter 9's mutex: the spin lock's flag becomes a 32-bit word that a thread can
 * sleep on. A thread that finds the lock taken waits until the word changes, and every unlock
 * wakes one sleeper, whether or not anyone sleeps.
 *
 * @param <T> the type of the protected value
 */
public final class Mutex1<T extends @Nullable Object> extends StepMutex<T> {

    /*
     * State: 0 unlocked, 1 locked. Locking swaps 1 in with ACQUIRE (pairing with the RELEASE
     * store of the previous unlock); while the swap finds 1, the thread sleeps until the state
     * is no longer 1. Unlocking stores 0 with RELEASE and then wakes one sleeper: the wake
     * always happens, which costs a wake call per unlock even when nobody waits.
     */

    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);

    /** A mutex, unlocked, protecting {@code value}. */
    public Mutex1(T value) {
        super(value);
    }

    @Override
    void acquire() {
        while (state.swap(LOCKED, ACQUIRE) == LOCKED) {
            AtomicWait.wait(state, LOCKED);
        }
    }

    @Override
    void release() {
        state.store(UNLOCKED, RELEASE);
        AtomicWait.wakeOne(state);
    }
}
