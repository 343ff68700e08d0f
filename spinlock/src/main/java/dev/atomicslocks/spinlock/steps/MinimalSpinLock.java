package dev.atomicslocks.spinlock.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;

/**
 * Step 1 of chapter 4: a minimal spin lock. It protects nothing by itself; the caller locks,
 * touches whatever the lock stands for, and unlocks.
 *
 * <p>Unchecked: {@link #unlock()} does not know who locked, so an unlock by a thread that does
 * not hold the lock releases it for someone else's critical section.
 */
public final class MinimalSpinLock {

    /*
     * One flag: true while some thread holds the lock. Locking swaps true in with ACQUIRE, so
     * the thread that finds false there owns the lock and sees every write of the previous
     * critical section; unlocking stores false with RELEASE, which pairs with that swap. While
     * the swap finds true, the thread spins, with a spin-loop hint to the processor.
     */

    private final AtomicBool locked = new AtomicBool(false);

    /** Spins until the lock is free, then takes it. */
    public void lock() {
        // ACQUIRE: pairs with the RELEASE store of the previous unlock.
        while (locked.swap(true, ACQUIRE)) {
            Atomics.spinLoop();
        }
    }

    /** Releases the lock; the caller must hold it. */
    public void unlock() {
        // RELEASE: publishes the critical section to the next thread that locks.
        locked.store(false, RELEASE);
    }
}
