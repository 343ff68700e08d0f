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
}
