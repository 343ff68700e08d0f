package dev.atomicslocks.oswait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Store-then-wake against check-then-wait, many times over. A lost wake-up leaves every
 * thread parked for good; the timeout then fails the test and prints every thread's stack
 * (the surefire configuration turns the thread dump on), instead of hanging the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class NoLostWakeupTest {

    private static final int PING_PONG_ROUNDS = 20_000;
    private static final int BARRIER_THREADS = 4;
    private static final int BARRIER_ROUNDS = 2_000;

    // Two platform threads hand a turn back and forth with RELEASE stores and wakeOne.
    @Test
    void pingPong_platformThreads_neverLosesAWake() throws Exception {
        assertThat(pingPong(Thread.ofPlatform().factory())).isEqualTo(2 * PING_PONG_ROUNDS);
    }

    // The same with virtual threads, which unmount while they wait.
    @Test
    void pingPong_virtualThreads_neverLosesAWake() throws Exception {
        assertThat(pingPong(Thread.ofVirtual().factory())).isEqualTo(2 * PING_PONG_ROUNDS);
    }

    // Threads meet at a barrier built on a generation counter: the last to arrive advances
    // the generation and wakes all; the others wait while the generation is unchanged.
    @Test
    void generationBarrier_wakeAll_neverLosesAWake() throws Exception {
        AtomicU32 arrived = new AtomicU32();
        AtomicU32 generation = new AtomicU32();
        List<Future<Integer>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(BARRIER_THREADS)) {
            for (int t = 0; t < BARRIER_THREADS; t++) {
                workers.add(threads.submit(() -> {
                    int passed = 0;
                    for (int round = 0; round < BARRIER_ROUNDS; round++) {
                        int mine = generation.load(Ordering.ACQUIRE);
                        if (arrived.fetchAdd(1, Ordering.ACQ_REL) == BARRIER_THREADS - 1) {
                            arrived.store(0, Ordering.RELAXED);
                            generation.store(mine + 1, Ordering.RELEASE);
                            AtomicWait.wakeAll(generation);
                        } else {
                            while (generation.load(Ordering.ACQUIRE) == mine) {
                                AtomicWait.wait(generation, mine);
                            }
                        }
                        passed++;
                    }
                    return passed;
                }));
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get()).as("rounds passed").isEqualTo(BARRIER_ROUNDS);
            }
        }
        assertThat(generation.load(Ordering.SEQ_CST)).isEqualTo(BARRIER_ROUNDS);
    }

    /** Returns the number of turns taken by both threads together. */
    private static int pingPong(ThreadFactory factory) throws Exception {
        AtomicU32 turn = new AtomicU32();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(factory)) {
            Future<Integer> first = threads.submit(() -> play(turn, 0));
            Future<Integer> second = threads.submit(() -> play(turn, 1));
            return first.get() + second.get();
        }
    }

    private static int play(AtomicU32 turn, int me) {
        int other = 1 - me;
        int taken = 0;
        for (int round = 0; round < PING_PONG_ROUNDS; round++) {
            while (turn.load(Ordering.ACQUIRE) != me) {
                AtomicWait.wait(turn, other);
            }
            taken++;
            turn.store(other, Ordering.RELEASE);
            AtomicWait.wakeOne(turn);
        }
        return taken;
    }
}
