package dev.atomicslocks.locks;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.SEQ_CST;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.oswait.AtomicWait;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The lock of {@link Mutex} and {@link MutexLock} and the algorithm on it, without a value
 * and without an owner: take, release and wait. {@link Condvar} reaches it to unlock before
 * waiting, to lock again afterwards, and to move its waiters onto it.
 */
abstract sealed class MutexCore permits Mutex, MutexLock {

    /*
     * The book's third mutex (chapter 9, "Optimizing Further") grown past the book in the
     * ways that decide its speed under contention: at most one wake-up in flight, a woken
     * thread that competes with newcomers, and a hand-off that bounds how long barging can
     * keep a waiter out.
     *
     * Three words, each an AtomicU32:
     *
     *   state    the lock itself           bit 1 HANDOFF | bit 0 LOCKED
     *   waiters  what the unlock must do   bit 1 WAKING  | bit 0 PARKED; sleepers sleep on it
     *   handoff  a sequence number that the claimant of a hand-off sleeps on
     *
     *   state 0                  free
     *   state LOCKED             held
     *   state LOCKED | HANDOFF   held; a waiter has claimed it: the unlock reserves it for them
     *   state HANDOFF            free but reserved: only the claimant may take it
     *
     *   waiters PARKED           a thread may be asleep on waiters: an unlock must wake one
     *   waiters WAKING           a woken thread is on its way: no unlock wakes another
     *
     * Why two words where the book has one: the book's state 2 ("locked, someone may sleep")
     * stays set while threads sleep, so under contention its compare-exchange from 0 to 1 no
     * longer succeeds and every lock and unlock needs a second locked instruction. Here the
     * lock word holds only LOCKED (and, rarely, HANDOFF), so taking it is one
     * compare-exchange and releasing it one fetch-and-add, contended or not; the unlock then
     * reads waiters, a plain load on x86, to decide whether to wake anyone. That is also the
     * shape of ReentrantLock (a state word, and a queue the release looks at).
     *
     * Locking: a compare-exchange of state from 0 to LOCKED (the fast path). Otherwise
     * (acquire) the thread retries whenever it sees the lock free: a newcomer may take the
     * lock ahead of a woken thread (barging), which keeps the lock busy while the woken
     * thread gets going. If the lock is taken it sets PARKED in waiters, reads state again,
     * and sleeps on waiters if the lock is still taken. After a wake it retries the same way.
     *
     * No spinning before sleeping, unlike the book's third mutex: measured with the book's
     * four threads on this two-core machine (benchmarks, MutexBenchmark), a thread that spins
     * while the other running thread holds the lock takes it at nearly every release, so the
     * lock and the data it guards cross between the cores on every critical section; with
     * 100 spins the run took 2.5 times as long as ReentrantLock's, with 10 spins 1.2 times,
     * without spinning 0.9 times. ReentrantLock does not spin either (its first queued thread
     * retries a few times after a wake).
     *
     * Unlocking: a fetch-and-add of -LOCKED on state, then a read of waiters (the fast path
     * ends there unless it is exactly PARKED). With PARKED and no WAKING, and the lock not
     * taken again meanwhile (wakeIfNeeded): swap PARKED for WAKING and wake one sleeper. If the
     * old state had HANDOFF, the lock is now reserved: bump the handoff sequence and wake the
     * claimant. Under contention nearly every unlock finds WAKING set and has nothing to do;
     * release tests for that itself rather than in a call, so that its cost does not depend on
     * whether the JIT inlines the call (measured: when it did not, every unlock paid for it,
     * and contended Mutex took 1.09 times as long as ReentrantLock instead of 1.00).
     *
     * Why nobody sleeps for ever. A sleeper writes waiters (setting PARKED) and then reads
     * state; an unlocker writes state and then reads waiters; all four accesses are SEQ_CST,
     * so if the sleeper saw the lock taken by some holder, that holder's unlock sees PARKED
     * (or a later value of waiters). os-wait's check of waiters before sleeping, and the fence
     * in its wake, cover the moment between that read and the sleep. Invariant: while a thread
     * sleeps on waiters, PARKED is set, or WAKING is set and the woken thread has not run.
     * The unlock that wakes a thread clears PARKED (it cannot know whether more sleep) and
     * the woken thread takes the duty over: every thread that may own WAKING ("mayOwnWake":
     * it returned from a wait on waiters, or a condvar moved it there) clears WAKING only in
     * a compare-exchange that also sets PARKED, whether it then has the lock, goes back to
     * sleep, claims a hand-off or gives up (abandonWake, which wakes a sleeper itself if the
     * lock is free). A thread that never slept leaves WAKING alone. When the wake finds nobody
     * asleep, the unlocker drops WAKING and looks again, since a sleeper may have set PARKED
     * meanwhile. Clearing a WAKING that another woken thread owns is harmless: it can only
     * allow a second wake-up in flight, never fewer.
     *
     * Hand-off (no starvation): barging lets a thread that never slept take the lock ahead
     * of a woken one, as in a non-fair ReentrantLock, so a woken thread may lose again and
     * again. A thread that finds the lock held after a wake, having first gone to sleep at
     * least HANDOFF_AFTER_NANOS ago, sets HANDOFF in state (one claimant at a time: the bit is
     * the claim). The holder's unlock then leaves state at HANDOFF, which no newcomer may
     * take, and wakes the claimant, which spins first and sleeps on the handoff sequence only
     * if the holder takes long. A claimant that times out or is interrupted takes HANDOFF back
     * with a compare-exchange, or, if the unlock won that race, takes the reserved lock (and
     * keeps it, as os-wait reports a wake that coincides with a timeout as a wake). Every
     * waiter therefore gets the lock within about its rank among the sleepers times the
     * hand-off interval, however hard newcomers barge.
     *
     * Orderings: taking the lock is ACQUIRE (RELAXED on failure) and the unlock's
     * fetch-and-add is SEQ_CST, which also releases; the claimant's compare-exchange from
     * HANDOFF reads the unlock's write and so is ordered after the critical section too. The
     * accesses of the sleeper-unlocker argument above are SEQ_CST (on x86 the loads are plain
     * moves and the read-modify-writes locked instructions either way). The first read of
     * state in acquire is RELAXED: it only decides whether to try. The other updates of
     * waiters only guide wakes, and are SEQ_CST for the same argument.
     *
     * Differences from the book's mutex_3, all deliberate: the waiters word (the book's one
     * word with values 0, 1, 2); the WAKING bit (the book wakes a sleeper on every unlock
     * while anyone sleeps, and each woken sleeper marks the lock contended again, so under
     * contention every unlock is a wake system call for a thread that will lose to the
     * running one); no wake when the lock was taken again before the unlocker looked; no
     * spinning (above); the hand-off; timed and interruptible forms.
     */

    static final int LOCKED = 1;
    static final int HANDOFF = 1 << 1;

    static final int PARKED = 1;
    static final int WAKING = 1 << 1;

    /**
     * Spins of a hand-off claimant before it sleeps, the book's figure for its spinning
     * mutex; chosen there, not measured here. The unlock it waits for is usually a few
     * instructions away, since the claimant has just seen the lock held by a running thread.
     */
    static final int HANDOFF_SPINS = 100;
    /**
     * How long a thread may have slept on the lock before it claims a hand-off; chosen, not
     * measured: long against a wake-up (tens of microseconds here), so that hand-offs stay
     * rare under steady contention, and short against anything a person would notice.
     */
    static final long HANDOFF_AFTER_NANOS = 1_000_000;

    /** The lock: 0, LOCKED, LOCKED | HANDOFF or HANDOFF; the table above. */
    final AtomicU32 state = new AtomicU32();
    /** PARKED and WAKING; the word that threads waiting for the lock sleep on. */
    final AtomicU32 waiters = new AtomicU32();
    /** Bumped by the unlock that reserves the lock for a claimant, who sleeps on it. */
    private final AtomicU32 handoff = new AtomicU32();

    MutexCore() {
    }


    /** Whether the lock is held, or free but reserved for the claimant of a hand-off. */
    static boolean isTaken(int state) {
        return state != 0;
    }

    static boolean isLocked(int state) {
        return (state & LOCKED) != 0;
    }

    static boolean isHandoffClaimed(int state) {
        return (state & HANDOFF) != 0;
    }

    static boolean isParked(int waiters) {
        return (waiters & PARKED) != 0;
    }

    static boolean isWaking(int waiters) {
        return (waiters & WAKING) != 0;
    }

    /**
     * The {@link System#nanoTime()} deadline {@code timeout} from now. Saturating: a negative
     * timeout counts as zero (now plus Long.MIN_VALUE would wrap into the future), a huge one
     * as about 292 years. Deadlines are compared by subtraction, which survives the wrap.
     */
    static long deadlineAfter(Duration timeout) {
        return deadlineAfterNanos(TimeUnit.NANOSECONDS.convert(timeout));
    }

    /** As {@link #deadlineAfter(Duration)}, for a timeout in saturated nanoseconds. */
    static long deadlineAfterNanos(long nanos) {
        return System.nanoTime() + Math.max(0, nanos);
    }

    /** Whether a thread holds the lock at this moment; for monitoring only. */
    final boolean isHeld() {
        return isLocked(state.load(RELAXED));
    }

    /** Whether a thread may be waiting for the lock at this moment; for monitoring only. */
    final boolean isContended() {
        return waiters.load(RELAXED) != 0 || isHandoffClaimed(state.load(RELAXED));
    }

    /** Takes the lock if it is free; never waits. */
    final boolean tryAcquire() {
        // ACQUIRE: pairs with the unlock's fetch-and-add that freed the lock.
        return state.compareExchange(0, LOCKED, ACQUIRE, RELAXED) == 0;
    }

    /** Releases the lock, waking or reserving it for a waiter if one needs it. */
    final void release() {
        // SEQ_CST: releases the critical section, and comes before the read of waiters in
        // the order that a sleeper's write of PARKED and read of state take part in.
        int old = state.fetchAdd(-LOCKED, SEQ_CST);
        if (old != LOCKED) {
            grantHandoff();
            return;
        }
        int w = waiters.load(SEQ_CST);
        // Only PARKED without WAKING can call for a wake: the loop condition of wakeIfNeeded.
        if (w == PARKED) {
            wakeIfNeeded(w);
        }
    }

    /** Wakes the claimant, for whom the unlock has left the lock reserved. */
    private void grantHandoff() {
        // SEQ_CST: the claimant reads the sequence, then state, before it sleeps.
        handoff.fetchAdd(1, SEQ_CST);
        AtomicWait.wakeOne(handoff);
    }

    /**
     * Wakes a sleeper if one may be asleep, nobody is on the way and the lock has not been
     * taken again (its new holder would wake one when it unlocks). If the wake finds nobody
     * asleep, drops WAKING and looks again.
     */
    private void wakeIfNeeded(int w) {
        while (isParked(w) && !isWaking(w)) {
            if (isTaken(state.load(SEQ_CST))) {
                return;
            }
            int seen = waiters.compareExchange(w, (w & ~PARKED) | WAKING, SEQ_CST, SEQ_CST);
            if (seen != w) {
                w = seen;
                continue;
            }
            if (AtomicWait.wakeOne(waiters) == 1) {
                return;
            }
            w = waiters.fetchAnd(~WAKING, SEQ_CST) & ~WAKING;
        }
    }

    /**
     * For a thread that may own WAKING and has just taken the lock, or claimed a hand-off:
     * clears WAKING and sets PARKED, since the unlock that woke it cleared PARKED and more
     * threads may sleep.
     */
    private void retireWake() {
        int w = waiters.load(SEQ_CST);
        while (w != PARKED) {
            int seen = waiters.compareExchange(w, (w | PARKED) & ~WAKING, SEQ_CST, SEQ_CST);
            if (seen == w) {
                return;
            }
            w = seen;
        }
    }

    /**
     * For a thread that may own WAKING and leaves without the lock: retires WAKING, and
     * wakes a sleeper if the lock is free.
     */
    private void abandonWake() {
        retireWake();
        wakeIfNeeded(waiters.load(SEQ_CST));
    }

    // --- for Condvar ---

    /** Whether the lock is taken, read SEQ_CST: a signaller decides whether to requeue. */
    final boolean isTakenNow() {
        return isTaken(state.load(SEQ_CST));
    }

    /**
     * Sets PARKED for a condvar about to move its waiters onto waiters; returns the value of
     * waiters with PARKED set, the gate of that move.
     */
    final int markParked() {
        int w = waiters.load(SEQ_CST);
        while (true) {
            // SEQ_CST, also when PARKED was set already: the caller reads state next, and
            // the holder's unlock writes state and then reads waiters.
            int seen = waiters.compareExchange(w, w | PARKED, SEQ_CST, SEQ_CST);
            if (seen == w) {
                return w | PARKED;
            }
            w = seen;
        }
    }

    /** Unlocks for a condvar wait; {@code MutexLock} forgets its owner first. */
    void unlockForWait() {
        release();
    }

    /**
     * Locks again after a condvar wait, uninterruptibly. The thread may have been moved onto
     * waiters and woken from it, so it may own WAKING; and a condvar that woke it directly
     * may have moved others onto waiters without PARKED. Either way it retires WAKING and
     * sets PARKED once it has the lock, so that its unlock wakes the next.
     */
    void relockAfterWait() {
        if (tryAcquire()) {
            retireWake();
            return;
        }
        acquireUninterruptibly(true);
    }

    /** How a contended acquire waits. */
    enum Wait {
        /** Without limit; an interrupt is kept for later, not acted on. */
        UNINTERRUPTIBLE,
        /** Without limit, but an interrupt throws. */
        INTERRUPTIBLE,
        /** Until a deadline, and an interrupt throws. */
        TIMED
    }

    /** The contended path of an uninterruptible lock: returns once the lock is taken. */
    final void acquireUninterruptibly(boolean mayOwnWake) {
        try {
            acquire(Wait.UNINTERRUPTIBLE, 0, mayOwnWake);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible acquire was interrupted", e);
        }
    }

    /**
     * The contended path of every form of locking: tries, sleeps while the lock is taken,
     * and after each wake tries again; claims a hand-off after sleeping too long.
     *
     * @param deadline a {@link System#nanoTime()} deadline, used only for {@link Wait#TIMED}
     * @param mayOwnWake whether the caller may own WAKING: a condvar waiter moved onto
     *     waiters and woken from it
     * @return false if the deadline passed first
     * @throws InterruptedException if interrupted before or while sleeping, in the
     *     interruptible forms; the lock is then not taken
     */
    final boolean acquire(Wait wait, long deadline, boolean mayOwnWake)
            throws InterruptedException {
        long firstSleep = 0;
        boolean slept = false;
        while (true) {
            int s = state.load(RELAXED);
            if (!isTaken(s)) {
                if (tryAcquire()) {
                    if (mayOwnWake) {
                        retireWake();
                    }
                    return true;
                }
                continue;
            }
            if (wait == Wait.TIMED && deadline - System.nanoTime() <= 0) {
                if (mayOwnWake) {
                    abandonWake();
                }
                return false;
            }
            if (slept && isStarving(s, firstSleep)) {
                if (state.compareExchange(s, s | HANDOFF, RELAXED, RELAXED) == s) {
                    if (mayOwnWake) {
                        retireWake();
                    }
                    return awaitHandoff(wait, deadline);
                }
                continue;
            }
            int asleep = prepareToSleep(mayOwnWake);
            mayOwnWake = false;
            // SEQ_CST: after the write of PARKED; see "why nobody sleeps for ever".
            if (!isTaken(state.load(SEQ_CST))) {
                continue;
            }
            if (!slept) {
                slept = true;
                firstSleep = System.nanoTime();
            }
            mayOwnWake = sleep(asleep, wait, deadline);
        }
    }

    /**
     * Whether a thread that first slept at {@code firstSleep}, finding the lock in state
     * {@code s} after a wake, has waited long enough to claim a hand-off, and may.
     */
    private static boolean isStarving(int s, long firstSleep) {
        return isLocked(s) && !isHandoffClaimed(s)
                && System.nanoTime() - firstSleep >= HANDOFF_AFTER_NANOS;
    }

    /**
     * Sets PARKED (and, for a thread that may own WAKING, clears WAKING); returns the value
     * of waiters to sleep on.
     */
    private int prepareToSleep(boolean mayOwnWake) {
        int w = waiters.load(SEQ_CST);
        while (true) {
            int next = mayOwnWake ? (w | PARKED) & ~WAKING : w | PARKED;
            // SEQ_CST, also when nothing changes: the write comes before the caller's read of
            // state in the order that the unlock's write of state and read of waiters share.
            int seen = waiters.compareExchange(w, next, SEQ_CST, SEQ_CST);
            if (seen == w) {
                return next;
            }
            w = seen;
        }
    }

    /**
     * Sleeps while waiters holds {@code asleep}; returns whether this thread may now own
     * WAKING (false only when a timed wait ran out without a wake).
     */
    private boolean sleep(int asleep, Wait wait, long deadline) throws InterruptedException {
        switch (wait) {
            case UNINTERRUPTIBLE -> AtomicWait.wait(waiters, asleep);
            case INTERRUPTIBLE -> AtomicWait.waitInterruptibly(waiters, asleep);
            case TIMED -> {
                return AtomicWait.waitUntil(waiters, asleep, deadline);
            }
        }
        return true;
    }

    /**
     * Waits, as the claimant of a hand-off, until an unlock reserves the lock, and takes it.
     * Returns false if the deadline passed and the claim was taken back first.
     */
    private boolean awaitHandoff(Wait wait, long deadline) throws InterruptedException {
        int spins = 0;
        while (true) {
            // Read the sequence before state: a grant after the read of state changes it.
            int seen = handoff.load(SEQ_CST);
            if (takeReserved()) {
                return true;
            }
            if (spins < HANDOFF_SPINS) {
                spins++;
                Atomics.spinLoop();
                continue;
            }
            try {
                if (!sleepForHandoff(seen, wait, deadline)) {
                    // Timed out: give the claim back, unless the lock is already reserved.
                    return !revokeHandoff();
                }
            } catch (InterruptedException e) {
                if (revokeHandoff()) {
                    throw e;
                }
                // The lock was reserved as the interrupt came: keep both.
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /** Takes the lock if an unlock has reserved it for the claimant. */
    private boolean takeReserved() {
        // ACQUIRE: reads the unlock's write of HANDOFF, ordering its critical section first.
        return state.compareExchange(HANDOFF, LOCKED, ACQUIRE, RELAXED) == HANDOFF;
    }

    /** One sleep on the handoff sequence; false if a timed one ran out. */
    private boolean sleepForHandoff(int seen, Wait wait, long deadline)
            throws InterruptedException {
        switch (wait) {
            case UNINTERRUPTIBLE -> AtomicWait.wait(handoff, seen);
            case INTERRUPTIBLE -> AtomicWait.waitInterruptibly(handoff, seen);
            case TIMED -> {
                return AtomicWait.waitUntil(handoff, seen, deadline);
            }
        }
        return true;
    }

    /**
     * Takes HANDOFF back for a claimant that gives up; false if the unlock had already
     * reserved the lock, which this method then takes for the claimant.
     */
    private boolean revokeHandoff() {
        while (true) {
            if (takeReserved()) {
                return false;
            }
            int s = state.load(RELAXED);
            if (isLocked(s) && state.compareExchange(s, s & ~HANDOFF, RELAXED, RELAXED) == s) {
                return true;
            }
        }
    }
}
