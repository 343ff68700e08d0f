package dev.atomicslocks.locks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;

/**
 * The public locks of the module and {@code ReentrantLock}, the reference, behind the shape of
 * {@code java.util.concurrent.locks.Lock}, so that one conformance suite runs against all of
 * them. The thread that locks is the thread that unlocks, as every one of them requires.
 */
interface TestLock {

    void lock();

    void lockInterruptibly() throws InterruptedException;

    boolean tryLock();

    boolean tryLock(Duration timeout) throws InterruptedException;

    void unlock();

    /** Whether any thread holds the lock. */
    boolean isLocked();

    /** The exception a misuse of this lock (an unlock without holding it) throws. */
    Class<? extends RuntimeException> misuse();

    /**
     * Whether the lock can even be asked to unlock when nobody ever locked it: a Lock can, a
     * Mutex cannot (there is no guard to close).
     */
    boolean canUnlockWithoutEverLocking();

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<TestLock>>> all() {
        return Stream.of(
                Named.of("Mutex", OfMutex::new),
                Named.of("MutexLock", () -> new OfLock(new MutexLock())),
                Named.of("ReentrantLock", () -> new OfLock(new ReentrantLock())));
    }

    /**
     * The public Mutex. Each thread keeps the guard it got until it unlocks; a thread that
     * holds none and unlocks closes the latest guard of any thread, which is the misuse a
     * Mutex can see: a guard closed by another thread, or closed twice.
     */
    final class OfMutex implements TestLock {
        final Mutex<int[]> mutex = new Mutex<>(new int[1]);
        // One per lock, not static: a thread holds guards of several locks in some tests.
        @SuppressWarnings("ThreadLocalUsage")
        private final ThreadLocal<Mutex.@Nullable Guard<int[]>> guard = new ThreadLocal<>();
        private volatile Mutex.@Nullable Guard<int[]> latest;

        @Override
        public void lock() {
            keep(mutex.lock());
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            keep(mutex.lockInterruptibly());
        }

        @Override
        public boolean tryLock() {
            return keep(mutex.tryLock());
        }

        @Override
        public boolean tryLock(Duration timeout) throws InterruptedException {
            return keep(mutex.tryLock(timeout));
        }

        private boolean keep(Mutex.@Nullable Guard<int[]> taken) {
            if (taken == null) {
                return false;
            }
            guard.set(taken);
            latest = taken;
            return true;
        }

        @Override
        public void unlock() {
            var held = guard.get();
            if (held == null) {
                held = latest;
            }
            if (held == null) {
                throw new IllegalStateException("nobody ever locked " + mutex);
            }
            guard.remove();
            held.close();
        }

        /**
         * The guard this thread holds or, for a thread that holds none, the latest guard of
         * any thread (closed, or another thread's): what a misusing caller would pass on.
         */
        Mutex.Guard<int[]> guard() {
            var held = guard.get();
            if (held == null) {
                held = latest;
            }
            if (held == null) {
                throw new IllegalStateException("nobody ever locked " + mutex);
            }
            return held;
        }

        /** Whether this thread holds a guard it has not closed. */
        boolean holdsGuard() {
            return guard.get() != null;
        }

        @Override
        public boolean isLocked() {
            return mutex.isLocked();
        }

        @Override
        public Class<? extends RuntimeException> misuse() {
            return IllegalStateException.class;
        }

        @Override
        public boolean canUnlockWithoutEverLocking() {
            return false;
        }
    }

    /** A {@code java.util.concurrent.locks.Lock}: MutexLock or ReentrantLock. */
    final class OfLock implements TestLock {
        final java.util.concurrent.locks.Lock lock;

        OfLock(java.util.concurrent.locks.Lock lock) {
            this.lock = lock;
        }

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            lock.lockInterruptibly();
        }

        @Override
        public boolean tryLock() {
            return lock.tryLock();
        }

        @Override
        public boolean tryLock(Duration timeout) throws InterruptedException {
            return lock.tryLock(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public boolean isLocked() {
            return switch (lock) {
                case MutexLock mutexLock -> mutexLock.isLocked();
                case ReentrantLock reentrantLock -> reentrantLock.isLocked();
                default -> throw new IllegalStateException("unknown lock " + lock);
            };
        }

        @Override
        public Class<? extends RuntimeException> misuse() {
            return IllegalMonitorStateException.class;
        }

        @Override
        public boolean canUnlockWithoutEverLocking() {
            return true;
        }
    }
}
