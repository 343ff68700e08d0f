package dev.atomicslocks.locks;

import dev.atomicslocks.locks.steps.RwLock1;
import dev.atomicslocks.locks.steps.RwLock2;
import dev.atomicslocks.locks.steps.RwLock3;
import dev.atomicslocks.locks.steps.RwLockStep;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Every reader-writer lock of the module, and {@code ReentrantReadWriteLock} as the reference,
 * behind one interface: run an action holding a read lock or the write lock. The data the
 * actions touch lives in the tests, in plain fields that only the lock under test guards.
 */
interface RwLockSubject {

    /** Runs {@code action} holding a read lock, then releases it. */
    void read(Runnable action);

    /** Runs {@code action} holding the write lock, then releases it. */
    void write(Runnable action);

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<RwLockSubject>>> all() {
        return Stream.of(
                Named.of("RwLock1", () -> new Step(new RwLock1<>(0))),
                Named.of("RwLock2", () -> new Step(new RwLock2<>(0))),
                Named.of("RwLock3", () -> new Step(new RwLock3<>(0))),
                Named.of("ReentrantReadWriteLock", Reference::new));
    }

    /**
     * The implementations that keep new readers out while a writer waits, so that a writer
     * cannot starve: all but the first two book steps.
     */
    static Stream<Named<Supplier<RwLockSubject>>> writerPreferring() {
        return all().filter(named -> !named.getName().equals("RwLock1")
                && !named.getName().equals("RwLock2"));
    }

    /** A book step; the value it owns is not used. */
    final class Step implements RwLockSubject {
        private final RwLockStep<Integer> lock;

        Step(RwLockStep<Integer> lock) {
            this.lock = lock;
        }

        @Override
        public void read(Runnable action) {
            var guard = lock.read();
            try {
                action.run();
            } finally {
                guard.close();
            }
        }

        @Override
        public void write(Runnable action) {
            var guard = lock.write();
            try {
                action.run();
            } finally {
                guard.close();
            }
        }
    }

    /** ReentrantReadWriteLock, non-fair, the reference every rwlock must behave like. */
    final class Reference implements RwLockSubject {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        @Override
        public void read(Runnable action) {
            lock.readLock().lock();
            try {
                action.run();
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public void write(Runnable action) {
            lock.writeLock().lock();
            try {
                action.run();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }
}
