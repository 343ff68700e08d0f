package dev.atomicslocks.locks.steps;

import org.jspecify.annotations.Nullable;

/**
 * What the mutex steps of chapter 9 share: a value that a {@link Guard} hands out while the
 * lock is held, and that closing the guard gives back. Each step supplies only its way of
 * taking and releasing the lock, which is what changes from one step to the next.
 *
 * <p>Unchecked, as the spin lock steps are: a guard closed twice releases someone else's
 * lock, and a guard used after closing reads the value without the lock.
 * {@link dev.atomicslocks.locks.Mutex} checks both.
 *
 * @param <T> the type of the protected value
 */
public abstract sealed class StepMutex<T extends @Nullable Object>
        permits Mutex1, Mutex2, Mutex3 {

    /** Read and written only by the thread that holds the lock. */
    private T value;

    StepMutex(T value) {
        this.value = value;
    }

    /** Blocks until the lock is free, takes it and returns the guard that releases it. */
    public final Guard<T> lock() {
        acquire();
        return new Guard<>(this);
    }

    /** Takes the lock, sleeping while another thread holds it. */
    abstract void acquire();

    /** Releases the lock, waking a sleeper if the step thinks there may be one. */
    abstract void release();

    /**
     * Access to the value while the lock is held; closing it releases the lock.
     *
     * @param <T> the type of the protected value
     */
    public static final class Guard<T extends @Nullable Object> implements AutoCloseable {
        private final StepMutex<T> mutex;

        private Guard(StepMutex<T> mutex) {
            this.mutex = mutex;
        }

        /** The mutex this guard holds, for the condvar steps to unlock and lock it again. */
        StepMutex<T> mutex() {
            return mutex;
        }

        /** The protected value. */
        public T get() {
            return mutex.value;
        }

        /** Replaces the protected value. */
        public void set(T newValue) {
            mutex.value = newValue;
        }

        /** Releases the lock. */
        @Override
        public void close() {
            mutex.release();
        }
    }
}
