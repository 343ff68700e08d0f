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
     * Progress and fairness: waiters on one atomic are woken in arrival order. The bucket lock
     * is held only to queue or unlink nodes, never across a park or an unpark.
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
            TABLE[i] = new Bucket();
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
        Bucket bucket = bucketFor(atomic);
        Waiter waiter = bucket.enqueueIfHolds(atomic, expected);
        if (waiter == null) {
            return true;
        }
        boolean interruptedMeanwhile = false;
        while (!waiter.woken) {
            if (timed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return !bucket.cancel(waiter);
                }
                LockSupport.parkNanos(atomic, remaining);
            } else {
                LockSupport.park(atomic);
            }
            if (Thread.interrupted()) {
                if (interruptible && bucket.cancel(waiter)) {
                    throw new InterruptedException();
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
        final AtomicU32 atomic;
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

        private final ReentrantLock lock = new ReentrantLock();
        /** Queued waiters; written under the lock with volatile read-modify-writes. */
        @SuppressWarnings("UnusedVariable") // only reached through QUEUED
        private int queued;
        private @Nullable Waiter head;
        private @Nullable Waiter tail;

        boolean isEmpty() {
            return (int) QUEUED.getVolatile(this) == 0;
        }

        /** Queues a waiter if the atomic still holds {@code expected}; else returns null. */
        @Nullable Waiter enqueueIfHolds(AtomicU32 atomic, int expected) {
            Waiter waiter = new Waiter(Thread.currentThread(), atomic);
            lock.lock();
            try {
                // Announce first, then look: the waker's fence pairs with this full barrier.
                QUEUED.getAndAdd(this, 1);
                if (atomic.load(Ordering.SEQ_CST) != expected) {
                    QUEUED.getAndAdd(this, -1);
                    return null;
                }
                append(waiter);
                return waiter;
            } finally {
                lock.unlock();
            }
        }

        /** Unlinks a waiter that gives up; false if a waker got to it first. */
        boolean cancel(Waiter waiter) {
            lock.lock();
            try {
                if (waiter.woken) {
                    return false;
                }
                unlink(waiter);
                return true;
            } finally {
                lock.unlock();
            }
        }

        int wake(AtomicU32 atomic, int max) {
            Waiter first = null;
            Waiter last = null;
            int count = 0;
            lock.lock();
            try {
                Waiter node = head;
                while (node != null && count < max) {
                    Waiter following = node.next;
                    if (node.atomic == atomic) {
                        unlink(node);
                        node.woken = true;
                        // Reuse the queue link to list the threads to unpark, in order.
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
            } finally {
                lock.unlock();
            }
            // Unpark outside the lock; a woken thread reads only its own flag, not its links.
            for (Waiter node = first; node != null; node = node.next) {
                LockSupport.unpark(node.thread);
                if (node == last) {
                    break;
                }
            }
            return count;
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
