package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every reader-writer lock of chapter 9, the public ones and ReentrantReadWriteLock all
 * do: writers exclude everyone, readers see whole writes, readers share the lock, and the
 * writer-preferring ones let a writer in past a stream of readers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class RwLockConformanceTest {

    private static final int WRITER_THREADS = 4;
    private static final int WRITES_PER_WRITER_THREAD = 20_000;
    private static final int MIXED_WRITERS = 2;
    private static final int MIXED_READERS = 2;
    private static final int MIXED_WRITES_PER_WRITER = 10_000;
    private static final int MIXED_READS_PER_READER = 50_000;
    /** Spin hints between the two halves of a write, and of a read. */
    private static final int PAUSE_SPINS = 10;
    private static final int READ_CONCURRENCY_ROUNDS = 10;
    /** Bounds the wait for the second reader; a reader that was shut out never arrives. */
    private static final long BARRIER_SECONDS = 30;
    private static final int VIRTUAL_THREADS = 10_000;
    private static final int READS_PER_VIRTUAL_THREAD = 5;
    private static final int STARVATION_WRITES = 20;

    static Stream<Named<Supplier<RwLockSubject>>> locks() {
        return RwLockSubject.all();
    }

    static Stream<Named<Supplier<RwLockSubject>>> writerPreferringLocks() {
        return RwLockSubject.writerPreferring();
    }

    /** The data the tests guard with the lock under test: two counters written together. */
    private static final class Pair {
        int first;
        int second;
    }

    // Writers contending: every write reads the value the previous one left, so each value
    // from 0 up is read exactly once and the final count is exact.
    @ParameterizedTest
    @MethodSource("locks")
    void writers_contending_seeEveryValueOnce(Supplier<RwLockSubject> factory)
            throws Exception {
        RwLockSubject lock = factory.get();
        Pair pair = new Pair();
        List<Callable<BitSet>> writers = new ArrayList<>();
        for (int t = 0; t < WRITER_THREADS; t++) {
            writers.add(() -> {
                BitSet seen = new BitSet();
                for (int i = 0; i < WRITES_PER_WRITER_THREAD; i++) {
                    lock.write(() -> seen.set(pair.first++));
                }
                return seen;
            });
        }

        BitSet all = new BitSet();
        int total = 0;
        for (BitSet seen : runAll(Executors.newFixedThreadPool(WRITER_THREADS), writers)) {
            total += seen.cardinality();
            all.or(seen);
        }

        int expected = WRITER_THREADS * WRITES_PER_WRITER_THREAD;
        assertThat(total).as("values read, counting repeats once per thread").isEqualTo(expected);
        assertThat(all.cardinality()).as("distinct values read").isEqualTo(expected);
        lock.read(() -> assertThat(pair.first).as("the final count").isEqualTo(expected));
    }

    // Readers among writers: a reader never sees a write half done (the two counters differ)
    // nor goes back in time (a smaller value after a larger one).
    @ParameterizedTest
    @MethodSource("locks")
    void readersAmongWriters_seeWholeWritesInOrder(Supplier<RwLockSubject> factory)
            throws Exception {
        RwLockSubject lock = factory.get();
        Pair pair = new Pair();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < MIXED_WRITERS; t++) {
            tasks.add(() -> {
                for (int i = 0; i < MIXED_WRITES_PER_WRITER; i++) {
                    lock.write(() -> {
                        pair.first++;
                        pause();
                        pair.second++;
                    });
                }
                return 0L;
            });
        }
        for (int t = 0; t < MIXED_READERS; t++) {
            tasks.add(() -> readAndCountAnomalies(lock, pair));
        }

        List<Long> results = runAll(
                Executors.newFixedThreadPool(MIXED_WRITERS + MIXED_READERS), tasks);

        assertThat(results).as("torn or backward reads per thread").containsOnly(0L);
        int expected = MIXED_WRITERS * MIXED_WRITES_PER_WRITER;
        lock.read(() -> {
            assertThat(pair.first).as("first counter").isEqualTo(expected);
            assertThat(pair.second).as("second counter").isEqualTo(expected);
        });
    }

    private static long readAndCountAnomalies(RwLockSubject lock, Pair pair) {
        long[] anomalies = {0};
        int[] last = {0};
        for (int i = 0; i < MIXED_READS_PER_READER; i++) {
            lock.read(() -> {
                int first = pair.first;
                pause();
                int second = pair.second;
                if (first != second || first < last[0]) {
                    anomalies[0]++;
                }
                last[0] = first;
            });
        }
        return anomalies[0];
    }

    /** Widens the window in which an unguarded reader would see half a write. */
    private static void pause() {
        for (int i = 0; i < PAUSE_SPINS; i++) {
            Thread.onSpinWait();
        }
    }

    // The book's read concurrency: two readers hold the lock at the same moment. Each waits
    // inside its read lock for the other to arrive, which only a shared lock allows.
    @ParameterizedTest
    @MethodSource("locks")
    void readers_two_holdTheLockAtOnce(Supplier<RwLockSubject> factory) throws Exception {
        RwLockSubject lock = factory.get();
        CyclicBarrier bothInside = new CyclicBarrier(2);
        AtomicInteger meetings = new AtomicInteger();
        List<Callable<Long>> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            readers.add(() -> {
                for (int round = 0; round < READ_CONCURRENCY_ROUNDS; round++) {
                    lock.read(() -> {
                        try {
                            bothInside.await(BARRIER_SECONDS, TimeUnit.SECONDS);
                            meetings.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new AssertionError("interrupted inside the read lock", e);
                        } catch (BrokenBarrierException | TimeoutException e) {
                            throw new AssertionError("the other reader never got in", e);
                        }
                    });
                }
                return 0L;
            });
        }

        runAll(Executors.newFixedThreadPool(2), readers);

        assertThat(meetings.get()).as("times a reader met the other inside")
                .isEqualTo(2 * READ_CONCURRENCY_ROUNDS);
    }

    // 10,000 virtual threads on a few carriers, each reading a few times and writing once,
    // complete with an exact count: a waiting virtual thread unmounts.
    @ParameterizedTest
    @MethodSource("locks")
    void tenThousandVirtualThreads_readingAndWriting_complete(Supplier<RwLockSubject> factory)
            throws Exception {
        RwLockSubject lock = factory.get();
        Pair pair = new Pair();
        AtomicLong tornReads = new AtomicLong();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < VIRTUAL_THREADS; t++) {
                executor.execute(() -> {
                    for (int i = 0; i < READS_PER_VIRTUAL_THREAD; i++) {
                        lock.read(() -> {
                            if (pair.first != pair.second) {
                                tornReads.incrementAndGet();
                            }
                        });
                    }
                    lock.write(() -> {
                        pair.first++;
                        pair.second++;
                    });
                });
            }
        }

        assertThat(tornReads.get()).as("torn reads").isZero();
        lock.read(() -> assertThat(pair.first).as("the final count").isEqualTo(VIRTUAL_THREADS));
    }

    // A writer gets in past two readers that relay the read lock so that one of them always
    // holds it, which starves a writer for ever unless waiting writers keep new readers out.
    @ParameterizedTest
    @MethodSource("writerPreferringLocks")
    void writer_behindAContinuousStreamOfReaders_getsIn(Supplier<RwLockSubject> factory)
            throws Exception {
        RwLockSubject lock = factory.get();
        ReaderRelay relay = new ReaderRelay(lock);
        relay.start();
        relay.awaitRunning();

        int[] written = {0};
        for (int i = 0; i < STARVATION_WRITES; i++) {
            lock.write(() -> written[0]++);
        }
        long handoffs = relay.stop();

        assertThat(written[0]).as("writes done behind the readers").isEqualTo(STARVATION_WRITES);
        assertThat(handoffs).as("read lock handed from reader to reader").isPositive();
    }

    /**
     * Two readers that keep the lock read-held: the one whose turn it is leaves only once the
     * other is inside. Either leaves once the other is parked trying to get in: a writer then
     * waits in front of it, and holding on would deadlock.
     */
    private static final class ReaderRelay {
        private final RwLockSubject lock;
        private final Thread[] readers = new Thread[2];
        private final AtomicIntegerArray inside = new AtomicIntegerArray(2);
        private final AtomicIntegerArray trying = new AtomicIntegerArray(2);
        private final AtomicInteger turn = new AtomicInteger();
        private final AtomicLong handoffs = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();

        ReaderRelay(RwLockSubject lock) {
            this.lock = lock;
            for (int i = 0; i < 2; i++) {
                int self = i;
                readers[i] = Thread.ofPlatform().name("relay-reader-" + i).unstarted(
                        () -> run(self));
            }
        }

        void start() {
            for (Thread reader : readers) {
                reader.start();
            }
        }

        /** Returns once the relay has handed the lock over at least once. */
        void awaitRunning() throws InterruptedException {
            while (handoffs.get() == 0) {
                Thread.sleep(1);
            }
        }

        /** Stops both readers and returns how often the lock was handed over. */
        long stop() throws InterruptedException {
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            return handoffs.get();
        }

        private void run(int self) {
            int other = 1 - self;
            while (!stop.get()) {
                trying.set(self, 1);
                lock.read(() -> {
                    trying.set(self, 0);
                    inside.set(self, 1);
                    while (!stop.get() && !mayLeave(self, other)) {
                        Thread.onSpinWait();
                    }
                    inside.set(self, 0);
                    turn.set(other);
                    handoffs.incrementAndGet();
                });
            }
        }

        /** On its turn once the other is inside; at any time once the other is stuck. */
        private boolean mayLeave(int self, int other) {
            boolean stuck = trying.get(other) == 1
                    && readers[other].getState() == Thread.State.WAITING;
            return stuck || (turn.get() == self && inside.get(other) == 1);
        }
    }

    private static <R> List<R> runAll(ExecutorService executor, List<Callable<R>> tasks)
            throws Exception {
        List<Future<R>> futures = new ArrayList<>();
        try (executor) {
            for (Callable<R> task : tasks) {
                futures.add(executor.submit(task));
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
