package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every mutex step of chapter 9, the public Mutex, MutexLock and ReentrantLock all do. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class MutexConformanceTest {

    private static final int PLATFORM_THREADS = 4;
    private static final int INCREMENTS_PER_PLATFORM_THREAD = 20_000;
    private static final int VIRTUAL_THREADS = 10_000;
    private static final int INCREMENTS_PER_VIRTUAL_THREAD = 10;

    static Stream<Named<Supplier<CounterLock>>> locks() {
        return CounterLock.all();
    }

    // Platform threads contending: every increment reads the value the previous one wrote,
    // so each value from 0 up is read exactly once.
    @ParameterizedTest
    @MethodSource("locks")
    void platformThreads_contending_seeEveryValueOnce(Supplier<CounterLock> factory)
            throws Exception {
        assertEveryValueSeenOnce(factory.get(), Executors.newFixedThreadPool(PLATFORM_THREADS),
                PLATFORM_THREADS, INCREMENTS_PER_PLATFORM_THREAD);
    }

    // 10,000 virtual threads on a few carriers contend and complete: a waiting virtual thread
    // unmounts, so the holder always finds a carrier to finish on.
    @ParameterizedTest
    @MethodSource("locks")
    void tenThousandVirtualThreads_contending_seeEveryValueOnce(Supplier<CounterLock> factory)
            throws Exception {
        assertEveryValueSeenOnce(factory.get(), Executors.newVirtualThreadPerTaskExecutor(),
                VIRTUAL_THREADS, INCREMENTS_PER_VIRTUAL_THREAD);
    }

    private static void assertEveryValueSeenOnce(CounterLock lock, ExecutorService executor,
            int threads, int incrementsPerThread) throws Exception {
        List<Future<BitSet>> workers = new ArrayList<>();
        try (executor) {
            for (int t = 0; t < threads; t++) {
                workers.add(executor.submit(() -> {
                    BitSet seen = new BitSet();
                    for (int i = 0; i < incrementsPerThread; i++) {
                        seen.set(lock.getAndIncrement());
                    }
                    return seen;
                }));
            }
        }
        BitSet all = new BitSet();
        int total = 0;
        for (Future<BitSet> worker : workers) {
            BitSet seen = worker.get();
            total += seen.cardinality();
            all.or(seen);
        }
        int expected = threads * incrementsPerThread;
        assertThat(total).as("values read, counting repeats once per thread").isEqualTo(expected);
        assertThat(all.cardinality()).as("distinct values read").isEqualTo(expected);
        assertThat(all.nextClearBit(0)).as("first value never read").isEqualTo(expected);
        assertThat(lock.getAndIncrement()).as("the final count").isEqualTo(expected);
    }
}
