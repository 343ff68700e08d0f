package dev.atomicslocks.locks;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A mutual exclusion lock that owns the value it protects and puts waiting threads to sleep.
 * The value is reached only through the {@link Guard} that a lock method returns, and closing
 * the guard releases the lock, so a try-with-resources block is the critical section:
 *
 * <pre>{@code
 * Mutex<List<String>> names = new Mutex<>(new ArrayList<>());
 * try (var guard = names.lock()) {
 *     guard.get().add("x");
 * }
 * }</pre>
 *
 * <p>Blocking: {@link #lock()} waits without limit and is not interruptible (an interrupt
 * neither ends the wait nor makes it spin, and the status is still set when it returns);
 * {@link #lockInterruptibly()} throws {@link InterruptedException}; {@link #tryLock(Duration)}
 * gives up after a timeout; {@link #tryLock()} never waits. A waiting virtual thread unmounts
 * from its carrier. None of them returns without the lock except by throwing or, for the
 * try forms, by returning {@code null}.
 *
 * <p>Misuse throws {@link IllegalStateException} instead of corrupting the lock: using a guard
 * after it was closed, closing it twice, or using or closing it from a thread other than the
 * one that locked.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Not reentrant: a thread that locks a mutex it already holds waits for ever.
 *   <li>Not fair, but free of starvation: a thread that arrives as the lock is released may
 *       take it before a thread that has been asleep, as in the book and in a non-fair
 *       {@code ReentrantLock}, which keeps the lock busy while the woken thread gets going.
 *       A thread that has been waiting for more than about a millisecond, though, has the
 *       lock handed to it by the next unlock, so newcomers cannot keep it out for long.
 *   <li>No poisoning: where Rust marks a mutex whose holder panicked, an exception here
 *       simply releases the lock as the try-with-resources block ends; the value may be left
 *       half-updated.
 *   <li>Each lock allocates a small guard object; the JIT usually removes it when the guard
 *       does not escape the try-with-resources block.
 * </ul>
 *
 * @param <T> the type of the protected value
 */
public final class Mutex<T extends @Nullable Object> extends MutexCore {

    /*
     * The lock word and its algorithm are MutexCore's (its overview block says how it differs
     * from the book's mutex_3); this class adds the value and the checked guard. The guard
     * records the thread that locked, so a guard cannot be closed twice, used after closing,
     * or used from another thread.
     */

    /** Read and written only by the thread that holds the lock. */
    private T value;

    /** A mutex, unlocked, protecting {@code value}. */
    public Mutex(T value) {
        this.value = value;
    }

    /**
     * Waits until the lock is free and takes it. Not interruptible: an interrupt leaves the
     * thread waiting, and its interrupt status is still set when this returns.
     */
    public Guard<T> lock() {
        if (!tryAcquire()) {
            acquireUninterruptibly(false);
        }
        return new Guard<>(this, Thread.currentThread());
    }

    /**
     * Waits until the lock is free and takes it, unless the thread is interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and the lock not taken
     */
    public Guard<T> lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire()) {
            acquire(Wait.INTERRUPTIBLE, 0, false);
        }
        return new Guard<>(this, Thread.currentThread());
    }

    /**
     * Takes the lock if it is free, without waiting.
     *
     * <p>The result may be used directly as a resource, since try-with-resources skips a null
     * one: {@code try (var guard = mutex.tryLock()) { if (guard != null) { ... } }}.
     *
     * @return the guard, or {@code null} if another thread holds the lock
     */
    public @Nullable Guard<T> tryLock() {
        return tryAcquire() ? new Guard<>(this, Thread.currentThread()) : null;
    }

    /**
     * Waits at most {@code timeout} for the lock. A zero or negative timeout tries once without
     * waiting; a timeout too long to represent in nanoseconds waits without limit.
     *
     * @return the guard, or {@code null} if the timeout elapsed first
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and the lock not taken
     */
    public @Nullable Guard<T> tryLock(Duration timeout) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryAcquire()) {
            return new Guard<>(this, Thread.currentThread());
        }
        if (!acquire(Wait.TIMED, deadlineAfter(timeout), false)) {
            return null;
        }
        return new Guard<>(this, Thread.currentThread());
    }

    /**
     * Whether some thread holds the lock at this moment; for monitoring, not for deciding
     * whether to lock (the answer may be stale by the time it is used).
     */
    public boolean isLocked() {
        return isHeld();
    }

    /**
     * {@code Mutex[unlocked]}, {@code Mutex[locked]}, or {@code Mutex[locked, contended]} when
     * threads may be waiting for it.
     */
    @Override
    public String toString() {
        if (!isHeld()) {
            return "Mutex[unlocked]";
        }
        return isContended() ? "Mutex[locked, contended]" : "Mutex[locked]";
    }

    /**
     * Access to the value of a held {@link Mutex}; closing it releases the lock. A guard
     * belongs to the thread that locked: any use from another thread, and any use after
     * {@link #close()}, throws {@link IllegalStateException}.
     *
     * @param <T> the type of the protected value
     */
    public static final class Guard<T extends @Nullable Object> implements AutoCloseable {
        private final Mutex<T> mutex;
        private final Thread owner;
        /** Read and written only by {@link #owner}. */
        private boolean closed;

        private Guard(Mutex<T> mutex, Thread owner) {
            this.mutex = mutex;
            this.owner = owner;
        }

        /** The protected value. */
        public T get() {
            checkUsable("get");
            return mutex.value;
        }

        /** Replaces the protected value. */
        public void set(T newValue) {
            checkUsable("set");
            mutex.value = newValue;
        }

        /**
         * Releases the lock, waking a waiting thread if there is one.
         *
         * @throws IllegalStateException if the guard was already closed, or if the calling
         *     thread is not the one that locked
         */
        @Override
        public void close() {
            checkUsable("close");
            closed = true;
            mutex.release();
        }

        /** The mutex this guard holds, for a condition variable to unlock and lock again. */
        Mutex<T> mutex() {
            return mutex;
        }

        /**
         * Checks that the calling thread may use this guard for {@code operation}: it is the
         * thread that locked, and the guard is still open.
         */
        void checkHeld(String operation) {
            checkUsable(operation);
        }

        private void checkUsable(String operation) {
            Thread current = Thread.currentThread();
            if (current != owner) {
                throw new IllegalStateException("cannot " + operation + " a Mutex guard from "
                        + current + ": it belongs to " + owner + ", the thread that locked");
            }
            if (closed) {
                throw new IllegalStateException("cannot " + operation
                        + " a Mutex guard that was already closed");
            }
        }

        /** Names the thread the guard belongs to; the value needs the lock. */
        @Override
        public String toString() {
            return "Mutex.Guard[owner=" + owner.getName() + "]";
        }
    }
}
