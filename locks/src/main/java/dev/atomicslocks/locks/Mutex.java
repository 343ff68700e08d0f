package dev.atomicslocks.locks;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.oswait.AtomicWait;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 *   <li>Not fair: a thread that arrives as the lock is released may take it before a thread
 *       that has been asleep, as in the book and in a non-fair {@code ReentrantLock}.
 *   <li>No poisoning: where Rust marks a mutex whose holder panicked, an exception here
 *       simply releases the lock as the try-with-resources block ends; the value may be left
 *       half-updated.
 *   <li>Each lock allocates a small guard object; the JIT usually removes it when the guard
 *       does not escape the try-with-resources block.
 * </ul>
 *
 * @param <T> the type of the protected value
 */
public final class Mutex<T extends @Nullable Object> {

    /*
     * The book's third mutex (chapter 9, "Optimizing Further"), with timed and interruptible
     * forms and a checked guard.
     *
     * State (one AtomicU32, the word threads sleep on):
     *   UNLOCKED  (0)  nobody holds the lock
     *   LOCKED    (1)  held, and nobody has gone to sleep since it was taken
     *   CONTENDED (2)  held, and a thread may be asleep waiting for it
     *
     * Locking: a compare-exchange from UNLOCKED to LOCKED takes a free lock (the fast path,
     * no allocation besides the guard). Otherwise (lockContended) the thread spins, reading
     * the state RELAXED, while it is LOCKED and for at most SPIN_LIMIT rounds, and tries the
     * compare-exchange once more; then it swaps CONTENDED in and sleeps while the state is
     * CONTENDED, until a swap finds UNLOCKED. That thread then holds the lock marked
     * CONTENDED, since it cannot tell whether others still sleep.
     *
     * Unlocking swaps UNLOCKED in and wakes one sleeper if it took out CONTENDED.
     *
     * Orderings: every access that can take the lock is ACQUIRE and the unlock swap is
     * RELEASE; they pair, so a critical section sees everything its predecessors wrote. The
     * spin reads are RELAXED: they only decide whether to keep spinning.
     *
     * Giving up (a timeout or an interrupt) leaves the state CONTENDED if this thread set it.
     * That is safe: the holder's unlock then wakes one sleeper or nobody, and a wake that was
     * meant for this thread is not lost, because os-wait reports a wake that arrived together
     * with a timeout or an interrupt as a wake, and the loop then tries the lock again.
     *
     * Who wakes whom: each unlock of a CONTENDED lock wakes one sleeper, which swaps
     * CONTENDED in again, so the next unlock wakes the next one.
     */

    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;
    /** Spins before sleeping, the book's figure; chosen there, not measured here. */
    static final int SPIN_LIMIT = 100;

    private final AtomicU32 state = new AtomicU32(UNLOCKED);
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
            lockContended();
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
            lockContendedInterruptibly();
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
        // convert() saturates; a negative timeout is clamped to zero, since now +
        // Long.MIN_VALUE would wrap into the future. Deadlines are compared by subtraction.
        long deadline = System.nanoTime() + Math.max(0, TimeUnit.NANOSECONDS.convert(timeout));
        if (!lockContendedUntil(deadline)) {
            return null;
        }
        return new Guard<>(this, Thread.currentThread());
    }

    /**
     * Whether some thread holds the lock at this moment; for monitoring, not for deciding
     * whether to lock (the answer may be stale by the time it is used).
     */
    public boolean isLocked() {
        return state.load(RELAXED) != UNLOCKED;
    }

    /** {@code Mutex[unlocked]}, {@code Mutex[locked]} or {@code Mutex[locked, contended]}. */
    @Override
    public String toString() {
        return switch (state.load(RELAXED)) {
            case UNLOCKED -> "Mutex[unlocked]";
            case LOCKED -> "Mutex[locked]";
            default -> "Mutex[locked, contended]";
        };
    }

    private boolean tryAcquire() {
        // ACQUIRE: pairs with the RELEASE swap in unlock.
        return state.compareExchange(UNLOCKED, LOCKED, ACQUIRE, RELAXED) == UNLOCKED;
    }

    /** Spins briefly while an uncontended owner holds the lock; true if it was then taken. */
    private boolean spinThenTryAcquire() {
        int spins = 0;
        // RELAXED: only deciding whether to keep spinning; the compare-exchange decides.
        while (state.load(RELAXED) == LOCKED && spins < SPIN_LIMIT) {
            spins++;
            Atomics.spinLoop();
        }
        return tryAcquire();
    }

    /** Marks the lock contended; true if that took it (the swap found it free). */
    private boolean acquireContended() {
        // ACQUIRE: pairs with the RELEASE swap in unlock.
        return state.swap(CONTENDED, ACQUIRE) == UNLOCKED;
    }

    private void lockContended() {
        if (spinThenTryAcquire()) {
            return;
        }
        while (!acquireContended()) {
            AtomicWait.wait(state, CONTENDED);
        }
    }

    private void lockContendedInterruptibly() throws InterruptedException {
        if (spinThenTryAcquire()) {
            return;
        }
        while (!acquireContended()) {
            AtomicWait.waitInterruptibly(state, CONTENDED);
        }
    }

    private boolean lockContendedUntil(long deadline) throws InterruptedException {
        if (spinThenTryAcquire()) {
            return true;
        }
        while (!acquireContended()) {
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
            AtomicWait.waitUntil(state, CONTENDED, deadline);
        }
        return true;
    }

    private void unlock() {
        // RELEASE: publishes the critical section to the next thread that locks.
        if (state.swap(UNLOCKED, RELEASE) == CONTENDED) {
            AtomicWait.wakeOne(state);
        }
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
            mutex.unlock();
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
