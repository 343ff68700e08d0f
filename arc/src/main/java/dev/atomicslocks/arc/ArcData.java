package dev.atomicslocks.arc;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.oswait.AtomicWait;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The record that every {@link Arc} and {@link Weak} handle of one value shares: the two
 * counts, the value and its drop action. The handles check their own use; this class keeps
 * the counts.
 *
 * @param <T> the type of the value
 */
final class ArcData<T> {

    /*
     * The book's optimised Arc (chapter 6, "Optimizing"), with two additions (waiting, and a
     * record of the drop having finished) and one thing left out: the implicit weak count.
     *
     * Two words. strong counts the open Arc handles, weak the open Weak handles. The value is
     * dropped when strong reaches 0. The book adds one to its weak count for all the strong
     * handles together, so that the allocation is freed only when both counts are 0; here the
     * garbage collector frees the record once no handle refers to it, so there is nothing to
     * free, and the implicit weak would only make the weak count wrong for an instant: a
     * reader of both words during a drop cannot tell whether the implicit weak is still in it
     * (a Weak handle could then count 0 weak handles, itself included).
     *
     * The strong word, bit by bit:
     *
     *   31 ............................. 2   1         0
     *   number of open Arc handles          DROPPED   WAITERS
     *
     * WAITERS   a thread may be asleep on this word (awaiting the last strong handle or the
     *           drop); a close that changes what they wait for wakes them.
     * DROPPED   the drop action has finished; set once, when the count is already 0.
     *
     * The count sits above the flags and moves in steps of ONE, so that no carry or borrow
     * of the count can ever reach a flag: a decrement that finds the count at 0 (misuse, see
     * below) borrows out of the top of the word, and its undo carries out of it again, so
     * the flags that other threads set or clear in between are kept.
     *
     * The weak word: the number of open Weak handles, or LOCKED (u32::MAX, -1 here) while
     * exclusiveValue checks uniqueness. It can be LOCKED only when it was 0: no Weak handle
     * existed, and since a Weak handle can only come from downgrade, which waits while the
     * word is LOCKED, none can appear until the check is over. So the check "weak is 0 and
     * strong is 1" is made at one instant, which is what makes it sound.
     *
     * Counting. clone adds 1 to strong with a fetchAdd; upgrade adds 1 with a compare-exchange
     * loop that refuses at 0, so a dropped value is never brought back. Closing an Arc
     * subtracts 1; the close that takes the count from 1 to 0 drops the value. Overflow: an
     * increment that finds MAX_STRONG (or MAX_WEAK) handles undoes itself and throws. For the
     * instant between the two a clone's count is one higher than the handles; with 2^29 of
     * headroom above MAX_STRONG no number of threads can carry it out of the word.
     *
     * Orderings. Increments are RELAXED: the caller already holds a handle, so the value is
     * alive and visible to it, and a new handle publishes nothing. Every decrement is
     * RELEASE, and the thread that sees the count reach 0 issues an ACQUIRE fence before the
     * drop: each handle's uses of the value happen before the drop, whichever thread closes
     * last. The same pairing orders the other handles' uses before a return from
     * awaitLastStrong or exclusiveValue, and the drop before a return from awaitDrop (the
     * DROPPED bit is set with a RELEASE read-modify-write and read with ACQUIRE loads).
     *
     * Who wakes whom. A waiter sets WAITERS (compare-exchange from the value it saw) and
     * sleeps while the word still holds what it saw, WAITERS included. A close that takes the
     * count from 2 to 1 with WAITERS set clears the bit and wakes every sleeper; the drop sets
     * DROPPED and wakes every sleeper if WAITERS was set. Woken threads re-check, and set the
     * bit again if they must sleep on. A close with nobody waiting costs no wake at all.
     * Several "last strong" waiters of one value can never all succeed (each holds a strong
     * handle); that is the caller's deadlock, as in any two threads joining each other.
     *
     * Misuse that the handles cannot see (two threads closing one handle at the same moment)
     * may show up here as a decrement that finds 0 or an increment of a dropped value; both
     * are undone and reported. They are a best-effort diagnosis, not a guarantee.
     */

    /** Bit 0 of the strong word: a thread may be asleep on the word. */
    static final int WAITERS = 1;
    /** Bit 1 of the strong word: the drop action has run. */
    static final int DROPPED = 1 << 1;
    /** Where the count starts: bits 2 to 31 of the strong word. */
    static final int COUNT_SHIFT = 2;
    /** One Arc handle, as the strong word counts it. */
    static final int ONE = 1 << COUNT_SHIFT;
    /** The weak word while exclusiveValue checks uniqueness: u32::MAX. */
    static final int LOCKED = -1;
    /** Most Arc handles of one value: half the 30-bit count, the rest is overflow headroom. */
    static final int MAX_STRONG = (1 << 29) - 1;
    /** Most Weak handles of one value; far below LOCKED, with room for overflow. */
    static final int MAX_WEAK = (1 << 30) - 1;

    /** The strong word described above; the word waiters sleep on. */
    private final AtomicU32 strong;
    /** The weak word described above. */
    private final AtomicU32 weak;
    /**
     * The value while strong handles exist, {@code null} once dropped. Written only at
     * construction and by the drop; the orderings above make every read by an open handle
     * happen before the drop's write.
     */
    private @Nullable T value;
    private final Consumer<? super T> dropAction;
    /**
     * The thread running the drop action, while it runs, so that the action cannot wait for
     * its own end. Plain: only that thread's own reads can find it there, and they follow
     * its writes in program order; any other thread reads null or a thread not its own.
     */
    private @Nullable Thread dropper;

    /** A record with the given counts; a new value has one strong handle and no weak one. */
    ArcData(T value, Consumer<? super T> dropAction, int strongCount, int weakCount) {
        this.value = value;
        this.dropAction = dropAction;
        this.strong = new AtomicU32(strongCount << COUNT_SHIFT);
        this.weak = new AtomicU32(weakCount);
    }

    static int count(int strongWord) {
        return strongWord >>> COUNT_SHIFT;
    }

    static boolean isDropped(int strongWord) {
        return (strongWord & DROPPED) != 0;
    }

    static boolean hasWaiters(int strongWord) {
        return (strongWord & WAITERS) != 0;
    }

    /** The value, or {@code null} if it was dropped (only misuse can see that). */
    @Nullable T value() {
        return value;
    }

    // ---- strong handles ----

    /**
     * The strong word itself, which each Arc handle keeps a reference to: clone and close
     * reach it without reading this record, whose cache line would otherwise be read by
     * every clone and close while other cores write the word beside it.
     */
    AtomicU32 strongWord() {
        return strong;
    }

    /**
     * One more strong handle, for clone: the caller holds one, so the count is at least 1.
     * Static, taking the record's own strong word, so the fast path reads nothing else.
     */
    static void acquireStrong(AtomicU32 strong) {
        // RELAXED: the caller's handle keeps the value alive; see the overview.
        int previous = strong.fetchAdd(ONE, RELAXED);
        int count = count(previous);
        if (count == 0 || count >= MAX_STRONG) {
            strong.fetchSub(ONE, RELAXED);
            throw count == 0 ? droppedMisuse("clone") : overflow("Arc", MAX_STRONG);
        }
    }

    /** One more strong handle if any is open, for upgrade; false once the count reached 0. */
    boolean tryAcquireStrong() {
        // RELAXED: a failed attempt only reads, a successful one is an increment; see above.
        int current = strong.load(RELAXED);
        while (true) {
            int count = count(current);
            if (count == 0) {
                return false;
            }
            if (count >= MAX_STRONG) {
                throw overflow("Arc", MAX_STRONG);
            }
            int witness = strong.compareExchange(current, current + ONE, RELAXED, RELAXED);
            if (witness == current) {
                return true;
            }
            current = witness;
        }
    }

    /**
     * One strong handle fewer; the last one drops the value in the calling thread. Takes the
     * record's strong word, as acquireStrong does; the record is read only on the slow paths.
     */
    static void releaseStrong(AtomicU32 strong, ArcData<?> data) {
        // RELEASE: this handle's uses of the value happen before the drop (see the fence).
        int previous = strong.fetchSub(ONE, RELEASE);
        int count = count(previous);
        if (count == 1) {
            data.drop();
        } else if (count == 2 && hasWaiters(previous)) {
            data.wakeWaiters();
        } else if (count == 0) {
            // Borrowed out of the top of the word, not from the flags; see the overview.
            strong.fetchAdd(ONE, RELAXED);
            throw new IllegalStateException("more Arc handles were closed than were opened:"
                    + " one handle was closed by two threads at once");
        }
    }

    /** Runs the drop action once the count is 0, then records the drop and wakes waiters. */
    private void drop() {
        // ACQUIRE: pairs with the RELEASE decrement of every other handle's close.
        VarHandle.acquireFence();
        T dropped = value;
        value = null;
        dropper = Thread.currentThread();
        try {
            if (dropped != null) {
                dropAction.accept(dropped);
            }
        } finally {
            dropper = null;
            // RELEASE: the drop action happens before every ACQUIRE load that sees DROPPED.
            int previous = strong.fetchOr(DROPPED, RELEASE);
            if (hasWaiters(previous)) {
                AtomicWait.wakeAll(strong);
            }
        }
    }

    private void wakeWaiters() {
        // The bit goes first: a sleeper woken below sets it again if it must sleep on.
        strong.fetchAnd(~WAITERS, RELAXED);
        AtomicWait.wakeAll(strong);
    }

    int strongCount() {
        // RELAXED: a number for monitoring, which orders nothing else.
        return count(strong.load(RELAXED));
    }

    boolean isDropped() {
        // ACQUIRE: pairs with the RELEASE fetchOr in drop, so the drop's effects are visible.
        return isDropped(strong.load(ACQUIRE));
    }

    // ---- weak handles ----

    /** One more weak handle from a strong one, for downgrade: waits out a uniqueness check. */
    void acquireWeakFromStrong() {
        int current = weak.load(RELAXED);
        while (true) {
            if (current == LOCKED) {
                // exclusiveValue holds the word for three instructions; spin them out.
                Atomics.spinLoop();
                current = weak.load(RELAXED);
                continue;
            }
            if (current >= MAX_WEAK) {
                throw overflow("Weak", MAX_WEAK);
            }
            // ACQUIRE: pairs with the RELEASE store that ends exclusiveValue's check, so a
            // clone made after this downgrade cannot be missed by that check.
            int witness = weak.compareExchange(current, current + 1, ACQUIRE, RELAXED);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    /** One more weak handle from a weak one, for Weak.clone. */
    void acquireWeak() {
        // RELAXED: as for acquireStrong. The word cannot be LOCKED: a Weak handle exists.
        int previous = weak.fetchAdd(1, RELAXED);
        if (previous == 0 || previous == LOCKED || previous >= MAX_WEAK) {
            weak.fetchSub(1, RELAXED);
            throw previous >= MAX_WEAK
                    ? overflow("Weak", MAX_WEAK)
                    : new IllegalStateException("cannot clone a Weak handle whose record has"
                            + " no weak count left: a handle was closed by two threads at once");
        }
    }

    /** One Weak handle fewer. */
    void releaseWeak() {
        // RELEASE: pairs with the ACQUIRE compare-exchange in exclusiveValue, so an upgrade
        // made through this Weak handle before its close is seen by that check.
        int previous = weak.fetchSub(1, RELEASE);
        if (previous == 0 || previous == LOCKED) {
            weak.fetchAdd(1, RELAXED);
            throw new IllegalStateException("more Weak handles were closed than were opened:"
                    + " one handle was closed by two threads at once");
        }
        // previous == 1 with no strong handle left: Rust frees the record here; the garbage
        // collector does it here, so there is nothing to do.
    }

    /** Open Weak handles; 0 while a uniqueness check holds the word (it was 0 then). */
    int weakCount() {
        // RELAXED: a number for monitoring, which orders nothing else.
        int weakWord = weak.load(RELAXED);
        return weakWord == LOCKED ? 0 : weakWord;
    }

    // ---- exclusive access ----

    /** The value if the caller's strong handle is the only handle of any kind, else null. */
    @Nullable T exclusiveValue() {
        // ACQUIRE: pairs with the RELEASE decrement in releaseWeak, so that an upgrade made
        // by a Weak handle that has since closed is visible in the strong count read below.
        if (weak.compareExchange(0, LOCKED, ACQUIRE, RELAXED) != 0) {
            return null;
        }
        // RELAXED: while the word is LOCKED no Weak handle can appear to upgrade, and the
        // only strong handle the caller could not see is one it would have to clone itself.
        boolean unique = count(strong.load(RELAXED)) == 1;
        // RELEASE: pairs with the ACQUIRE compare-exchange in acquireWeakFromStrong.
        weak.store(0, RELEASE);
        if (!unique) {
            return null;
        }
        // ACQUIRE: pairs with the RELEASE decrement of every strong handle closed before, so
        // their uses of the value happen before the caller's exclusive use.
        VarHandle.acquireFence();
        return value;
    }

    // ---- waiting ----

    /** What a waiter waits for. */
    enum Goal {
        /** The count is 1: the waiter's own handle is the only strong handle. */
        LAST_STRONG,
        /** The drop action has finished. */
        DROPPED;

        boolean reached(int strongWord) {
            return this == LAST_STRONG ? count(strongWord) == 1 : isDropped(strongWord);
        }
    }

    /** Waits for {@code goal}, uninterruptibly; the interrupt status is kept. */
    void await(Goal goal) {
        // ACQUIRE: pairs with the RELEASE decrements and fetchOr; see the overview.
        int current = strong.load(ACQUIRE);
        checkNotOwnDrop(goal, current);
        while (!goal.reached(current)) {
            if (announceWaiter(current)) {
                AtomicWait.wait(strong, current | WAITERS);
            }
            current = strong.load(ACQUIRE);
        }
    }

    /** Waits for {@code goal} until interrupted. */
    void awaitInterruptibly(Goal goal) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int current = strong.load(ACQUIRE);
        checkNotOwnDrop(goal, current);
        while (!goal.reached(current)) {
            if (announceWaiter(current)) {
                AtomicWait.waitInterruptibly(strong, current | WAITERS);
            }
            current = strong.load(ACQUIRE);
        }
    }

    /** Waits for {@code goal} until the {@link System#nanoTime()} deadline; false if it passed. */
    boolean awaitUntil(Goal goal, long deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int current = strong.load(ACQUIRE);
        checkNotOwnDrop(goal, current);
        while (!goal.reached(current)) {
            if (deadline - System.nanoTime() <= 0) {
                return false;
            }
            if (announceWaiter(current)) {
                AtomicWait.waitUntil(strong, current | WAITERS, deadline);
            }
            current = strong.load(ACQUIRE);
        }
        return true;
    }

    /** Refuses a wait for the drop made by the drop action itself, which would never end. */
    private void checkNotOwnDrop(Goal goal, int strongWord) {
        if (goal == Goal.DROPPED && !goal.reached(strongWord)
                && dropper == Thread.currentThread()) {
            throw new IllegalStateException("cannot wait for the drop of a value from within"
                    + " its own drop action: the drop ends only when the action returns");
        }
    }

    /**
     * Makes sure WAITERS is set in the strong word, which held {@code seen}. True if the word
     * now holds {@code seen} with the bit, so the caller may sleep on that; false if it had
     * changed otherwise, and the caller re-checks instead.
     */
    private boolean announceWaiter(int seen) {
        if (hasWaiters(seen)) {
            return true;
        }
        // RELAXED: the bit only asks closers to wake; the goal is read with ACQUIRE loads.
        int witness = strong.compareExchange(seen, seen | WAITERS, RELAXED, RELAXED);
        return witness == seen || witness == (seen | WAITERS);
    }

    // ---- messages ----

    private static IllegalStateException droppedMisuse(String operation) {
        return new IllegalStateException("cannot " + operation + " an Arc handle of a value"
                + " that was already dropped: a handle was closed by two threads at once");
    }

    private static IllegalStateException overflow(String kind, int max) {
        return new IllegalStateException("too many " + kind + " handles of one value: at most "
                + max + " may be open at once");
    }
}
