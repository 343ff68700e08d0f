package dev.atomicslocks.oswait;

import dev.atomicslocks.basics.AtomicU32;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Wait and wake on an {@link AtomicU32}: the {@code wait}, {@code wake_one} and
 * {@code wake_all} of chapter 8, for atomics in the Java heap.
 *
 * <p>A waiting thread sleeps only while the atomic holds the value it expects; the check and
 * the sleep are atomic with respect to the wake methods, so a thread that changes the atomic
 * and then wakes it can never miss a waiter that saw the old value. The package documentation
 * states the whole contract.
 *
 * <pre>{@code
 * // waiter                                   // waker
 * while (ready.load(ACQUIRE) == 0) {          ready.store(1, RELEASE);
 *     AtomicWait.wait(ready, 0);              AtomicWait.wakeOne(ready);
 * }
 * }</pre>
 *
 * <p>A thread waiting here is parked with the atomic as its blocker, so thread dumps and
 * {@link java.util.concurrent.locks.LockSupport#getBlocker(Thread)} show what it waits for.
 */
public final class AtomicWait {

    private AtomicWait() {
    }

    /**
     * Blocks while {@code atomic} holds {@code expected}, until another thread wakes it. Returns
     * at once if the value differs. May return spuriously: re-check the atomic in a loop.
     *
     * <p>Not interruptible: an interrupt neither ends the wait nor makes it spin, and the
     * thread's interrupt status is set again on return.
     */
    public static void wait(AtomicU32 atomic, int expected) {
        Objects.requireNonNull(atomic, "atomic");
        try {
            ParkingLot.park(atomic, expected, false, false, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    /**
     * Blocks while {@code atomic} holds {@code expected}, until another thread wakes it or the
     * thread is interrupted. Returns at once if the value differs. May return spuriously.
     *
     * @throws InterruptedException if the thread is interrupted before or while waiting; its
     *     interrupt status is cleared
     */
    public static void waitInterruptibly(AtomicU32 atomic, int expected)
            throws InterruptedException {
        Objects.requireNonNull(atomic, "atomic");
        ParkingLot.park(atomic, expected, true, false, 0);
    }

    /**
     * Blocks while {@code atomic} holds {@code expected}, until another thread wakes it, the
     * timeout elapses or the thread is interrupted. May return spuriously. A zero or negative
     * timeout only checks the value; a huge one is capped at about 292 years.
     *
     * @return {@code false} if the timeout elapsed, {@code true} otherwise (woken, the value
     *     differed, or a spurious return)
     * @throws InterruptedException if the thread is interrupted before or while waiting; its
     *     interrupt status is cleared
     */
    public static boolean waitFor(AtomicU32 atomic, int expected, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(atomic, "atomic");
        // convert() saturates where Duration.toNanos() would throw; a negative timeout is
        // clamped to zero, since a deadline of now + Long.MIN_VALUE would wrap into the future.
        long nanos = Math.max(0, TimeUnit.NANOSECONDS.convert(timeout));
        return ParkingLot.park(atomic, expected, true, true, System.nanoTime() + nanos);
    }

    /**
     * As {@link #waitFor}, with a deadline on the {@link System#nanoTime()} clock, so that a
     * caller that waits in a loop keeps one deadline across spurious returns. A deadline that
     * has passed only checks the value.
     *
     * @return {@code false} if the deadline passed, {@code true} otherwise
     * @throws InterruptedException if the thread is interrupted before or while waiting; its
     *     interrupt status is cleared
     */
    public static boolean waitUntil(AtomicU32 atomic, int expected, long deadlineNanos)
            throws InterruptedException {
        Objects.requireNonNull(atomic, "atomic");
        return ParkingLot.park(atomic, expected, true, true, deadlineNanos);
    }

    /**
     * Wakes one thread waiting on {@code atomic}, the one that has waited longest. Call it
     * after changing the atomic; any ordering of that change is enough. With nobody waiting it
     * takes no lock, but it does issue a full fence (see the package's limitations).
     *
     * @return the number of threads woken: 0 or 1
     */
    public static int wakeOne(AtomicU32 atomic) {
        Objects.requireNonNull(atomic, "atomic");
        return ParkingLot.wake(atomic, 1);
    }

    /**
     * Wakes every thread waiting on {@code atomic}. Call it after changing the atomic.
     *
     * @return the number of threads woken
     */
    public static int wakeAll(AtomicU32 atomic) {
        Objects.requireNonNull(atomic, "atomic");
        return ParkingLot.wake(atomic, Integer.MAX_VALUE);
    }

    /**
     * Moves up to {@code count} threads waiting on {@code from} so that they wait on
     * {@code to} instead, without waking them, provided that {@code to} still holds
     * {@code toExpected}: the requeue of chapter 8 ({@code FUTEX_CMP_REQUEUE} on Linux, which
     * compares {@code from} where this compares {@code to}). A condition variable uses it to
     * move its waiters onto a held mutex, whose unlock then wakes them one at a time instead
     * of all of them waking to fight for the lock.
     *
     * <p>The check of {@code to} and the move are atomic with respect to waits and wakes on
     * {@code to}: a thread that changes {@code to} and then wakes it either makes this call
     * move nobody, or finds the moved threads. Moved threads keep their order and queue
     * behind the threads already waiting on {@code to}; a later wake of {@code to} wakes them,
     * and each then returns from the wait it called on {@code from}. Call it after changing
     * {@code from}, as for a wake.
     *
     * <p>A moved thread counts as woken: if its timeout passes or (in an interruptible wait)
     * it is interrupted while it waits on {@code to}, it stops waiting and returns as woken,
     * {@code true} from a timed wait, with its interrupt status set.
     *
     * @return the number of threads moved; 0, without looking at {@code to}, if nobody waits
     *     on {@code from}; or -1 if {@code to} did not hold {@code toExpected}, in which case
     *     nobody was moved
     * @throws IllegalArgumentException if {@code from} and {@code to} are the same atomic, or
     *     {@code count} is negative
     */
    public static int requeue(AtomicU32 from, AtomicU32 to, int toExpected, int count) {
        checkRequeue(from, to, count, "count");
        return ParkingLot.requeue(from, to, toExpected, count);
    }

    /**
     * Wakes up to {@code wakeCount} threads waiting on {@code from}, longest waiting first, and
     * moves up to {@code requeueCount} of the others to wait on {@code to} instead
     * ({@code FUTEX_REQUEUE}). A woken thread returns only after the others have been moved,
     * so a woken thread that goes on to wake {@code to} finds them. Moved threads behave as
     * described at {@link #requeue}. Call it after changing {@code from}.
     *
     * @return the number of threads woken plus the number moved
     * @throws IllegalArgumentException if {@code from} and {@code to} are the same atomic, or
     *     a count is negative
     */
    public static int wakeAndRequeue(AtomicU32 from, int wakeCount, AtomicU32 to,
            int requeueCount) {
        checkRequeue(from, to, requeueCount, "requeueCount");
        if (wakeCount < 0) {
            throw new IllegalArgumentException("wakeCount must not be negative: " + wakeCount);
        }
        return ParkingLot.wakeAndRequeue(from, wakeCount, to, requeueCount);
    }

    private static void checkRequeue(AtomicU32 from, AtomicU32 to, int count, String name) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("cannot requeue waiters of an atomic onto itself");
        }
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + count);
        }
    }
}
