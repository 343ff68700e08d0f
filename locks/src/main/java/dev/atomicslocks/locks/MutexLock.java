package dev.atomicslocks.locks;

import dev.atomicslocks.locks.MutexCore.Wait;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * {@link Mutex}'s lock as a {@link Lock}, without a value: code written against
 * {@code java.util.concurrent.locks.ReentrantLock} can take it instead, and
 * {@link #newCondition()} gives a {@link Condition} backed by {@link Condvar}.
 *
 * <pre>{@code
 * Lock lock = new MutexLock();
 * lock.lock();
 * try {
 *     // critical section
 * } finally {
 *     lock.unlock();
 * }
 * }</pre>
 *
 * <p><b>Not reentrant</b>, unlike {@code ReentrantLock}: a thread that holds the lock and
 * calls {@link #lock()}, {@link #lockInterruptibly()} or {@link #tryLock(long, TimeUnit)} on
 * it again would wait for itself for ever; when the lock finds that it is contended and held
 * by the caller, those methods throw {@link IllegalStateException} instead. {@link #tryLock()}
 * by the holder returns {@code false}. Code that relies on reentrancy (a locked method that
 * calls another locked method) needs {@code ReentrantLock}.
 *
 * <p>Blocking and misuse follow {@code ReentrantLock}: {@link #lock()} waits without limit
 * and keeps an interrupt for later; {@link #lockInterruptibly()} and
 * {@link #tryLock(long, TimeUnit)} throw {@link InterruptedException} if the thread is
 * interrupted before or while waiting; {@link #unlock()} by a thread that does not hold the
 * lock throws {@link IllegalMonitorStateException}, as do the {@code await} and
 * {@code signal} methods of its conditions. A waiting virtual thread unmounts from its
 * carrier.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Not fair, but free of starvation, as {@link Mutex} (the same lock): a thread that has
 *       waited for more than about a millisecond has the lock handed to it. There is no fair
 *       mode.
 *   <li>No hold count, no queue inspection ({@code getQueueLength}, {@code hasQueuedThreads}
 *       and the like): the lock word does not know which threads wait.
 * </ul>
 */
public final class MutexLock extends MutexCore implements Lock {

    /*
     * MutexCore's lock word and algorithm, plus the owner thread that a Lock must check in
     * unlock (Mutex checks it in its guard instead). owner is written only by the thread that
     * holds the lock, after taking it and before releasing it, and read by any thread: a
     * thread can only ever read itself there if it wrote itself there and has not yet
     * cleared it, since no other thread writes its identity, so the plain field is enough
     * for "does the caller hold the lock", as it is for ReentrantLock's exclusive owner.
     */

    /** The holder, or null; written only by the holder (see above). */
    private @Nullable Thread owner;

    /** An unlocked lock. */
    public MutexLock() {
    }

    /**
     * Waits until the lock is free and takes it. Not interruptible: an interrupt leaves the
     * thread waiting, and its interrupt status is still set when this returns.
     *
     * @throws IllegalStateException if the calling thread already holds the lock
     */
    @Override
    public void lock() {
        if (!tryAcquire()) {
            checkNotHeldByCaller();
            acquireUninterruptibly(false);
        }
        owner = Thread.currentThread();
    }

    /**
     * Waits until the lock is free and takes it, unless the thread is interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and the lock not taken
     * @throws IllegalStateException if the calling thread already holds the lock
     */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire()) {
            checkNotHeldByCaller();
            acquire(Wait.INTERRUPTIBLE, 0, false);
        }
        owner = Thread.currentThread();
    }

    /** Takes the lock if it is free, without waiting; {@code false} if it is held. */
    @Override
    public boolean tryLock() {
        if (!tryAcquire()) {
            return false;
        }
        owner = Thread.currentThread();
        return true;
    }

    /**
     * Waits at most {@code time} for the lock. Zero or negative tries once without waiting; a
     * time too long for nanoseconds waits without limit.
     *
     * @return {@code true} if the lock was taken, {@code false} if the time elapsed first
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and the lock not taken
     * @throws IllegalStateException if the calling thread already holds the lock
     */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire()) {
            if (time <= 0) {
                return false;
            }
            checkNotHeldByCaller();
            if (!acquire(Wait.TIMED, deadlineAfterNanos(unit.toNanos(time)), false)) {
                return false;
            }
        }
        owner = Thread.currentThread();
        return true;
    }

    /**
     * Releases the lock, waking a waiting thread if there is one.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    @Override
    public void unlock() {
        checkHeldByCaller("unlock");
        owner = null;
        release();
    }

    /**
     * A new condition of this lock, backed by a {@link Condvar}: {@code await} and
     * {@code signal} need the lock held by the calling thread, signals move waiters onto
     * the lock instead of waking them into it, and waits may return spuriously. A zero or
     * negative timeout returns at once, without releasing the lock. {@code awaitUntil} waits
     * for the time remaining until the date, measured on {@link System#nanoTime()}, so a
     * change of the wall clock during the wait does not move its end.
     */
    @Override
    public Condition newCondition() {
        return new MutexCondition(this);
    }

    /** Whether some thread holds the lock at this moment; for monitoring only. */
    public boolean isLocked() {
        return isHeld();
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** {@code MutexLock[unlocked]} or {@code MutexLock[locked by <thread name>]}. */
    @Override
    public String toString() {
        Thread holder = owner;
        if (holder == null || !isHeld()) {
            return "MutexLock[unlocked]";
        }
        return "MutexLock[locked by " + holder.getName() + "]";
    }

    @Override
    void unlockForWait() {
        owner = null;
        release();
    }

    @Override
    void relockAfterWait() {
        super.relockAfterWait();
        owner = Thread.currentThread();
    }

    /** Throws unless the caller holds the lock, as {@code ReentrantLock} does. */
    void checkHeldByCaller(String operation) {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("cannot " + operation + " " + this
                    + " from " + Thread.currentThread() + ", which does not hold it");
        }
    }

    /** Turns a wait for oneself into an exception; only on the contended path. */
    private void checkNotHeldByCaller() {
        if (owner == Thread.currentThread()) {
            throw new IllegalStateException("MutexLock is not reentrant: "
                    + Thread.currentThread() + " already holds it");
        }
    }

    /** A {@link Condition} of a {@link MutexLock}: a {@link Condvar} and ownership checks. */
    private static final class MutexCondition implements Condition {
        private final MutexLock lock;
        private final Condvar condvar = new Condvar();

        MutexCondition(MutexLock lock) {
            this.lock = lock;
            condvar.bind(lock);
        }

        @Override
        public void await() throws InterruptedException {
            lock.checkHeldByCaller("await a condition of");
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            condvar.waitWith(lock, Wait.INTERRUPTIBLE, 0);
        }

        @Override
        public void awaitUninterruptibly() {
            lock.checkHeldByCaller("await a condition of");
            condvar.waitUninterruptiblyWith(lock);
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            lock.checkHeldByCaller("await a condition of");
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (nanosTimeout <= 0) {
                return nanosTimeout;
            }
            // Wraps for huge timeouts; compared and returned by subtraction, which does not.
            long deadline = System.nanoTime() + nanosTimeout;
            condvar.waitWith(lock, Wait.TIMED, deadline);
            return deadline - System.nanoTime();
        }

        @Override
        @SuppressWarnings("WaitNotInLoop") // a Condition method; its callers loop
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            Objects.requireNonNull(unit, "unit");
            return awaitFor(unit.toNanos(time));
        }

        @Override
        @SuppressWarnings({"WaitNotInLoop", "JavaUtilDate"}) // Condition's own signature
        public boolean awaitUntil(Date deadline) throws InterruptedException {
            Objects.requireNonNull(deadline, "deadline");
            // Compared before subtracting: a deadline near Long.MIN_VALUE would wrap into a
            // wait of centuries. A later deadline minus a positive now cannot wrap.
            long end = deadline.getTime();
            long now = System.currentTimeMillis();
            long millis = end <= now ? 0 : end - now;
            return awaitFor(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        /** The timed await of the three methods above; {@code nanos} saturated. */
        private boolean awaitFor(long nanos) throws InterruptedException {
            lock.checkHeldByCaller("await a condition of");
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (nanos <= 0) {
                return false;
            }
            return condvar.waitWith(lock, Wait.TIMED, deadlineAfterNanos(nanos));
        }

        @Override
        public void signal() {
            lock.checkHeldByCaller("signal a condition of");
            condvar.signal();
        }

        @Override
        public void signalAll() {
            lock.checkHeldByCaller("signal a condition of");
            condvar.signalAll();
        }

        /** {@code Condition[waiters=n] of MutexLock[...]}. */
        @Override
        public String toString() {
            return "Condition[waiters=" + condvar.waiterCount() + "] of " + lock;
        }
    }
}
