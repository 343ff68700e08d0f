package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Virtual threads that wait for an RwLock unmount from their carriers: 10,000 of them
 * contending on one lock all finish, and JFR records no {@code jdk.VirtualThreadPinned}
 * event while they do. A second test shows that the same recording does see a pinned
 * virtual thread, so the first one's silence means something.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class RwLockPinningTest {

    private static final int VIRTUAL_THREADS = 10_000;
    private static final int READS_PER_THREAD = 4;
    /** Virtual threads of the unrecorded run that loads the classes. */
    private static final int WARM_UP_THREADS = 1_000;
    /** How long the pinned thread sleeps in its class initializer. */
    private static final long PINNED_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    // 10,000 virtual threads read and write one RwLock, sleeping while they wait; all finish
    // with an exact count, and none of them was pinned to its carrier.
    @Test
    void tenThousandVirtualThreads_contending_finishWithoutPinning() throws Exception {
        // Load every class of the run first, unrecorded: a virtual thread that loads a class
        // holds the class loader's lock in native code, and one that waits for that lock is
        // pinned, which says nothing about how the RwLock waits.
        contend(new RwLock<>(new long[1]), WARM_UP_THREADS);
        RwLock<long[]> lock = new RwLock<>(new long[1]);
        PinnedEventRecording recording = PinnedEventRecording.start();

        long reads = contend(lock, VIRTUAL_THREADS);
        List<String> pinned = recording.stop();

        assertThat(pinned).as("pinned virtual threads").isEmpty();
        assertThat(reads).as("reads").isEqualTo((long) VIRTUAL_THREADS * READS_PER_THREAD);
        try (var guard = lock.read()) {
            assertThat(guard.get()[0]).as("writes").isEqualTo(VIRTUAL_THREADS);
        }
    }

    /** Runs {@code threads} virtual threads that read and then write; returns the reads. */
    private static long contend(RwLock<long[]> lock, int threads) {
        AtomicLong reads = new AtomicLong();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                executor.execute(() -> {
                    for (int i = 0; i < READS_PER_THREAD; i++) {
                        try (var guard = lock.read()) {
                            reads.addAndGet(guard.get()[0] >= 0 ? 1 : 0);
                        }
                    }
                    try (var guard = lock.write()) {
                        guard.get()[0]++;
                    }
                });
            }
        }
        return reads.get();
    }

    // The recording sees pinning when there is some: a virtual thread that parks inside a
    // class initializer cannot unmount.
    @Test
    void recording_ofAVirtualThreadParkedInAClassInitializer_seesThePinning() throws Exception {
        PinnedEventRecording recording = PinnedEventRecording.start();

        Thread.ofVirtual().start(SlowToInitialize::touch).join();
        List<String> pinned = recording.stop();

        assertThat(pinned).as("pinned virtual threads").isNotEmpty();
        assertThat(pinned.getFirst()).contains("SlowToInitialize");
    }

    /** A class whose initializer parks, which pins a virtual thread that runs it. */
    private static final class SlowToInitialize {
        static {
            LockSupport.parkNanos(PINNED_NANOS);
        }

        static void touch() {
        }
    }
}
