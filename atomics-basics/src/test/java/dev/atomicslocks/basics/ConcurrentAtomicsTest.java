package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads on one atomic: no update is lost and no value is handed out twice. These show
 * atomicity; what each ordering makes visible is shown by the jcstress tests instead.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class ConcurrentAtomicsTest {

    private static final int THREADS = 4;
    private static final int INCREMENTS = 100_000;
    /** Chapter 2's ID allocator stops here. */
    private static final int ID_LIMIT = 50_000;

    // Relaxed fetch-add from several threads loses no increment (chapter 2's counter).
    @Test
    void fetchAdd_fromManyThreads_losesNoIncrement() throws Exception {
        AtomicU32 counter = new AtomicU32();
        AtomicI64 wide = new AtomicI64();

        runAll(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                counter.fetchAdd(1, Ordering.RELAXED);
                wide.fetchAdd(1, Ordering.RELAXED);
            }
            return null;
        });

        assertThat(counter.load(Ordering.SEQ_CST)).as("32-bit total")
                .isEqualTo(THREADS * INCREMENTS);
        assertThat(wide.load(Ordering.SEQ_CST)).as("64-bit total")
                .isEqualTo((long) THREADS * INCREMENTS);
    }

    // A compare-exchange loop is an increment that loses nothing (chapter 2, ch2-11).
    @Test
    void compareExchangeWeakLoop_fromManyThreads_losesNoIncrement() throws Exception {
        AtomicI32 counter = new AtomicI32();

        runAll(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                int current = counter.load(Ordering.RELAXED);
                while (!counter.compareExchangeWeak(
                        current, current + 1, Ordering.RELAXED, Ordering.RELAXED)) {
                    current = counter.load(Ordering.RELAXED);
                }
            }
            return null;
        });

        assertThat(counter.load(Ordering.SEQ_CST)).as("total").isEqualTo(THREADS * INCREMENTS);
    }

    // fetchMax from racing threads ends at the unsigned largest value any of them offered.
    @Test
    void fetchMax_fromManyThreads_endsAtTheLargestValueOffered() throws Exception {
        AtomicU32 max = new AtomicU32();
        AtomicU32 seed = new AtomicU32();

        List<Integer> largestPerThread = runAll(() -> {
            int value = seed.fetchAdd(1, Ordering.RELAXED) + 1;
            int largest = 0;
            for (int i = 0; i < INCREMENTS; i++) {
                // A multiplicative scramble spreads values over the whole unsigned range.
                value *= 0x9E37_79B9;
                max.fetchMax(value, Ordering.RELAXED);
                largest = Integer.compareUnsigned(value, largest) > 0 ? value : largest;
            }
            return largest;
        });

        int expected = largestPerThread.stream()
                .reduce(0, (a, b) -> Integer.compareUnsigned(a, b) >= 0 ? a : b);
        assertThat(Integer.compareUnsigned(expected, Integer.MAX_VALUE))
                .as("the largest offered value has its high bit set").isPositive();
        assertThat(Integer.toUnsignedString(max.load(Ordering.SEQ_CST))).as("maximum")
                .isEqualTo(Integer.toUnsignedString(expected));
    }

    // fetchUpdate as chapter 2's allocator: every id handed out once, none past the limit.
    @Test
    void fetchUpdateIdAllocator_fromManyThreads_handsOutEachIdOnceUpToTheLimit() throws Exception {
        AtomicU32 nextId = new AtomicU32();

        List<List<Integer>> perThread = runAll(() -> {
            List<Integer> mine = new ArrayList<>();
            while (true) {
                OptionalInt id = nextId.fetchUpdate(Ordering.RELAXED, Ordering.RELAXED,
                        n -> n < ID_LIMIT ? OptionalInt.of(n + 1) : OptionalInt.empty());
                if (id.isEmpty()) {
                    return mine;
                }
                mine.add(id.getAsInt());
            }
        });

        Set<Integer> all = new HashSet<>();
        int handedOut = 0;
        for (List<Integer> ids : perThread) {
            all.addAll(ids);
            handedOut += ids.size();
        }
        assertThat(handedOut).as("ids handed out").isEqualTo(ID_LIMIT);
        assertThat(all).as("distinct ids").hasSize(ID_LIMIT);
        assertThat(all).as("range").allMatch(id -> id >= 0 && id < ID_LIMIT);
        assertThat(nextId.load(Ordering.SEQ_CST)).as("never past the limit").isEqualTo(ID_LIMIT);
    }

    /** Chapter 3's lock guards a plain field: acquire on lock, release on unlock. */
    private int guarded;

    // A lock built from compareExchange(ACQUIRE) and store(RELEASE) keeps a plain counter exact.
    @Test
    void compareExchangeLock_guardsAPlainCounter() throws Exception {
        AtomicBool locked = new AtomicBool();

        runAll(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                while (locked.compareExchange(false, true, Ordering.ACQUIRE, Ordering.RELAXED)) {
                    Atomics.spinLoop();
                }
                guarded++;
                locked.store(false, Ordering.RELEASE);
            }
            return null;
        });

        assertThat(guarded).as("guarded total").isEqualTo(THREADS * INCREMENTS);
    }

    /** Starts {@link #THREADS} threads on {@code task} together and returns their results. */
    private <T> List<T> runAll(Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
