package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Virtual threads that wait for the public Mutex or on the Condvar unmount from their
 * carriers: 10,000 of them contending on one mutex and meeting at a barrier built on the
 * condition variable all finish, and JFR records no {@code jdk.VirtualThreadPinned} event while
 * they do. That the same recording does see a pinned virtual thread is shown by
 * {@code RwLockPinningTest}, which shares {@link PinnedEventRecording} with this test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class MutexPinningTest {

    private static final int VIRTUAL_THREADS = 10_000;
    private static final int INCREMENTS_PER_THREAD = 10;
    /** Virtual threads of the unrecorded run that loads the classes. */
    private static final int WARM_UP_THREADS = 1_000;

    // 10,000 virtual threads increment a counter behind the Mutex, then wait on the Condvar
    // until all have arrived; all finish with the exact counts, and none was pinned.
    @Test
    void tenThousandVirtualThreads_onMutexAndCondvar_finishWithoutPinning() throws Exception {
        // Load every class of the run first, unrecorded: a virtual thread waiting for a class
        // loader's lock is pinned, which says nothing about how the Mutex waits.
        contend(new Mutex<>(new int[2]), new Condvar(), WARM_UP_THREADS);
        Mutex<int[]> counters = new Mutex<>(new int[2]);
        PinnedEventRecording recording = PinnedEventRecording.start();

        contend(counters, new Condvar(), VIRTUAL_THREADS);
        List<String> pinned = recording.stop();

        assertThat(pinned).as("pinned virtual threads").isEmpty();
        try (var guard = counters.lock()) {
            assertThat(guard.get()[0]).as("increments")
                    .isEqualTo(VIRTUAL_THREADS * INCREMENTS_PER_THREAD);
            assertThat(guard.get()[1]).as("arrivals at the barrier").isEqualTo(VIRTUAL_THREADS);
        }
    }

    /** Runs {@code threads} virtual threads through {@link #incrementAndMeet}. */
    private static void contend(Mutex<int[]> counters, Condvar allArrived, int threads)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> incrementAndMeet(counters, allArrived,
                        threads)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }

    /** Increments the counter, then waits on the condvar until every thread has arrived. */
    private static void incrementAndMeet(Mutex<int[]> counters, Condvar allArrived,
            int threads) {
        for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
            try (var guard = counters.lock()) {
                guard.get()[0]++;
            }
        }
        try (var guard = counters.lock()) {
            if (++guard.get()[1] == threads) {
                allArrived.signalAll();
            }
            allArrived.awaitWhileUninterruptibly(guard, c -> c[1] < threads);
        }
    }
}
