package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ReadWriteLock view: unlocking a lock not held, as ReentrantReadWriteLock reports it;
 * then what only RawRwLock does: refusing nested acquisitions, having no conditions, and
 * the reader limit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@SuppressWarnings("LockNotBeforeTry") // misuse tests lock and unlock out of the usual shape
final class RawRwLockTest {

    static Stream<Named<Supplier<ReadWriteLock>>> views() {
        return Stream.of(Named.of("RawRwLock", RawRwLock::new),
                Named.of("ReentrantReadWriteLock", ReentrantReadWriteLock::new));
    }

    // Unlocking either lock of a fresh lock throws and leaves it free.
    @ParameterizedTest
    @MethodSource("views")
    void unlock_whenNotLocked_throwsIllegalMonitorState(Supplier<ReadWriteLock> factory) {
        ReadWriteLock lock = factory.get();

        assertThatThrownBy(lock.readLock()::unlock)
                .isInstanceOf(IllegalMonitorStateException.class);
        assertThatThrownBy(lock.writeLock()::unlock)
                .isInstanceOf(IllegalMonitorStateException.class);

        assertThat(lock.writeLock().tryLock()).as("still free").isTrue();
        lock.writeLock().unlock();
    }

    // Unlocking once too often throws and changes nothing.
    @ParameterizedTest
    @MethodSource("views")
    void unlock_twice_throwsIllegalMonitorState(Supplier<ReadWriteLock> factory) {
        ReadWriteLock lock = factory.get();
        for (Lock half : List.of(lock.readLock(), lock.writeLock())) {
            half.lock();
            half.unlock();

            assertThatThrownBy(half::unlock).isInstanceOf(IllegalMonitorStateException.class);
        }
        assertThat(lock.writeLock().tryLock()).as("still free").isTrue();
        lock.writeLock().unlock();
    }

    // A thread that holds nothing cannot unlock another thread's read or write lock.
    @ParameterizedTest
    @MethodSource("views")
    void unlock_byAThreadThatDoesNotHoldIt_throwsAndKeepsTheHolderLocked(
            Supplier<ReadWriteLock> factory) throws Exception {
        ReadWriteLock lock = factory.get();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            lock.readLock().lock();
            assertUnlockFailsOn(other, lock.readLock());
            assertThat(other.submit(() -> lock.writeLock().tryLock()).get())
                    .as("a writer on the other thread").isFalse();
            lock.readLock().unlock();

            lock.writeLock().lock();
            assertUnlockFailsOn(other, lock.writeLock());
            assertThat(other.submit(() -> lock.readLock().tryLock()).get())
                    .as("a reader beside the writer").isFalse();
            lock.writeLock().unlock();
        }
        assertThat(lock.writeLock().tryLock()).as("free at the end").isTrue();
        lock.writeLock().unlock();
    }

    private static void assertUnlockFailsOn(ExecutorService other, Lock half) {
        Future<?> unlock = other.submit(half::unlock);
        assertThatThrownBy(unlock::get).hasCauseInstanceOf(IllegalMonitorStateException.class);
    }

    // The read lock has no conditions, as ReentrantReadWriteLock's read lock has none.
    @ParameterizedTest
    @MethodSource("views")
    void readLockNewCondition_throwsUnsupportedOperation(Supplier<ReadWriteLock> factory) {
        assertThatThrownBy(factory.get().readLock()::newCondition)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // The most extreme TimeUnit timeouts neither overflow nor fail: the longest waits until
    // the holder leaves, the most negative tries once.
    @ParameterizedTest
    @MethodSource("views")
    void tryLock_extremeTimeUnits_doNotOverflow(Supplier<ReadWriteLock> factory)
            throws Exception {
        ReadWriteLock lock = factory.get();
        lock.writeLock().lock();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> lock.readLock().tryLock(Long.MIN_VALUE, TimeUnit.DAYS))
                    .get()).as("most negative").isFalse();
            CompletableFuture<Boolean> longest = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    longest.complete(lock.readLock().tryLock(Long.MAX_VALUE, TimeUnit.DAYS));
                    lock.readLock().unlock();
                } catch (InterruptedException e) {
                    longest.completeExceptionally(e);
                }
            });
            Sleepers.awaitParked(waiter);

            lock.writeLock().unlock();

            assertThat(longest.get()).as("longest, once the writer left").isTrue();
            waiter.join();
        }
    }

    // The view is not reentrant: every way of taking either lock, by a thread that holds one,
    // throws and leaves the lock as it was.
    @Test
    void acquisitions_byAThreadThatHoldsALock_throw() throws Exception {
        RawRwLock lock = new RawRwLock();
        List<ThrowingCallable> acquisitions = List.of(
                lock.readLock()::lock, lock.readLock()::lockInterruptibly,
                lock.readLock()::tryLock, () -> lock.readLock().tryLock(1, TimeUnit.SECONDS),
                lock.writeLock()::lock, lock.writeLock()::lockInterruptibly,
                lock.writeLock()::tryLock, () -> lock.writeLock().tryLock(1, TimeUnit.SECONDS));

        for (Lock held : List.of(lock.readLock(), lock.writeLock())) {
            held.lock();
            String before = lock.toString();
            for (ThrowingCallable acquisition : acquisitions) {
                assertThatThrownBy(acquisition).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("which is not reentrant");
                assertThat(lock).as("after a refused acquisition").hasToString(before);
            }
            held.unlock();
        }
        assertThat(lock).hasToString("RawRwLock[unlocked]");
    }

    // The write lock has no conditions either; it says what to use instead.
    @Test
    void writeLockNewCondition_throwsUnsupportedOperation() {
        assertThatThrownBy(new RawRwLock().writeLock()::newCondition)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Condvar");
    }

    // At the reader limit every form of the read lock throws, and the count is unchanged.
    @Test
    void readLock_atTheReaderLimit_throwsAndLeavesTheLockAsItWas() throws Exception {
        RawRwLock lock = new RawRwLock(RwLock.MAX_READERS - 1);
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            lock.readLock().lock();
            List<Future<?>> attempts = List.of(
                    other.submit(() -> lock.readLock().lock()),
                    other.submit(() -> lock.readLock().tryLock()),
                    other.submit(() -> lock.readLock().tryLock(1, TimeUnit.SECONDS)),
                    other.submit(() -> {
                        lock.readLock().lockInterruptibly();
                        return null;
                    }));
            for (Future<?> attempt : attempts) {
                assertThatThrownBy(attempt::get).hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("too many readers");
            }
            assertThat(lock.readerCount()).isEqualTo(RwLock.MAX_READERS);
            lock.readLock().unlock();
            assertThat(other.submit(() -> lock.readLock().tryLock()).get())
                    .as("a reader, once one left").isTrue();
        }
    }

    // toString shows each lock's state under its own name.
    @Test
    void toString_namesTheLockAndItsState() {
        RawRwLock lock = new RawRwLock();
        lock.writeLock().lock();

        assertThat(lock).hasToString("RawRwLock[write-locked]");
        assertThat(lock.writeLock()).hasToString("RawRwLock.WriteLock[write-locked]");
        assertThat(lock.isWriteLocked()).isTrue();
        lock.writeLock().unlock();
        lock.readLock().lock();
        assertThat(lock.readLock()).hasToString("RawRwLock.ReadLock[read-locked by 1]");
        assertThat(lock.readerCount()).isEqualTo(1);
        lock.readLock().unlock();
    }
}
