package dev.atomicslocks.locks;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.locks.MutexCore.Wait;
import dev.atomicslocks.oswait.AtomicWait;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A condition variable: threads holding a {@link Mutex} wait on it for the mutex's value to
 * change, and the threads that change it signal. A wait unlocks the mutex, sleeps, and locks
 * it again before it returns, so the caller holds the lock again when it looks at the value:
 *
 * <pre>{@code
 * Mutex<Queue<String>> queue = new Mutex<>(new ArrayDeque<>());
 * Condvar notEmpty = new Condvar();
 *
 * // consumer                                        // producer
 * try (var guard = queue.lock()) {                   try (var guard = queue.lock()) {
 *     notEmpty.awaitWhile(guard, Queue::isEmpty);        guard.get().add("x");
 *     String item = guard.get().remove();            }
 * }                                                  notEmpty.signal();
 * }</pre>
 *
 * <p>Waiting: {@link #await(Mutex.Guard)} is interruptible, as {@code Condition.await} is;
 * {@link #awaitUninterruptibly(Mutex.Guard)} is not (an interrupt neither ends the wait nor
 * makes it spin, and the status is still set when it returns); {@link #await(Mutex.Guard,
 * Duration)} gives up after a timeout and says so. The {@code awaitWhile} forms wait until a
 * predicate on the value no longer holds, re-checking it after every wake-up. Every form
 * holds the lock again when it returns, also when it throws. A waiting virtual thread
 * unmounts from its carrier.
 *
 * <p>Spurious wake-ups: a wait may return without a signal, as with every condition
 * variable, so callers re-check their condition in a loop, or use {@code awaitWhile}.
 *
 * <p>Signalling: {@link #signal()} wakes one waiting thread and {@link #signalAll()} all of
 * them; both may be called with or without the mutex held, and cost a single read when
 * nobody waits. Neither wakes a thread only for it to find the mutex locked: while the
 * mutex is held, the signalled threads are moved onto the mutex and woken one at a time by
 * its unlocks. {@code signalAll} never wakes a thundering herd.
 *
 * <p>Misuse throws {@link IllegalStateException}: waiting with a guard that was closed or
 * belongs to another thread, or with the guard of another mutex than the one this condition
 * variable was first used with (a condition variable belongs to one mutex, as in Rust, where
 * using one with two mutexes may panic).
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>A wait that a signal ends just as the mutex is unlocked may return spuriously while
 *       another, still asleep, is moved onto the mutex: a signal then wakes two threads.
 *   <li>Over 2<sup>32</sup> signals between a waiter's unlock and its sleep would let it
 *       sleep through the last one, as in the book's condition variable; no program comes
 *       close.
 * </ul>
 */
public final class Condvar {

    /*
     * The book's second condition variable (chapter 9, "Avoiding Syscalls"), grown past the
     * book by moving waiters onto the mutex instead of waking them into it.
     *
     * State: counter, an AtomicU32 that every signal increments and that waiters sleep on;
     * waiting, the number of threads between their count-in (made while holding the mutex)
     * and their count-out after the wait; mutex, the one mutex this condition variable is
     * used with, bound by the first wait (a VarHandle compare-and-set, so two first waits
     * with different mutexes cannot both bind).
     *
     * Waiting (waitWith): count in, read counter, unlock the mutex, sleep while counter holds
     * what was read, count out, lock the mutex again. Reading counter before the unlock is
     * what makes a signal after the unlock impossible to miss: it changes counter first.
     *
     * Signalling (transfer): nothing when nobody is counted in. Else increment counter, and
     * then: if the mutex is free, wake one waiter (signal), or wake one and move all the
     * others onto the mutex (signalAll, AtomicWait.wakeAndRequeue). If the mutex is taken,
     * set PARKED in its waiters word and move the waiters onto that word without waking any
     * (AtomicWait.requeue), gated on the word still holding what was set; the unlock of the
     * holder then wakes the first, whose own unlock wakes the next, and so on. The gate
     * fails only if the word changed meanwhile; then transfer looks at the mutex again.
     *
     * Why the moved threads are never stranded: the condvar sets PARKED, then reads the
     * mutex's state and sees it taken; with SEQ_CST on both sides that holder's unlock (which
     * writes state and then reads waiters) sees PARKED, and the requeue's gate and os-wait's
     * check-then-queue order the move against that unlock's change of the word and its wake.
     * When the mutex was free, the directly woken thread relocks it and every thread that
     * returns from a condvar wait sets PARKED as it relocks (MutexCore.relockAfterWait), so
     * its unlock wakes the moved ones; it is woken only after the move (os-wait's promise).
     *
     * Orderings: counter and waiting are RELAXED, as in the book: a waiter counts in and reads
     * counter while it holds the mutex, and a signaller that changed the value under the same
     * mutex took it after that unlock, so it sees the count; os-wait loses no wake of a waiter
     * that saw the old counter, whatever the ordering of the increment. The mutex binding is
     * volatile: a signaller that sees a waiter counted in must see which mutex it waits with.
     *
     * Differences from the book's condvar_2: the requeue onto a held mutex (the book wakes a
     * signalled thread straight into the mutex its signaller still holds, so it wakes, finds
     * the lock taken and sleeps again); signalAll wakes one and moves the rest even when the
     * mutex is free (the book wakes them all); the binding to one mutex, which the requeue
     * needs; interruptible and timed forms and the predicate forms; misuse checks.
     */

    private static final VarHandle MUTEX;

    static {
        try {
            MUTEX = MethodHandles.lookup().findVarHandle(Condvar.class, "mutex",
                    MutexCore.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Incremented by every signal that finds a waiter; waiters sleep on it. */
    private final AtomicU32 counter = new AtomicU32();
    /** Threads counted in to wait; an unsigned count that fits every thread of a JVM. */
    private final AtomicU32 waiting = new AtomicU32();
    /** The mutex of every wait, bound by the first one; read and set through MUTEX. */
    private volatile @Nullable MutexCore mutex;

    /** A condition variable nobody waits on, not yet bound to a mutex. */
    public Condvar() {
    }

    /**
     * Unlocks the guard's mutex, waits until signalled or interrupted (or spuriously), and
     * locks the mutex again before returning or throwing.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     status is then cleared, and the mutex is held again
     * @throws IllegalStateException if the guard is closed, belongs to another thread, or is
     *     a guard of another mutex than the one this condition variable is used with
     */
    public void await(Mutex.Guard<?> guard) throws InterruptedException {
        MutexCore locked = checkWaitable(guard);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        waitWith(locked, Wait.INTERRUPTIBLE, 0);
    }

    /**
     * Unlocks the guard's mutex, waits until signalled (or spuriously), and locks the mutex
     * again before returning. Not interruptible: an interrupt neither ends the wait nor makes
     * it spin, and the thread's interrupt status is still set when this returns.
     *
     * @throws IllegalStateException if the guard is closed, belongs to another thread, or is
     *     a guard of another mutex than the one this condition variable is used with
     */
    public void awaitUninterruptibly(Mutex.Guard<?> guard) {
        MutexCore locked = checkWaitable(guard);
        waitUninterruptiblyWith(locked);
    }

    /**
     * Unlocks the guard's mutex, waits until signalled or interrupted (or spuriously) or until
     * {@code timeout} has passed, and locks the mutex again before returning or throwing. A
     * zero or negative timeout returns {@code false} at once without unlocking; a timeout too
     * long to represent in nanoseconds waits without limit.
     *
     * @return {@code false} if the timeout passed before a signal, {@code true} otherwise
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     status is then cleared, and the mutex is held again
     * @throws IllegalStateException if the guard is closed, belongs to another thread, or is
     *     a guard of another mutex than the one this condition variable is used with
     */
    public boolean await(Mutex.Guard<?> guard, Duration timeout) throws InterruptedException {
        MutexCore locked = checkWaitable(guard);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (timeout.isZero() || timeout.isNegative()) {
            return false;
        }
        return waitWith(locked, Wait.TIMED, MutexCore.deadlineAfter(timeout));
    }

    /**
     * Waits, as {@link #await(Mutex.Guard)} does, for as long as {@code condition} holds for
     * the guarded value; tests it before each wait, holding the lock. Returns at once if it
     * does not hold.
     *
     * @throws InterruptedException as {@link #await(Mutex.Guard)}; the mutex is held again
     * @throws IllegalStateException as {@link #await(Mutex.Guard)}
     */
    public <T extends @Nullable Object> void awaitWhile(Mutex.Guard<T> guard,
            Predicate<? super T> condition) throws InterruptedException {
        Objects.requireNonNull(condition, "condition");
        checkWaitable(guard);
        while (condition.test(guard.get())) {
            await(guard);
        }
    }

    /**
     * Waits, as {@link #awaitUninterruptibly(Mutex.Guard)} does, for as long as
     * {@code condition} holds for the guarded value; tests it before each wait, holding the
     * lock.
     *
     * @throws IllegalStateException as {@link #await(Mutex.Guard)}
     */
    public <T extends @Nullable Object> void awaitWhileUninterruptibly(Mutex.Guard<T> guard,
            Predicate<? super T> condition) {
        Objects.requireNonNull(condition, "condition");
        checkWaitable(guard);
        while (condition.test(guard.get())) {
            awaitUninterruptibly(guard);
        }
    }

    /**
     * Waits, as {@link #await(Mutex.Guard, Duration)} does, for as long as {@code condition}
     * holds for the guarded value, but no longer than {@code timeout} in all; tests it before
     * each wait, holding the lock.
     *
     * @return {@code true} if the condition no longer holds, {@code false} if the timeout
     *     passed while it still held
     * @throws InterruptedException as {@link #await(Mutex.Guard)}; the mutex is held again
     * @throws IllegalStateException as {@link #await(Mutex.Guard)}
     */
    public <T extends @Nullable Object> boolean awaitWhile(Mutex.Guard<T> guard,
            Predicate<? super T> condition, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(condition, "condition");
        checkWaitable(guard);
        long deadline = MutexCore.deadlineAfter(timeout);
        while (condition.test(guard.get())) {
            MutexCore locked = checkWaitable(guard);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
            waitWith(locked, Wait.TIMED, deadline);
        }
        return true;
    }

    /**
     * Wakes one thread waiting here, if there is one: the one that has waited longest. With
     * the mutex held, the thread is moved onto the mutex and woken by its unlock. Costs one
     * read when nobody waits.
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes every thread waiting here. They do not all wake at once to fight for the mutex:
     * they are moved onto it and each unlock wakes the next. Costs one read when nobody waits.
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /**
     * Whether threads wait here at this moment; for monitoring, not for synchronisation (the
     * answer may be stale by the time it is used).
     */
    public boolean hasWaiters() {
        return waiting.load(RELAXED) != 0;
    }

    /**
     * An estimate of how many threads wait here at this moment; for monitoring only. Counts a
     * thread from just before it unlocks the mutex to wait until it wakes.
     */
    public int waiterCount() {
        return waiting.load(RELAXED);
    }

    /** {@code Condvar[waiters=n]}, with {@link #waiterCount()}. */
    @Override
    public String toString() {
        return "Condvar[waiters=" + Integer.toUnsignedString(waiterCount()) + "]";
    }

    // --- the machinery behind the waits, shared with the Condition of MutexLock ---

    /** Checks that the guard may wait here and binds this condvar to its mutex. */
    private MutexCore checkWaitable(Mutex.Guard<?> guard) {
        Objects.requireNonNull(guard, "guard");
        guard.checkHeld("wait with");
        Mutex<?> owner = guard.mutex();
        bind(owner);
        return owner;
    }

    /**
     * Binds this condvar to {@code candidate}, or checks that it is the mutex it is bound to.
     *
     * @throws IllegalStateException if it is bound to another mutex
     */
    void bind(MutexCore candidate) {
        MutexCore bound = mutex;
        if (bound == null) {
            if (MUTEX.compareAndSet(this, null, candidate)) {
                return;
            }
            bound = Objects.requireNonNull(mutex);
        }
        if (bound != candidate) {
            throw new IllegalStateException("cannot wait on " + this + " with a lock of "
                    + candidate + ": it is used with " + bound
                    + ", and a condition variable belongs to one mutex");
        }
    }

    /** The uninterruptible wait, for a caller that has checked ownership and bound. */
    void waitUninterruptiblyWith(MutexCore locked) {
        try {
            waitWith(locked, Wait.UNINTERRUPTIBLE, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    /**
     * Unlocks {@code locked}, sleeps as {@code wait} says, and locks it again; the caller
     * holds it and has bound this condvar to it.
     *
     * @return false if a timed wait ran out before a signal
     */
    boolean waitWith(MutexCore locked, Wait wait, long deadline) throws InterruptedException {
        waiting.fetchAdd(1, RELAXED);
        int seen = counter.load(RELAXED);
        locked.unlockForWait();
        try {
            return switch (wait) {
                case UNINTERRUPTIBLE -> {
                    AtomicWait.wait(counter, seen);
                    yield true;
                }
                case INTERRUPTIBLE -> {
                    AtomicWait.waitInterruptibly(counter, seen);
                    yield true;
                }
                case TIMED -> AtomicWait.waitUntil(counter, seen, deadline);
            };
        } finally {
            waiting.fetchSub(1, RELAXED);
            locked.relockAfterWait();
        }
    }

    /** Signals up to {@code count} waiters. */
    private void signal(int count) {
        MutexCore bound = mutex;
        if (bound == null || waiting.load(RELAXED) == 0) {
            return;
        }
        counter.fetchAdd(1, RELAXED);
        transfer(bound, count);
    }

    /** Wakes or moves up to {@code count} waiters, after counter was incremented. */
    private void transfer(MutexCore bound, int count) {
        while (true) {
            if (!bound.isTakenNow()) {
                wakeDirectly(bound, count);
                return;
            }
            int parked = bound.markParked();
            if (!bound.isTakenNow()) {
                // Freed since: PARKED stays set, which only costs its unlocker a look.
                wakeDirectly(bound, count);
                return;
            }
            if (AtomicWait.requeue(counter, bound.waiters, parked, count) != -1) {
                return;
            }
        }
    }

    /** For a free mutex: wakes one waiter, and for signalAll moves the others onto it. */
    private void wakeDirectly(MutexCore bound, int count) {
        if (count == 1) {
            AtomicWait.wakeOne(counter);
        } else {
            AtomicWait.wakeAndRequeue(counter, 1, bound.waiters, count - 1);
        }
    }
}
