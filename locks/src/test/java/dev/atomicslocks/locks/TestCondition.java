package dev.atomicslocks.locks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * A lock and one condition of it, in the shape of {@code Condition}: Condvar with the public
 * Mutex, the Condition of MutexLock, and ReentrantLock's Condition as the reference, so that
 * one conformance suite runs against all three.
 */
interface TestCondition {

    TestLock lock();

    void await() throws InterruptedException;

    void awaitUninterruptibly();

    /** Returns false if the timeout passed before a signal. */
    boolean await(Duration timeout) throws InterruptedException;

    void signal();

    void signalAll();

    /** Whether the calling thread holds the lock. */
    boolean heldByCurrentThread();

    /** The exception that waiting (or signalling, if that needs the lock) without it throws. */
    Class<? extends RuntimeException> misuse();

    /** Whether signalling needs the lock: a Condition's does, a Condvar's does not. */
    boolean signalNeedsLock();

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<TestCondition>>> all() {
        return Stream.of(
                Named.of("Condvar with Mutex", OfCondvar::new),
                Named.of("MutexLock's Condition", () -> new OfLock(new MutexLock())),
                Named.of("ReentrantLock's Condition", () -> new OfLock(new ReentrantLock())));
    }

    /** Condvar, waiting with the guards of a Mutex. */
    final class OfCondvar implements TestCondition {
        private final TestLock.OfMutex lock = new TestLock.OfMutex();
        final Condvar condvar = new Condvar();

        @Override
        public TestLock lock() {
            return lock;
        }

        @Override
        public void await() throws InterruptedException {
            condvar.await(lock.guard());
        }

        @Override
        public void awaitUninterruptibly() {
            condvar.awaitUninterruptibly(lock.guard());
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            return condvar.await(lock.guard(), timeout);
        }

        @Override
        public void signal() {
            condvar.signal();
        }

        @Override
        public void signalAll() {
            condvar.signalAll();
        }

        /**
         * An open guard of this thread and a locked mutex: a wait that returned without
         * locking again leaves the mutex unlocked while the guard stays open.
         */
        @Override
        public boolean heldByCurrentThread() {
            return lock.holdsGuard() && lock.isLocked();
        }

        @Override
        public Class<? extends RuntimeException> misuse() {
            return IllegalStateException.class;
        }

        @Override
        public boolean signalNeedsLock() {
            return false;
        }
    }

    /** A Condition of a Lock: MutexLock's or ReentrantLock's. */
    @SuppressWarnings("WaitNotInLoop") // delegates only; the tests loop where they must
    final class OfLock implements TestCondition {
        private final TestLock.OfLock lock;
        private final Condition condition;

        OfLock(Lock lock) {
            this.lock = new TestLock.OfLock(lock);
            this.condition = lock.newCondition();
        }

        @Override
        public TestLock lock() {
            return lock;
        }

        @Override
        public void await() throws InterruptedException {
            condition.await();
        }

        @Override
        public void awaitUninterruptibly() {
            condition.awaitUninterruptibly();
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            return condition.await(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
        }

        @Override
        public void signal() {
            condition.signal();
        }

        @Override
        public void signalAll() {
            condition.signalAll();
        }

        @Override
        public boolean heldByCurrentThread() {
            return switch (lock.lock) {
                case MutexLock mutexLock -> mutexLock.isHeldByCurrentThread();
                case ReentrantLock reentrantLock -> reentrantLock.isHeldByCurrentThread();
                default -> throw new IllegalStateException("unknown lock " + lock.lock);
            };
        }

        @Override
        public Class<? extends RuntimeException> misuse() {
            return IllegalMonitorStateException.class;
        }

        @Override
        public boolean signalNeedsLock() {
            return true;
        }
    }
}
