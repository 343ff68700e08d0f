package dev.atomicslocks.locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * {@link RwLock}'s algorithm behind the {@link ReadWriteLock} interface, without a value or
 * guards: a pair of {@link Lock}s, so that code written against
 * {@link java.util.concurrent.locks.ReentrantReadWriteLock} can use it in its place.
 *
 * <pre>{@code
 * ReadWriteLock lock = new RawRwLock();
 * lock.readLock().lock();
 * try {
 *     // read the shared data
 * } finally {
 *     lock.readLock().unlock();
 * }
 * }</pre>
 *
 * <p>Both locks have every form of {@link Lock}: {@link Lock#lock()} is not interruptible
 * (an interrupt neither ends the wait nor makes it spin, and the status is still set when it
 * returns); {@link Lock#lockInterruptibly()} and {@link Lock#tryLock(long, TimeUnit)} throw
 * {@link InterruptedException}; a zero or negative timeout tries once, and the longest ones
 * wait without limit; {@link Lock#tryLock()} never waits. A waiting virtual thread unmounts.
 * Writers are preferred as in {@link RwLock}: while a writer waits, new readers wait behind
 * it, and the read lock's {@code tryLock} fails.
 *
 * <p>Misuse, as {@code ReentrantReadWriteLock} reports it: {@code unlock()} by a thread that
 * does not hold that lock throws {@link IllegalMonitorStateException}, for the read lock as
 * for the write lock, and changes nothing. Unlike {@code ReentrantReadWriteLock}, this lock
 * is not reentrant: any attempt to take either lock by a thread that already holds one of
 * them throws {@link IllegalStateException} instead of deadlocking (or, for a nested read,
 * deadlocking only when a writer waits in between). More than 67,108,863 read holds at once
 * throw {@link IllegalStateException}, and the lock stays as it was.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Not reentrant, as above: code that takes the read lock again inside a read-locked
 *       section, or any lock inside a write-locked one, fails with
 *       {@code IllegalStateException} here.
 *   <li>{@link Lock#newCondition()} throws {@link UnsupportedOperationException} on both
 *       locks (as on {@code ReentrantReadWriteLock}'s read lock): a condition would have to
 *       release and retake the write lock through a condition variable, which
 *       {@code Condvar} offers for {@code Mutex} only.
 *   <li>To tell which thread may unlock, the lock records each thread's read holds in a
 *       {@link ThreadLocal}, as {@code ReentrantReadWriteLock} does; {@link RwLock}'s guards
 *       need no such lookup and are the faster choice.
 *   <li>All readers count themselves in the one state word: {@link RwLock}'s reader cells,
 *       which keep readers on different cores off each other's cache lines, are not used,
 *       since this lock must find a thread's read holds at unlock through its
 *       {@code ThreadLocal} anyway. Readers on several cores at once therefore cost about
 *       seven times what {@code RwLock}'s do (see the benchmarks' README).
 *   <li>Not fair, no upgrade and no downgrade, as {@link RwLock}.
 * </ul>
 */
public final class RawRwLock implements ReadWriteLock {

    /*
     * The algorithm, state word and orderings are RwLock's, which this class drives through
     * its package-private fast and slow paths; RwLock's overview block describes them. The
     * RwLock is built without reader cells, so every reader is counted in the state. What
     * this class adds is bookkeeping: an RwLockHolds that records each thread's read holds and
     * the thread that writes. Every acquisition checks it first (the thread must hold nothing,
     * since the lock is not reentrant), and every unlock checks it before touching the state,
     * so a misplaced unlock throws without changing the lock.
     */

    private static final String NAME = "RawRwLock";

    private final RwLock<@Nullable Void> lock;
    private final RwLockHolds holds = new RwLockHolds();
    private final ReadLock readLock = new ReadLock();
    private final WriteLock writeLock = new WriteLock();

    /** A reader-writer lock, unlocked. */
    public RawRwLock() {
        this(0);
    }

    /** A lock whose count starts at {@code phantomReaders} read holds nobody releases. */
    RawRwLock(int phantomReaders) {
        this.lock = new RwLock<>(null, phantomReaders, RwLock.NO_CELLS, false, false);
    }

    /** The read lock: shared with other readers, excluded by the write lock. */
    @Override
    public Lock readLock() {
        return readLock;
    }

    /** The write lock: excludes readers and other writers. */
    @Override
    public Lock writeLock() {
        return writeLock;
    }

    /** Whether a writer holds the lock at this moment; for monitoring. */
    public boolean isWriteLocked() {
        return lock.isWriteLocked();
    }

    /** How many read locks are held at this moment; for monitoring, as in RwLock. */
    public int readerCount() {
        return lock.readerCount();
    }

    /** The state, as {@code RawRwLock[read-locked by 2, writer waiting]}. */
    @Override
    public String toString() {
        return lock.describe(NAME);
    }

    private static long toNanos(long time, TimeUnit unit) {
        // toNanos saturates; a negative timeout tries once, as a zero one does.
        return Math.max(0, unit.toNanos(time));
    }

    /** The read lock of a {@link RawRwLock}. */
    private final class ReadLock implements Lock {

        @Override
        public void lock() {
            holds.checkNotHolding(NAME, "lock the read lock");
            if (!lock.tryReadFast()) {
                lock.readContendedUninterruptibly();
            }
            holds.readAcquired();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            holds.checkNotHolding(NAME, "lock the read lock");
            if (!lock.tryReadFast()) {
                lock.readContended(RwLock.INTERRUPTIBLE, 0);
            }
            holds.readAcquired();
        }

        @Override
        public boolean tryLock() {
            holds.checkNotHolding(NAME, "try the read lock");
            if (lock.tryReadFast() || lock.tryReadSlow()) {
                holds.readAcquired();
                return true;
            }
            return false;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long nanos = toNanos(time, unit);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            holds.checkNotHolding(NAME, "try the read lock");
            boolean taken = lock.tryReadFast() || (nanos == 0
                    ? lock.tryReadSlow()
                    : lock.readContended(RwLock.TIMED, System.nanoTime() + nanos));
            if (taken) {
                holds.readAcquired();
            }
            return taken;
        }

        /**
         * Releases one read hold of the calling thread.
         *
         * @throws IllegalMonitorStateException if the calling thread holds no read lock
         */
        @Override
        public void unlock() {
            if (!holds.readReleased()) {
                throw new IllegalMonitorStateException("cannot unlock the read lock of this "
                        + NAME + ": " + Thread.currentThread() + " holds no read lock");
            }
            lock.releaseRead();
        }

        /** Not supported, as for ReentrantReadWriteLock's read lock. */
        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("the read lock of a " + NAME
                    + " has no conditions");
        }

        @Override
        public String toString() {
            return lock.describe(NAME + ".ReadLock");
        }
    }

    /** The write lock of a {@link RawRwLock}. */
    private final class WriteLock implements Lock {

        @Override
        public void lock() {
            holds.checkNotHolding(NAME, "lock the write lock");
            if (!lock.tryWriteFast()) {
                lock.writeContendedUninterruptibly();
            }
            holds.writeAcquired();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            holds.checkNotHolding(NAME, "lock the write lock");
            if (!lock.tryWriteFast()) {
                lock.writeContended(RwLock.INTERRUPTIBLE, 0);
            }
            holds.writeAcquired();
        }

        @Override
        public boolean tryLock() {
            holds.checkNotHolding(NAME, "try the write lock");
            if (lock.tryWriteFast() || lock.tryWriteSlow()) {
                holds.writeAcquired();
                return true;
            }
            return false;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long nanos = toNanos(time, unit);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            holds.checkNotHolding(NAME, "try the write lock");
            boolean taken = lock.tryWriteFast() || (nanos == 0
                    ? lock.tryWriteSlow()
                    : lock.writeContended(RwLock.TIMED, System.nanoTime() + nanos));
            if (taken) {
                holds.writeAcquired();
            }
            return taken;
        }

        /**
         * Releases the write lock.
         *
         * @throws IllegalMonitorStateException if the calling thread does not hold it
         */
        @Override
        public void unlock() {
            if (!holds.writeReleased()) {
                Thread holder = holds.writer();
                throw new IllegalMonitorStateException("cannot unlock the write lock of this "
                        + NAME + ": " + Thread.currentThread() + " does not hold it ("
                        + (holder == null ? "nobody does" : holder + " does") + ")");
            }
            lock.releaseWrite();
        }

        /** Not supported; see the class documentation. */
        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("the write lock of a " + NAME
                    + " has no conditions: use Mutex with Condvar for a lock with conditions");
        }

        @Override
        public String toString() {
            return lock.describe(NAME + ".WriteLock");
        }
    }
}
