package dev.atomicslocks.locks;

import dev.atomicslocks.locks.steps.RwLock1;
import dev.atomicslocks.locks.steps.RwLock2;
import dev.atomicslocks.locks.steps.RwLock3;
import dev.atomicslocks.locks.steps.RwLockStep;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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

    /** Takes a read lock and releases it again. */
    default void read() {
        read(RwLockSubject::idle);
    }

    /** Takes the write lock and releases it again. */
    default void write() {
        write(RwLockSubject::idle);
    }

    /** The empty critical section. */
    static void idle() {
    }

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<RwLockSubject>>> all() {
        return Stream.of(
                Named.of("RwLock1", () -> new Step(new RwLock1<>(0))),
                Named.of("RwLock2", () -> new Step(new RwLock2<>(0))),
                Named.of("RwLock3", () -> new Step(new RwLock3<>(0))),
                Named.of("RwLock", Public::new),
                Named.of("RwLock, readers in cells", Public::withCells),
                Named.of("RawRwLock", () -> new Juc(new RawRwLock())),
                Named.of("ReentrantReadWriteLock", () -> new Juc(new ReentrantReadWriteLock())));
    }

    /** The implementations with try, timed and interruptible forms. */
    static Stream<Named<Supplier<Timed>>> timed() {
        return Stream.of(
                Named.of("RwLock", Public::new),
                Named.of("RwLock, readers in cells", Public::withCells),
                Named.of("RawRwLock", () -> new Juc(new RawRwLock())),
                Named.of("ReentrantReadWriteLock", () -> new Juc(new ReentrantReadWriteLock())));
    }

    /**
     * The implementations that keep new readers out while a writer waits, so that a writer
     * cannot starve: all but the first two book steps.
     */
    static Stream<Named<Supplier<RwLockSubject>>> writerPreferring() {
        return all().filter(named -> !named.getName().equals("RwLock1")
                && !named.getName().equals("RwLock2"));
    }

    /**
     * A lock with the try, timed and interruptible forms. Each returns whether it took the
     * lock; if it did, it ran the action and released the lock again.
     */
    interface Timed extends RwLockSubject {
        boolean tryRead(Runnable action);

        boolean tryRead(Duration timeout, Runnable action) throws InterruptedException;

        void readInterruptibly(Runnable action) throws InterruptedException;

        boolean tryWrite(Runnable action);

        boolean tryWrite(Duration timeout, Runnable action) throws InterruptedException;

        void writeInterruptibly(Runnable action) throws InterruptedException;

        /** The same forms with an empty critical section. */
        default boolean tryRead() {
            return tryRead(RwLockSubject::idle);
        }

        default boolean tryRead(Duration timeout) throws InterruptedException {
            return tryRead(timeout, RwLockSubject::idle);
        }

        default void readInterruptibly() throws InterruptedException {
            readInterruptibly(RwLockSubject::idle);
        }

        default boolean tryWrite() {
            return tryWrite(RwLockSubject::idle);
        }

        default boolean tryWrite(Duration timeout) throws InterruptedException {
            return tryWrite(timeout, RwLockSubject::idle);
        }

        default void writeInterruptibly() throws InterruptedException {
            writeInterruptibly(RwLockSubject::idle);
        }
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

    /** The public RwLock; the value it owns is not used. */
    final class Public implements Timed {
        private final RwLock<Integer> lock;

        Public() {
            this(new RwLock<>(0));
        }

        private Public(RwLock<Integer> lock) {
            this.lock = lock;
        }

        /**
         * A lock whose readers count themselves in cells from the start, as they do once two
         * read locks were held at the same time.
         */
        static Public withCells() {
            return new Public(RwLock.withCellsFromTheStart(0));
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

        @Override
        public boolean tryRead(Runnable action) {
            return runThenRelease(closer(lock.tryRead()), action);
        }

        @Override
        public boolean tryRead(Duration timeout, Runnable action) throws InterruptedException {
            return runThenRelease(closer(lock.tryRead(timeout)), action);
        }

        @Override
        public void readInterruptibly(Runnable action) throws InterruptedException {
            runThenRelease(closer(lock.readInterruptibly()), action);
        }

        @Override
        public boolean tryWrite(Runnable action) {
            return runThenRelease(closer(lock.tryWrite()), action);
        }

        @Override
        public boolean tryWrite(Duration timeout, Runnable action) throws InterruptedException {
            return runThenRelease(closer(lock.tryWrite(timeout)), action);
        }

        @Override
        public void writeInterruptibly(Runnable action) throws InterruptedException {
            runThenRelease(closer(lock.writeInterruptibly()), action);
        }

        @Override
        public String toString() {
            return lock.toString();
        }

        private static @Nullable Runnable closer(RwLock.@Nullable ReadGuard<Integer> guard) {
            return guard == null ? null : guard::close;
        }

        private static @Nullable Runnable closer(RwLock.@Nullable WriteGuard<Integer> guard) {
            return guard == null ? null : guard::close;
        }
    }

    /** Runs the action and then {@code release}, if there is one; says whether there was. */
    static boolean runThenRelease(@Nullable Runnable release, Runnable action) {
        if (release == null) {
            return false;
        }
        try {
            action.run();
        } finally {
            release.run();
        }
        return true;
    }

    /** Runs the action holding {@code lock}, if {@code taken}; says whether it was. */
    static boolean runAndUnlock(boolean taken, Lock lock, Runnable action) {
        if (!taken) {
            return false;
        }
        try {
            action.run();
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * A {@code java.util.concurrent.locks.ReadWriteLock}: the RawRwLock view, or
     * ReentrantReadWriteLock (non-fair), the reference every rwlock must behave like.
     */
    final class Juc implements Timed {
        private final ReadWriteLock lock;

        Juc(ReadWriteLock lock) {
            this.lock = lock;
        }

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

        @Override
        public boolean tryRead(Runnable action) {
            return runAndUnlock(lock.readLock().tryLock(), lock.readLock(), action);
        }

        @Override
        public boolean tryRead(Duration timeout, Runnable action) throws InterruptedException {
            boolean taken = lock.readLock().tryLock(
                    TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
            return runAndUnlock(taken, lock.readLock(), action);
        }

        @Override
        public void readInterruptibly(Runnable action) throws InterruptedException {
            lock.readLock().lockInterruptibly();
            runAndUnlock(true, lock.readLock(), action);
        }

        @Override
        public boolean tryWrite(Runnable action) {
            return runAndUnlock(lock.writeLock().tryLock(), lock.writeLock(), action);
        }

        @Override
        public boolean tryWrite(Duration timeout, Runnable action) throws InterruptedException {
            boolean taken = lock.writeLock().tryLock(
                    TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
            return runAndUnlock(taken, lock.writeLock(), action);
        }

        @Override
        public void writeInterruptibly(Runnable action) throws InterruptedException {
            lock.writeLock().lockInterruptibly();
            runAndUnlock(true, lock.writeLock(), action);
        }

        @Override
        public String toString() {
            return lock.toString();
        }
    }
}
