package dev.atomicslocks.spinlock.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 of chapter 4: the value is reached only through a {@link Guard}, and closing the
 * guard unlocks, so a try-with-resources block is the critical section:
 *
 * <pre>{@code
 * try (var guard = lock.lock()) {
 *     guard.get().add(item);
 * }
 * }</pre>
 *
 * <p>In Rust the guard makes the lock safe: the compiler stops the value from outliving the
 * guard and the guard from being dropped twice. Java checks neither, so this step is still
 * unchecked: a guard closed twice unlocks someone else's critical section, and a guard used
 * after closing reads the value without the lock. {@link dev.atomicslocks.spinlock.SpinLock}
 * adds those checks.
 *
 * @param <T> the type of the protected value
 */
public final class GuardedSpinLock<T extends @Nullable Object> {

    /* The flag and the value as in UncheckedSpinLock; only the way out has changed. */

    private final AtomicBool locked = new AtomicBool(false);
    private T value;

    /** A lock, unlocked, protecting {@code value}. */
    public GuardedSpinLock(T value) {
        this.value = value;
    }

    /** Spins until the lock is free, takes it and returns the guard that releases it. */
    public Guard<T> lock() {
        // ACQUIRE: pairs with the RELEASE store in Guard.close.
        while (locked.swap(true, ACQUIRE)) {
            Atomics.spinLoop();
        }
        return new Guard<>(this);
    }

    /**
     * Access to the value while the lock is held; closing it releases the lock.
     *
     * @param <T> the type of the protected value
     */
    public static final class Guard<T extends @Nullable Object> implements AutoCloseable {
        private final GuardedSpinLock<T> lock;

        private Guard(GuardedSpinLock<T> lock) {
            this.lock = lock;
        }

        /** The protected value. */
        public T get() {
            return lock.value;
        }

        /** Replaces the protected value. */
        public void set(T newValue) {
            lock.value = newValue;
        }

        /** Releases the lock. */
        @Override
        public void close() {
            // RELEASE: publishes the critical section to the next thread that locks.
            lock.locked.store(false, RELEASE);
        }
    }
}
