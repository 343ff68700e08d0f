package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public RwLock: guards and their misuse, the reader limit, writer preference, writers
 * that give up, toString and debug mode.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class RwLockTest {

    private static final Duration SHORT = Duration.ofMillis(20);
    /** Long enough that a waiting reader surely parks behind the writer before it runs out. */
    private static final Duration WRITER_PATIENCE = Duration.ofMillis(500);

    // A write guard reads and replaces the value; later read guards see the replacement.
    @Test
    void guards_reachTheValue() {
        RwLock<@Nullable String> lock = new RwLock<>(null);

        try (var guard = lock.write()) {
            assertThat(guard.get()).isNull();
            guard.set("b");
        }
        try (var first = lock.read(); var second = lock.read()) {
            assertThat(first.get()).isEqualTo("b");
            assertThat(second.get()).isEqualTo("b");
            assertThat(lock.readerCount()).as("two readers at once").isEqualTo(2);
        }
        assertThat(lock.readerCount()).isZero();
    }

    // While a writer waits behind a reader, new readers stay out: tryRead and a timed read
    // fail. Once the reader leaves, the writer gets in, and after it readers again.
    @Test
    void readers_whileAWriterWaits_stayOut() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0);
        var reader = lock.read();
        CompletableFuture<Integer> written = new CompletableFuture<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var guard = lock.write()) {
                guard.set(guard.get() + 1);
                written.complete(guard.get());
            }
        });
        awaitState(lock, "writer waiting");

        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> lock.tryRead()).get()).as("tryRead").isNull();
            assertThat(other.submit(() -> lock.tryRead(SHORT)).get()).as("timed read").isNull();
        }
        assertThat(written).as("the writer is still waiting").isNotDone();

        reader.close();
        assertThat(written.get()).isEqualTo(1);
        writer.join();
        try (var guard = lock.tryRead()) {
            assertThat(guard).as("a reader after the writer").isNotNull();
        }
    }

    // A writer that runs out of time while a reader sleeps behind it wakes that reader: the
    // reader gets in beside the first reader, and no writer mark is left behind.
    @Test
    void writer_givingUpByTimeout_wakesTheReadersBehindIt() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0);
        var firstReader = lock.read();
        CompletableFuture<Boolean> writerGotIt = new CompletableFuture<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var guard = lock.tryWrite(WRITER_PATIENCE)) {
                writerGotIt.complete(guard != null);
            } catch (InterruptedException e) {
                writerGotIt.completeExceptionally(e);
            }
        });
        awaitState(lock, "writer sleeping");

        assertSecondReaderGetsIn(lock, () -> {
            assertThat(writerGotIt.get()).as("the timed writer got the lock").isFalse();
            writer.join();
        });

        firstReader.close();
        assertThat(lock).hasToString("RwLock[unlocked]");
    }

    // The same for a writer that is interrupted, in the interruptible and the timed form.
    @Test
    void writer_givingUpByInterrupt_wakesTheReadersBehindIt() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0);
        List<Callable<RwLock.@Nullable WriteGuard<Integer>>> forms = List.of(
                lock::writeInterruptibly, () -> lock.tryWrite(Duration.ofDays(1)));
        for (Callable<RwLock.@Nullable WriteGuard<Integer>> form : forms) {
            var firstReader = lock.read();
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    thrown.completeExceptionally(new AssertionError("got " + form.call()));
                } catch (Exception e) {
                    thrown.complete(e);
                }
            });
            awaitState(lock, "writer sleeping");

            assertSecondReaderGetsIn(lock, () -> {
                writer.interrupt();
                assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
                writer.join();
            });

            firstReader.close();
            assertThat(lock).hasToString("RwLock[unlocked]");
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * Starts a reader that sleeps behind the waiting writer, lets the writer give up through
     * {@code giveUp}, and checks that the reader then got in.
     */
    private static void assertSecondReaderGetsIn(RwLock<Integer> lock, Step giveUp)
            throws Exception {
        CompletableFuture<Integer> readersBesideIt = new CompletableFuture<>();
        Thread secondReader = Thread.ofPlatform().start(() -> {
            var guard = lock.read();
            readersBesideIt.complete(lock.readerCount());
            guard.close();
        });
        // Should the writer run out before the reader sleeps, the reader simply gets in.
        while (!lock.toString().contains("readers sleeping") && !readersBesideIt.isDone()) {
            Thread.sleep(1);
        }

        giveUp.run();

        assertThat(readersBesideIt.get()).as("readers holding the lock, the second one in")
                .isEqualTo(2);
        secondReader.join();
    }

    // Closing a read or a write guard twice throws and leaves a later holder's lock held.
    @Test
    void close_twice_throwsAndDoesNotReleaseALaterHolder() {
        RwLock<Integer> lock = new RwLock<>(0);
        var staleRead = lock.read();
        staleRead.close();
        var currentRead = lock.read();

        assertThatThrownBy(staleRead::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot close a RwLock read guard that was already closed");
        assertThat(lock.readerCount()).as("still read by the current guard").isEqualTo(1);
        currentRead.close();

        var staleWrite = lock.write();
        staleWrite.close();
        var currentWrite = lock.write();
        assertThatThrownBy(staleWrite::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot close a RwLock write guard that was already closed");
        assertThat(lock.isWriteLocked()).as("still written by the current guard").isTrue();
        currentWrite.close();
        assertThat(lock).hasToString("RwLock[unlocked]");
    }

    // A closed guard no longer reads or writes the value.
    @Test
    void guards_afterClose_throw() {
        RwLock<Integer> lock = new RwLock<>(7);
        var read = lock.read();
        read.close();
        var write = lock.write();
        write.close();

        assertThatThrownBy(read::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot get a RwLock read guard that was already closed");
        assertThatThrownBy(write::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot get a RwLock write guard that was already closed");
        assertThatThrownBy(() -> write.set(8)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set a RwLock write guard that was already closed");
        try (var next = lock.read()) {
            assertThat(next.get()).isEqualTo(7);
        }
    }

    // A guard belongs to the thread that locked: another thread can neither use nor close it.
    @Test
    void guards_usedFromAnotherThread_throwAndKeepTheLock() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0);
        var read = lock.read();
        assertMisusesFromAnotherThreadThrow(List.of(read::close, read::get));
        assertThat(lock.readerCount()).isEqualTo(1);
        read.close();

        var write = lock.write();
        assertMisusesFromAnotherThreadThrow(List.of(write::close, write::get, () -> write.set(1)));
        assertThat(lock.isWriteLocked()).isTrue();
        assertThat(write.get()).isZero();
        write.close();
        assertThat(lock).hasToString("RwLock[unlocked]");
    }

    private static void assertMisusesFromAnotherThreadThrow(List<Runnable> misuses)
            throws Exception {
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            for (Runnable misuse : misuses) {
                Future<?> attempt = other.submit(misuse);
                assertThatThrownBy(attempt::get)
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("the thread that locked");
            }
        }
    }

    // At the reader limit every read form throws and leaves the counts as they were; once a
    // reader leaves, reading works again. The limit is reached with phantom readers: every
    // cell full, and the state's count one below its limit.
    @Test
    void read_atTheReaderLimit_throwsAndLeavesTheLockAsItWas() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0, RwLock.MAX_READERS - 1, RwLock.MAX_READERS,
                false, true);
        long inCells = lock.readersInCells();
        assertThat(inCells).isEqualTo((long) RwLock.CELLS * RwLock.MAX_READERS);
        var last = lock.read();
        assertThat(lock.readersInState()).as("the last reader, counted in the state")
                .isEqualTo(RwLock.MAX_READERS);

        List<ThrowingCallable> reads = List.of(lock::read, lock::tryRead,
                () -> lock.tryRead(SHORT), () -> lock.tryRead(Duration.ZERO),
                lock::readInterruptibly);
        for (ThrowingCallable read : reads) {
            assertThatThrownBy(read).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("too many readers");
            assertThat(lock.readersInState()).as("state count after the refusal")
                    .isEqualTo(RwLock.MAX_READERS);
            assertThat(lock.readersInCells()).as("cells after the refusal").isEqualTo(inCells);
        }
        assertThat(lock.tryWrite()).as("a writer beside the readers").isNull();
        assertThat(lock.isWriteLocked()).isFalse();

        last.close();
        try (var again = lock.read()) {
            assertThat(again.get()).isZero();
            assertThat(lock.readersInState()).isEqualTo(RwLock.MAX_READERS);
        }
        assertThat(lock.readersInState()).isEqualTo(RwLock.MAX_READERS - 1);
        assertThat(lock.readersInCells()).isEqualTo(inCells);
    }

    // A reader whose cell is full is counted in the state instead, and leaves from there.
    @Test
    void read_whenItsCellIsFull_countsInTheState() {
        RwLock<Integer> lock = new RwLock<>(0, 0, RwLock.MAX_READERS, false, true);
        long inCells = lock.readersInCells();
        try (var guard = lock.read()) {
            assertThat(guard.get()).isZero();
            assertThat(lock.readersInState()).isEqualTo(1);
            assertThat(lock.readersInCells()).isEqualTo(inCells);
            assertThat(lock).hasToString("RwLock[read-locked by "
                    + Math.min(Integer.MAX_VALUE, inCells + 1) + "]");
        }
        assertThat(lock.readersInState()).isZero();
    }

    // Two read locks held at once move later readers into cells; the count, the writers'
    // exclusion and toString see readers in cells as in the state.
    @Test
    void read_afterTwoReadLocksAtOnce_countsReadersInCells() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0);
        var first = lock.read();
        assertThat(lock.usesReaderCells()).as("after one read lock").isFalse();
        var second = lock.read();
        assertThat(lock.usesReaderCells()).as("after two read locks at once").isTrue();
        var third = lock.read();
        assertThat(lock.readersInState()).as("the first two, in the state").isEqualTo(2);
        assertThat(lock.readersInCells()).as("the third, in its cell").isEqualTo(1);
        assertThat(lock.readerCount()).isEqualTo(3);
        first.close();
        second.close();
        assertThat(lock.readersInState()).isZero();
        assertThat(lock).hasToString("RwLock[read-locked by 1]");
        assertThat(lock.tryWrite()).as("a writer while a reader is in a cell").isNull();
        assertThat(lock.tryWrite(Duration.ZERO)).isNull();
        assertThat(lock.tryWrite(SHORT)).as("a timed writer while a reader is in a cell")
                .isNull();
        assertThat(lock).as("the writers left nothing behind")
                .hasToString("RwLock[read-locked by 1]");
        try (var another = lock.tryRead()) {
            assertThat(another).as("a reader after the writers gave up").isNotNull();
            assertThat(lock.readersInCells()).isEqualTo(2);
        }
        third.close();
        assertThat(lock.readerCount()).isZero();
        try (var writer = lock.tryWrite()) {
            assertThat(writer).as("a writer once the cells are empty").isNotNull();
        }
        assertThat(lock).hasToString("RwLock[unlocked]");
    }

    // A lock built with cells, as the conformance suites' "readers in cells" subject is,
    // counts its readers there and leaves the state's count alone.
    @Test
    void read_onALockWithCellsFromTheStart_countsInACell() {
        RwLock<Integer> lock = RwLock.withCellsFromTheStart(0);
        try (var guard = lock.read()) {
            assertThat(guard.get()).isZero();
            assertThat(lock.readersInCells()).isEqualTo(1);
            assertThat(lock.readersInState()).isZero();
        }
        assertThat(lock.readersInCells()).isZero();
    }

    // toString tells the states apart and never shows the value.
    @Test
    void toString_showsTheStateOnly() throws Exception {
        RwLock<String> lock = new RwLock<>("secret");
        assertThat(lock).hasToString("RwLock[unlocked]");

        var first = lock.read();
        var second = lock.read();
        assertThat(lock).hasToString("RwLock[read-locked by 2]");
        assertThat(first.toString()).doesNotContain("secret");
        second.close();
        Thread writer = Thread.ofPlatform().start(() -> lock.write().close());
        awaitState(lock, "writer sleeping");
        assertThat(lock).hasToString("RwLock[read-locked by 1, writer waiting, writer sleeping]");
        first.close();
        writer.join();

        var write = lock.write();
        assertThat(lock).hasToString("RwLock[write-locked]");
        assertThat(write.toString()).doesNotContain("secret");
        Thread reader = Thread.ofPlatform().start(() -> lock.read().close());
        awaitState(lock, "readers sleeping");
        assertThat(lock).hasToString("RwLock[write-locked, readers sleeping]");
        write.close();
        reader.join();
        assertThat(lock).hasToString("RwLock[unlocked]");
    }

    // Without debug mode, a nested read behind a waiting writer is the deadlock the
    // documentation describes: a timed attempt shows it by running out.
    @Test
    void nestedRead_whileAWriterWaits_waitsForTheWriterThatWaitsForIt() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0, 0, false);
        var outer = lock.read();
        Thread writer = Thread.ofPlatform().start(() -> lock.write().close());
        awaitState(lock, "writer waiting");

        assertThat(lock.tryRead(SHORT)).as("the nested read, timed").isNull();
        assertThat(writer.isAlive()).as("the writer, still waiting").isTrue();

        outer.close();
        writer.join();
    }

    // In debug mode, a thread that holds a lock of the RwLock and asks for another gets an
    // exception naming the deadlock, from every acquiring form, and the lock is unchanged.
    @Test
    void debugMode_nestedAcquisition_throwsAndLeavesTheLockAsItWas() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0, 0, true);
        List<ThrowingCallable> acquisitions = List.of(lock::read, lock::readInterruptibly,
                lock::tryRead, () -> lock.tryRead(SHORT), lock::write, lock::writeInterruptibly,
                lock::tryWrite, () -> lock.tryWrite(SHORT));

        try (var outer = lock.read()) {
            for (ThrowingCallable acquisition : acquisitions) {
                assertThatThrownBy(acquisition).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("holds 1 read lock(s) of this RwLock");
            }
            assertThat(lock).hasToString("RwLock[read-locked by 1]");
            assertThat(outer.get()).isZero();
        }
        try (var outer = lock.write()) {
            for (ThrowingCallable acquisition : acquisitions) {
                assertThatThrownBy(acquisition).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("holds the write lock of this RwLock");
            }
            assertThat(lock).hasToString("RwLock[write-locked]");
            outer.set(1);
        }
        assertThat(lock).hasToString("RwLock[unlocked]");
    }

    // In debug mode the nested read behind a waiting writer throws instead of deadlocking,
    // and other threads are still free to read once the writer is done.
    @Test
    void debugMode_nestedReadWhileAWriterWaits_throwsInsteadOfDeadlocking() throws Exception {
        RwLock<Integer> lock = new RwLock<>(0, 0, true);
        var outer = lock.read();
        Thread writer = Thread.ofPlatform().start(() -> lock.write().close());
        awaitState(lock, "writer waiting");

        assertThatThrownBy(lock::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("as soon as a writer waits");

        outer.close();
        writer.join();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> {
                try (var guard = lock.read()) {
                    return guard.get();
                }
            }).get()).isZero();
        }
    }

    /** Waits until the lock's state names {@code mark}, set by another thread on its way. */
    static void awaitState(Object lock, String mark) throws InterruptedException {
        while (!lock.toString().contains(mark)) {
            Thread.sleep(1);
        }
    }
}
