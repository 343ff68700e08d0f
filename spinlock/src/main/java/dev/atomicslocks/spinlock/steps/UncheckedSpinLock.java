package dev.atomicslocks.spinlock.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of chapter 4: the lock now owns the value it protects. {@link #lock()} hands the
 * value out, and {@link #unlock()} must be called once the caller is done with it.
 *
 * <p>Unchecked, where the book's step is {@code unsafe}: nothing stops a caller from keeping
 * the value after {@link #unlock()}, from unlocking twice, or from unlocking a lock it never
 * took. Each of those gives another thread the value while this one still uses it: not a
 * crash, as in Rust, but a data race with wrong results. {@link GuardedSpinLock} closes the
 * first hole, and {@link dev.atomicslocks.spinlock.SpinLock} all of them.
 *
 * @param <T> the type of the protected value
 */
public final class UncheckedSpinLock<T extends @Nullable Object> {

    /*
     * As in MinimalSpinLock, plus the value: a plain field, read and written only by the
     * thread that holds the lock. The ACQUIRE swap and RELEASE store of the flag order every
     * access to it between two critical sections.
     */

    private final AtomicBool locked = new AtomicBool(false);
    private T value;

    /** A lock, unlocked, protecting {@code value}. */
    public UncheckedSpinLock(T value) {
        this.value = value;
    }

    /** Spins until the lock is free, takes it and returns the protected value. */
    public T lock() {
        // ACQUIRE: pairs with the RELEASE store of the previous unlock.
        while (locked.swap(true, ACQUIRE)) {
            Atomics.spinLoop();
        }
        return value;
    }

    /**
     * Replaces the protected value; the caller must hold the lock. (Rust's step hands out a
     * mutable reference, through which the value itself can be replaced.)
     */
    public void set(T newValue) {
        value = newValue;
    }

    /** Releases the lock. The caller must hold it and must not use the value afterwards. */
    public void unlock() {
        // RELEASE: publishes the critical section to the next thread that locks.
        locked.store(false, RELEASE);
    }
}
