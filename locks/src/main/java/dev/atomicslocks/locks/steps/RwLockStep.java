package dev.atomicslocks.locks.steps;

import org.jspecify.annotations.Nullable;

/**
 * What the reader-writer lock steps of chapter 9 share: a value that a {@link ReadGuard} lets
 * read while a read lock is held, and that a {@link WriteGuard} lets read and replace while the
 * write lock is held. Each step supplies only its way of taking and releasing the two locks,
 * which is what changes from one step to the next.
 *
 * <p>Unchecked, as the mutex steps are: a guard closed twice releases a lock it no longer
 * holds, and a guard used after closing reaches the value without the lock.
 * {@link dev.atomicslocks.locks.RwLock} checks both. Too many readers throw
 * {@link IllegalStateException} before the state changes, where the book's code panics.
 *
 * @param <T> the type of the protected value
 */
public abstract sealed class RwLockStep<T extends @Nullable Object>
        permits RwLock1, RwLock2, RwLock3 {

    /** Written only while the write lock is held; read while either lock is held. */
    private T value;

    RwLockStep(T value) {
        this.value = value;
    }

    /**
     * Blocks until no writer holds the lock (and, from {@link RwLock3} on, none waits), takes a
     * read lock and returns the guard that releases it. Other readers may hold it at the same
     * time.
     */
    public final ReadGuard<T> read() {
        acquireRead();
        return new ReadGuard<>(this);
    }

    /** Blocks until nobody holds the lock, takes it for writing and returns its guard. */
    public final WriteGuard<T> write() {
        acquireWrite();
        return new WriteGuard<>(this);
    }

    /** Takes a read lock, sleeping while a writer holds the lock. */
    abstract void acquireRead();

    /** Releases a read lock, waking a writer if the step thinks one may be waiting. */
    abstract void releaseRead();

    /** Takes the write lock, sleeping while anyone holds the lock. */
    abstract void acquireWrite();

    /** Releases the write lock and wakes the threads the step thinks may be waiting. */
    abstract void releaseWrite();

    /**
     * Read access to the value while a read lock is held; closing it releases the read lock.
     *
     * @param <T> the type of the protected value
     */
    public static final class ReadGuard<T extends @Nullable Object> implements AutoCloseable {
        private final RwLockStep<T> lock;

        private ReadGuard(RwLockStep<T> lock) {
            this.lock = lock;
        }

        /** The protected value. */
        public T get() {
            return lock.value;
        }

        /** Releases the read lock. */
        @Override
        public void close() {
            lock.releaseRead();
        }
    }

    /**
     * Exclusive access to the value while the write lock is held; closing it releases the
     * write lock.
     *
     * @param <T> the type of the protected value
     */
    public static final class WriteGuard<T extends @Nullable Object> implements AutoCloseable {
        private final RwLockStep<T> lock;

        private WriteGuard(RwLockStep<T> lock) {
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

        /** Releases the write lock. */
        @Override
        public void close() {
            lock.releaseWrite();
        }
    }
}
