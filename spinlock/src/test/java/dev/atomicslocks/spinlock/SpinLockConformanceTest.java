package dev.atomicslocks.spinlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

/** What every step of chapter 4 and the public SpinLock must do. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class SpinLockConformanceTest {

    private static final int THREADS = 4;
    private static final int INCREMENTS_PER_THREAD = 20_000;
    private static final int BOOK_TEST_ROUNDS = 200;

    static Stream<Named<Supplier<ListLock>>> locks() {
        return ListLock.all();
    }

    // The book's test: one thread pushes 1, another pushes 2 twice in one critical section;
    // the list ends [1, 2, 2] or [2, 2, 1], never with the 1 between the 2s.
    @ParameterizedTest
    @MethodSource("locks")
    void twoThreadsPush_listEndsAs122Or221(Supplier<ListLock> factory) throws Exception {
        for (int round = 0; round < BOOK_TEST_ROUNDS; round++) {
            ListLock lock = factory.get();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> pushers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                pushers.add(threads.submit(() -> {
                    start.await();
                    lock.withList(list -> list.add(1));
                    return null;
                }));
                pushers.add(threads.submit(() -> {
                    start.await();
                    lock.withList(list -> {
                        list.add(2);
                        list.add(2);
                    });
                    return null;
                }));
                start.countDown();
            }
            for (Future<?> pusher : pushers) {
                pusher.get();
            }
            List<Integer> result = new ArrayList<>();
            lock.withList(result::addAll);
            assertThat(result).as("round %d", round).isIn(List.of(1, 2, 2), List.of(2, 2, 1));
        }
    }

    // Threads that read, add one and write back inside the lock lose no update, and each sees
    // the writes of the critical sections before its own.
    @ParameterizedTest
    @MethodSource("locks")
    void concurrentIncrements_underTheLock_loseNoUpdate(Supplier<ListLock> factory)
            throws Exception {
        ListLock lock = factory.get();
        lock.withList(list -> list.add(0));
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        lock.withList(list -> list.set(0, list.get(0) + 1));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        List<Integer> result = new ArrayList<>();
        lock.withList(result::addAll);
        assertThat(result).as("the counter").containsExactly(THREADS * INCREMENTS_PER_THREAD);
    }
}
