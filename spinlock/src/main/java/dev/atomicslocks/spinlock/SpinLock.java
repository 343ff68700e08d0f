package dev.atomicslocks.spinlock;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import org.jspecify.annotations.Nullable;

/**
 * A spin lock that owns the value it protects. The value is reached only through the
 * {@link Guard} that {@link #lock()} or {@link #tryLock()} returns, and closing the guard
 * releases the lock, so a try-with-resources block is the critical section:
 *
 * <pre>{@code
 * SpinLock<List<String>> names = new SpinLock<>(new ArrayList<>());
 * try (var guard = names.lock()) {
 *     guard.get().add("x");
 * }
 * }</pre>
 *
 * <p>A thread that finds the lock taken does not sleep: it spins until the lock is free, so a
 * spin lock pays off only for critical sections of a few instructions. It is not reentrant,
 * not fair, and not interruptible (a spinning thread keeps spinning, and its interrupt status
 * is left alone).
 *
 * <p>Misuse throws {@link IllegalStateException} instead of corrupting the lock: using a guard
 * after it was closed, closing it twice, or using or closing it from a thread other than the
 * one that locked.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>A thread that locks a lock it already holds spins for ever, as in the book.
 *   <li>A waiting thread burns processor time. After {@value #SPINS_BEFORE_YIELD} spins it
 *       calls {@link Thread#yield()}, so that a holder that was descheduled (or a virtual
 *       thread waiting for a carrier) gets to run, but it never sleeps.
 *   <li>Each lock allocates a small guard object; the JIT usually removes it when the guard
 *       does not escape the try-with-resources block.
 * </ul>
 *
 * @param <T> the type of the protected value
 */
public final class SpinLock<T extends @Nullable Object> {

    /*
     * The book's final step (chapter 4, "A Safe Interface Using a Lock Guard") with checks and
     * a gentler wait.
     *
     * State: one flag, true while a thread holds the lock, and the value, a plain field that
     * only the holder reads or writes. Locking swaps true in with ACQUIRE; the thread whose
     * swap finds false owns the lock and, through the pairing with the RELEASE store of the
     * previous unlock, sees every write of the previous critical section.
     *
     * Waiting (lockContended): a thread that lost the swap waits on a RELAXED load rather
     * than repeating the swap, so that the waiters share the cache line instead of taking it
     * from each other, and tries the swap again only when the flag reads false. It hints the
     * processor on each spin and yields its thread every SPINS_BEFORE_YIELD spins.
     *
     * The guard records the thread that locked and whether it was closed. Both are read only
     * by that thread, after it checked that it is that thread, so plain fields are enough.
     *
     * Differences from the book: the guard checks its use (Rust's compiler does that); the
     * waiting is test-and-test-and-set with a yield instead of a bare swap loop; tryLock.
     */

    /** Spins between two yields of a waiting thread; chosen, not measured. */
    static final int SPINS_BEFORE_YIELD = 128;

    private final AtomicBool locked = new AtomicBool(false);
    private T value;

    /** A lock, unlocked, protecting {@code value}. */
    public SpinLock(T value) {
        this.value = value;
    }

    /** Spins until the lock is free, takes it and returns the guard that releases it. */
    public Guard<T> lock() {
        // ACQUIRE: pairs with the RELEASE store in Guard.close.
        if (locked.swap(true, ACQUIRE)) {
            lockContended();
        }
        return new Guard<>(this, Thread.currentThread());
    }

    /**
     * Takes the lock if it is free, without waiting.
     *
     * <p>The result may be used directly as a resource, since try-with-resources skips a null
     * one: {@code try (var guard = lock.tryLock()) { if (guard != null) { ... } }}.
     *
     * @return the guard, or {@code null} if another thread holds the lock
     */
    public @Nullable Guard<T> tryLock() {
        // ACQUIRE, as in lock(). A load first would save nothing on the uncontended path.
        if (locked.swap(true, ACQUIRE)) {
            return null;
        }
        return new Guard<>(this, Thread.currentThread());
    }

    /**
     * Whether some thread holds the lock at this moment; for monitoring, not for deciding
     * whether to lock (the answer may be stale by the time it is used).
     */
    public boolean isLocked() {
        return locked.load(RELAXED);
    }

    /** {@code SpinLock[locked]} or {@code SpinLock[unlocked]}; the value needs the lock. */
    @Override
    public String toString() {
        return isLocked() ? "SpinLock[locked]" : "SpinLock[unlocked]";
    }

    // Yielding is no scheduling hint here but a way to let a descheduled holder, or a virtual
    // thread waiting for a carrier, run; correctness never depends on it.
    @SuppressWarnings("ThreadPriorityCheck")
    private void lockContended() {
        int spins = 0;
        do {
            // RELAXED: only a hint that the lock may be free; the swap below decides.
            while (locked.load(RELAXED)) {
                spins++;
                if (spins < SPINS_BEFORE_YIELD) {
                    Atomics.spinLoop();
                } else {
                    Thread.yield();
                    spins = 0;
                }
            }
        } while (locked.swap(true, ACQUIRE));
    }

    /**
     * Access to the value of a held {@link SpinLock}; closing it releases the lock. A guard
     * belongs to the thread that locked: any use from another thread, and any use after
     * {@link #close()}, throws {@link IllegalStateException}.
     *
     * @param <T> the type of the protected value
     */
    public static final class Guard<T extends @Nullable Object> implements AutoCloseable {
        private final SpinLock<T> lock;
        private final Thread owner;
        /** Read and written only by {@link #owner}. */
        private boolean closed;

        private Guard(SpinLock<T> lock, Thread owner) {
            this.lock = lock;
            this.owner = owner;
        }

        /** The protected value. */
        public T get() {
            checkUsable("get");
            return lock.value;
        }

        /** Replaces the protected value. */
        public void set(T newValue) {
            checkUsable("set");
            lock.value = newValue;
        }

        /**
         * Releases the lock.
         *
         * @throws IllegalStateException if the guard was already closed, or if the calling
         *     thread is not the one that locked
         */
        @Override
        public void close() {
            checkUsable("close");
            closed = true;
            // RELEASE: publishes the critical section to the next thread that locks.
            lock.locked.store(false, RELEASE);
        }

        private void checkUsable(String operation) {
            Thread current = Thread.currentThread();
            if (current != owner) {
                throw new IllegalStateException("cannot " + operation + " a SpinLock guard from "
                        + current + ": it belongs to " + owner + ", the thread that locked");
            }
            if (closed) {
                throw new IllegalStateException("cannot " + operation
                        + " a SpinLock guard that was already closed");
            }
        }

        /** Names the thread the guard belongs to; the value needs the lock. */
        @Override
        public String toString() {
            return "SpinLock.Guard[owner=" + owner.getName() + "]";
        }
    }
}
