package dev.atomicslocks.oswait;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Ordering;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The portable implementation of wait and wake: a fixed table of buckets of parked threads,
 * each thread recorded with the atomic it waits on.
 */
final class ParkingLot {

    /*
     * The algorithm. An atomic hashes, by identity, to one of BUCKETS buckets. A bucket has a
     * lock, a FIFO queue of waiter nodes (each naming its thread and the atomic it waits on)
     * and a count of queued nodes that can be read without the lock.
     *
     * Waiting: take the bucket lock; increment the count; read the atomic; if it no longer holds
     * the expected value, undo the count and return; else append a node, release the lock and
     * park until a waker marks the node woken.
     *
     * Waking: a full fence, then read the count; zero means nobody waits on any atomic of this
     * bucket, and the wake returns at once (no lock, no allocation). Otherwise take the lock,
     * unlink up to the requested number of nodes for this atomic, mark each woken, release the
     * lock and unpark their threads.
     *
     * Why no wake is lost. The waiter writes the count, then reads the atomic. The waker's
     * caller writes the atomic, then the waker reads the count. Both sides have a full barrier
     * between the write and the read (the waiter's count update is a volatile read-modify-write,
     * the waker fences), so at least one side sees the other's write: either the waiter sees the
     * new value and does not sleep, or the waker sees the count and takes the lock, which the
     * waiter released only after its node was queued. The waker's fence makes this hold whatever
     * ordering the caller's write used; without it, a RELEASE store followed by the count read
     * could be reordered (x86 store buffering) and a wake lost.
     *
     * Cancelling (timeout, interrupt) takes the lock: a node still queued is unlinked and the
     * wait reports the timeout or interrupt; a node already marked woken has consumed a wake,
     * so the wait reports a wake instead, and no wake is lost to a waiter that gave up.
     *
     * Requeueing moves nodes from one atomic's queue to another's without waking them: the
     * node's atomic changes (under the locks of both buckets, taken in table order so that two
     * requeues cannot deadlock) and it is appended to the target bucket's queue, behind the
     * waiters already there. Its thread, still parked, is woken later by a wake of the target.
     * A node's atomic therefore changes while it waits, and whoever looks a node up (a
     * cancelling waiter) reads its atomic, locks that bucket, and checks that the atomic is
     * still the same before trusting the bucket. A gated requeue (requeue) first announces
     * itself in the target bucket's count, then reads the target atomic, exactly as a waiter
     * does, so that a thread which changes the target and then wakes it either makes the
     * requeue fail or finds the moved nodes. wakeAndRequeue moves its nodes before it marks
     * the ones it wakes, so a woken thread never runs ahead of the move.
     *
     * A moved waiter has been signalled in the sense of the atomic it waited on: if it times
     * out or is interrupted while queued on the target, it unlinks itself and returns as if
     * woken (an interrupt is then kept in its status), so that a condition variable which
     * moves its waiters onto a mutex loses none of its signals to a timeout.
     *
     * Every use of a bucket's lock happens inside a method of Bucket, none of which parks
     * or waits for anything but that lock: a model checker (the locks module's Lincheck
     * tests) can take each of them as one atomic step, and never stops a thread while it
     * holds a bucket lock.
     *
     * Progress and fairness: waiters on one atomic are woken in arrival order, moved waiters
     * in their order behind the target's own. The bucket lock is held only to queue, move or
     * unlink nodes, never across a park or an unpark.
     *
     * Differences from the futex of chapter 8: keyed by object identity, not by address, so it
     * works only for atomics in the Java heap (the futex binding serves native memory); and it
     * never returns spuriously, although the contract allows it to.
     */

    /** Number of buckets: a power of two, chosen (not measured) to make collisions rare. */
    private static final int BUCKETS = 256;

    private static final Bucket[] TABLE = new Bucket[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            TABLE[i] = new Bucket(i);
        }
    }

    private ParkingLot() {
    }

    /**
     * Parks the calling thread while {@code atomic} holds {@code expected}.
     *
     * @param deadline a {@link System#nanoTime()} deadline, used only when {@code timed}
     * @return {@code false} if the deadline passed first, else {@code true}
     * @throws InterruptedException if {@code interruptible} and the thread was interrupted
     *     before or during the wait; the interrupt status is then cleared
     */
    static boolean park(AtomicU32 atomic, int expected, boolean interruptible, boolean timed,
            long deadline) throws InterruptedException {
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter waiter = bucketFor(atomic).enqueueIfHolds(atomic, expected);
        if (waiter == null) {
            return true;
        }
        boolean interruptedMeanwhile = false;
        while (!waiter.woken) {
            // The node's current atomic is the blocker: a dump taken after the thread parks
            // again (after an interrupt, say) shows where a requeue moved it.
            if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return Bucket.cancel(waiter, atomic) != Cancel.STILL_WAITING;
                }
                LockSupport.parkNanos(waiter.atomic, remaining);
            } else {
                LockSupport.park(waiter.atomic);
            }
            if (Thread.interrupted()) {
                if (interruptible) {
                    Cancel outcome = Bucket.cancel(waiter, atomic);
                    if (outcome == Cancel.STILL_WAITING) {
                        throw new InterruptedException();
                    }
                    if (outcome == Cancel.MOVED) {
                        // Signalled by the requeue: return as woken, keeping the interrupt.
                        Thread.currentThread().interrupt();
                        return true;
                    }
                }
                // Uninterruptible, or woken in the same moment: keep waiting (park now blocks,
                // the status being clear) and restore the status on the way out.
                interruptedMeanwhile = true;
            }
        }
        if (interruptedMeanwhile) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** What cancelling a wait found. */
    private enum Cancel {
        /** Still queued on the atomic it waited on: unlinked, the wait timed out. */
        STILL_WAITING,
        /** Moved by a requeue and queued on another atomic: unlinked, counts as woken. */
        MOVED,
        /** A waker got to it first: nothing to unlink, the wait was woken. */
        WOKEN
    }

    /** Wakes up to {@code max} threads waiting on {@code atomic}; returns how many it woke. */
    static int wake(AtomicU32 atomic, int max) {
        Bucket bucket = bucketFor(atomic);
        // Orders the caller's change of the atomic before the read of the count; see above.
        VarHandle.fullFence();
        if (bucket.isEmpty()) {
            return 0;
        }
        return bucket.wake(atomic, max);
    }

    /**
     * Moves up to {@code max} threads waiting on {@code from} to wait on {@code to}, if
     * {@code to} holds {@code toExpected}; returns how many were moved, or -1 if {@code to}
     * held another value.
     */
    static int requeue(AtomicU32 from, AtomicU32 to, int toExpected, int max) {
        Bucket source = bucketFor(from);
        // Orders the caller's change of from before the read of the count, as in wake.
        VarHandle.fullFence();
        if (source.isEmpty()) {
            return 0;
        }
        return Bucket.requeue(source, from, bucketFor(to), to, toExpected, max);
    }

    /**
     * Wakes up to {@code wakeMax} threads waiting on {@code from} and moves up to
     * {@code moveMax} more to wait on {@code to}; returns how many were woken and moved.
     */
    static int wakeAndRequeue(AtomicU32 from, int wakeMax, AtomicU32 to, int moveMax) {
        Bucket source = bucketFor(from);
        VarHandle.fullFence();
        if (source.isEmpty()) {
            return 0;
        }
        return Bucket.wakeAndRequeue(source, from, wakeMax, bucketFor(to), to, moveMax);
    }

    /** How many threads are queued on {@code atomic}; for tests and diagnostics. */
    static int queuedOn(AtomicU32 atomic) {
        return bucketFor(atomic).countQueuedOn(atomic);
    }

    private static Bucket bucketFor(AtomicU32 atomic) {
        int hash = System.identityHashCode(atomic);
        // Spread the high bits down: identity hashes can differ only in their upper bits.
        hash ^= hash >>> 16;
        return TABLE[hash & (BUCKETS - 1)];
    }

    /** One parked thread. */
    private static final class Waiter {
        final Thread thread;
        /**
         * The atomic it waits on; changed by a requeue under the locks of both buckets, read
         * by its own thread without a lock (see cancel).
         */
        volatile AtomicU32 atomic;
        /** Set under the bucket lock by the waker; read by the parked thread without it. */
        volatile boolean woken;
        /** Queue links, guarded by the bucket lock. */
        @Nullable Waiter prev;
        @Nullable Waiter next;

        Waiter(Thread thread, AtomicU32 atomic) {
            this.thread = thread;
            this.atomic = atomic;
        }
    }

    /** A lock, a FIFO queue of waiters and a count readable without the lock. */
    private static final class Bucket {
        private static final VarHandle QUEUED;

        static {
            try {
                QUEUED = MethodHandles.lookup().findVarHandle(Bucket.class, "queued", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** This bucket's place in the table, the order in which two buckets are locked. */
        final int index;
        private final ReentrantLock lock = new ReentrantLock();
        /**
         * Queued waiters, plus requeues looking at this bucket's atomics; written under the
         * lock with volatile read-modify-writes.
         */
        @SuppressWarnings("UnusedVariable") // only reached through QUEUED
        private int queued;
        private @Nullable Waiter head;
        private @Nullable Waiter tail;

        Bucket(int index) {
            this.index = index;
        }

        boolean isEmpty() {
            return (int) QUEUED.getVolatile(this) == 0;
        }

        /** Queues a waiter if the atomic still holds {@code expected}; else returns null. */
        @Nullable Waiter enqueueIfHolds(AtomicU32 atomic, int expected) {
            Waiter waiter = new Waiter(Thread.currentThread(), atomic);
            lock.lock();
            try {
                // Announce first, then look: the waker's fence pairs with this full barrier.
                announce();
                if (atomic.load(Ordering.SEQ_CST) != expected) {
                    withdraw();
                    return null;
                }
                append(waiter);
                return waiter;
            } finally {
                lock.unlock();
            }
        }

        /** Counts a waiter (or a requeue) in before it reads the atomic; under the lock. */
        void announce() {
            QUEUED.getAndAdd(this, 1);
        }

        /** Undoes {@link #announce}; under the lock. */
        void withdraw() {
            QUEUED.getAndAdd(this, -1);
        }

        /**
         * Unlinks up to {@code max} waiters on {@code atomic}, oldest first, and returns them
         * as a list chained through {@code next}; under the lock.
         */
        @Nullable Waiter take(AtomicU32 atomic, int max) {
            Waiter first = null;
            Waiter last = null;
            int count = 0;
            Waiter node = head;
            while (node != null && count < max) {
                Waiter following = node.next;
                if (node.atomic == atomic) {
                    unlink(node);
                    // Reuse the queue link to list the taken nodes, in order.
                    if (last == null) {
                        first = node;
                    } else {
                        last.next = node;
                    }
                    last = node;
                    count++;
                }
                node = following;
            }
            return first;
        }

        /**
         * Queues a list made by {@link #take} behind this bucket's waiters, now waiting on
         * {@code atomic}; under the locks of both buckets. Returns how many were queued.
         */
        int appendAll(@Nullable Waiter list, AtomicU32 atomic) {
            int count = 0;
            Waiter node = list;
            while (node != null) {
                Waiter following = node.next;
                node.next = null;
                node.atomic = atomic;
                // Counted before it is linked, as enqueueIfHolds counts a new waiter.
                announce();
                append(node);
                count++;
                node = following;
            }
            return count;
        }

        /** Wakes up to {@code max} waiters on {@code atomic}, oldest first; how many. */
        int wake(AtomicU32 atomic, int max) {
            Waiter woken;
            lock.lock();
            try {
                woken = take(atomic, max);
                markWoken(woken);
            } finally {
                lock.unlock();
            }
            return unparkAll(woken);
        }

        /** The body of {@link ParkingLot#requeue}, with both buckets looked up. */
        static int requeue(Bucket source, AtomicU32 from, Bucket target, AtomicU32 to,
                int toExpected, int max) {
            lockBoth(source, target);
            try {
                // Announce first, then look, as a waiter does; a waker of to pairs with it.
                target.announce();
                try {
                    if (to.load(Ordering.SEQ_CST) != toExpected) {
                        return -1;
                    }
                    return target.appendAll(source.take(from, max), to);
                } finally {
                    target.withdraw();
                }
            } finally {
                unlockBoth(source, target);
            }
        }

        /** The body of {@link ParkingLot#wakeAndRequeue}, with both buckets looked up. */
        static int wakeAndRequeue(Bucket source, AtomicU32 from, int wakeMax, Bucket target,
                AtomicU32 to, int moveMax) {
            Waiter woken;
            int count;
            lockBoth(source, target);
            try {
                woken = source.take(from, wakeMax);
                count = target.appendAll(source.take(from, moveMax), to);
                // Marked only now, so that a woken thread finds the move already done.
                count += markWoken(woken);
            } finally {
                unlockBoth(source, target);
            }
            unparkAll(woken);
            return count;
        }

        /**
         * Unlinks a waiter that gives up, from whichever bucket a requeue may have moved it
         * to.
         */
        static Cancel cancel(Waiter waiter, AtomicU32 original) {
            while (true) {
                AtomicU32 current = waiter.atomic;
                Bucket bucket = bucketFor(current);
                bucket.lock.lock();
                try {
                    // Moved again between the read and the lock: look it up anew.
                    if (waiter.atomic == current) {
                        if (waiter.woken) {
                            return Cancel.WOKEN;
                        }
                        bucket.unlink(waiter);
                        return current == original ? Cancel.STILL_WAITING : Cancel.MOVED;
                    }
                } finally {
                    bucket.lock.unlock();
                }
            }
        }

        /** Marks every node of a list made by {@link #take} as woken; returns how many. */
        private static int markWoken(@Nullable Waiter list) {
            int count = 0;
            for (Waiter node = list; node != null; node = node.next) {
                node.woken = true;
                count++;
            }
            return count;
        }

        /**
         * Unparks every thread of a list made by {@link #take}, after the bucket lock is
         * released; a woken thread reads only its own flag, not its links.
         */
        private static int unparkAll(@Nullable Waiter list) {
            int count = 0;
            Waiter node = list;
            while (node != null) {
                Waiter following = node.next;
                LockSupport.unpark(node.thread);
                count++;
                node = following;
            }
            return count;
        }

        /** Locks two buckets, in table order so that two requeues cannot deadlock. */
        private static void lockBoth(Bucket first, Bucket second) {
            if (first == second) {
                first.lock.lock();
            } else if (first.index < second.index) {
                first.lock.lock();
                second.lock.lock();
            } else {
                second.lock.lock();
                first.lock.lock();
            }
        }

        private static void unlockBoth(Bucket first, Bucket second) {
            first.lock.unlock();
            if (first != second) {
                second.lock.unlock();
            }
        }

        int countQueuedOn(AtomicU32 atomic) {
            lock.lock();
            try {
                int count = 0;
                for (Waiter node = head; node != null; node = node.next) {
                    if (node.atomic == atomic) {
                        count++;
                    }
                }
                return count;
            } finally {
                lock.unlock();
            }
        }

        private void append(Waiter waiter) {
            waiter.prev = tail;
            if (tail == null) {
                head = waiter;
            } else {
                tail.next = waiter;
            }
            tail = waiter;
        }

        private void unlink(Waiter waiter) {
            Waiter before = waiter.prev;
            Waiter after = waiter.next;
            if (before == null) {
                head = after;
            } else {
                before.next = after;
            }
            if (after == null) {
                tail = before;
            } else {
                after.prev = before;
            }
            waiter.prev = null;
            waiter.next = null;
            QUEUED.getAndAdd(this, -1);
        }
    }
}
