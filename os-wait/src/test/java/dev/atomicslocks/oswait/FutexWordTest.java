package dev.atomicslocks.oswait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomicslocks.basics.Ordering;
import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The Linux futex through FFM: the wait/wake contract on private and shared native words. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class FutexWordTest {

    static final long SHARED_FILE_BYTES = 4096;
    private static final int PING_PONG_ROUNDS = 5_000;
    /** Pause between attempts to catch a waiter asleep in the kernel. */
    private static final long RETRY_MILLIS = 2;

    // A value that already differs returns at once from every form of wait.
    @Test
    void futexWait_whenValueDiffers_returnsAtOnce() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            FutexWord word = FutexWord.allocate(arena);
            word.store(1, Ordering.RELEASE);

            word.futexWait(0);
            word.futexWaitInterruptibly(0);
            assertThat(word.futexWaitFor(0, Duration.ofDays(1))).isTrue();
        }
    }

    // With nobody asleep, a wake reports zero.
    @Test
    void wake_withNoWaiters_returnsZero() {
        try (Arena arena = Arena.ofConfined()) {
            FutexWord word = FutexWord.allocate(arena);

            assertThat(word.wakeOne()).isZero();
            assertThat(word.wakeAll()).isZero();
        }
    }

    // A timed wait that nobody wakes reports the timeout, also for zero and negative timeouts.
    @Test
    void futexWaitFor_whenNobodyWakes_reportsTimeout() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            FutexWord word = FutexWord.allocate(arena);

            assertThat(word.futexWaitFor(0, Duration.ofMillis(20))).isFalse();
            assertThat(word.futexWaitFor(0, Duration.ZERO)).isFalse();
            assertThat(word.futexWaitFor(0, Duration.ofSeconds(-1))).isFalse();
            assertThat(word.futexWaitFor(0, Duration.ofSeconds(Long.MIN_VALUE))).isFalse();
        }
    }

    // wakeOne never reports more than one, and reaches one of two sleepers; wakeAll then
    // releases both once the value changes.
    @Test
    void wakeOne_withTwoSleepers_wakesOneAtATime() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            FutexWord word = FutexWord.allocate(arena);
            List<Future<?>> sleepers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                for (int i = 0; i < 2; i++) {
                    sleepers.add(threads.submit(() -> sleepUntilNonZero(word)));
                }
                int woken = 0;
                while (woken == 0) {
                    woken = word.wakeOne();
                    assertThat(woken).as("woken by one wakeOne").isLessThanOrEqualTo(1);
                    Thread.sleep(RETRY_MILLIS);
                }
                word.store(1, Ordering.RELEASE);
                word.wakeAll();
                for (Future<?> sleeper : sleepers) {
                    sleeper.get();
                }
            }
        }
    }

    // wakeAll reports every sleeper it reached.
    @Test
    void wakeAll_withTwoSleepers_reportsBoth() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            FutexWord word = FutexWord.allocate(arena);
            List<Future<?>> sleepers = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
                for (int i = 0; i < 2; i++) {
                    sleepers.add(threads.submit(() -> sleepUntilNonZero(word)));
                }
                // The value stays 0, so a woken sleeper goes back to sleep; retry until both
                // are asleep in the kernel at the moment of one wakeAll.
                while (word.wakeAll() < 2) {
                    Thread.sleep(RETRY_MILLIS);
                }
                word.store(1, Ordering.RELEASE);
                word.wakeAll();
                for (Future<?> sleeper : sleepers) {
                    sleeper.get();
                }
            }
        }
    }

    // The interruptible form ends with InterruptedException when interrupted while asleep.
    @Test
    void futexWaitInterruptibly_whenInterrupted_throws() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            FutexWord word = FutexWord.allocate(arena);
            CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
            CompletableFuture<Void> aboutToSleep = new CompletableFuture<>();
            Thread sleeper = Thread.ofPlatform().start(() -> {
                try {
                    aboutToSleep.complete(null);
                    word.futexWaitInterruptibly(0);
                    statusAfterThrow.completeExceptionally(new AssertionError("returned"));
                } catch (InterruptedException e) {
                    statusAfterThrow.complete(Thread.currentThread().isInterrupted());
                }
            });
            aboutToSleep.get();
            // Give it time to reach the kernel, so the interrupt lands during the wait; an
            // earlier interrupt is also a pass, just of the "before" case.
            Thread.sleep(2 * FutexWord.SLICE_MILLIS);

            sleeper.interrupt();

            assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
            sleeper.join();
        }
    }

    // An interrupt before the call makes the interruptible forms throw at once.
    @Test
    void interruptibleForms_whenAlreadyInterrupted_throwAtOnce() {
        try (Arena arena = Arena.ofConfined()) {
            FutexWord word = FutexWord.allocate(arena);

            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> word.futexWaitInterruptibly(0))
                    .isInstanceOf(InterruptedException.class);
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> word.futexWaitFor(0, Duration.ofSeconds(1)))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    // An interrupt neither ends the uninterruptible wait nor makes it return over and over,
    // and the status is still set when a wake finally ends it.
    @Test
    void futexWait_whenInterrupted_keepsSleepingAndKeepsTheStatus() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            FutexWord word = FutexWord.allocate(arena);
            AtomicInteger returns = new AtomicInteger();
            CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
            Thread sleeper = Thread.ofPlatform().start(() -> {
                while (word.load(Ordering.ACQUIRE) == 0) {
                    word.futexWait(0);
                    returns.incrementAndGet();
                }
                statusOnReturn.complete(Thread.currentThread().isInterrupted());
            });
            int wakes = wakeWhenAsleep(word);

            sleeper.interrupt();
            Thread.sleep(2 * FutexWord.SLICE_MILLIS);
            wakes += wakeWhenAsleep(word);

            // Each return has a cause: one of our wakes, or at most one signal from the JVM.
            assertThat(returns.get()).as("returns from futexWait after %d wakes", wakes)
                    .isLessThanOrEqualTo(wakes + 1);
            word.store(1, Ordering.RELEASE);
            word.wakeAll();
            assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
            sleeper.join();
        }
    }

    // The longest timeouts neither overflow nor time out at once: the wait sleeps until woken,
    // and reports the wake.
    @Test
    void futexWaitFor_withHugeTimeout_doesNotOverflowAndIsWoken() throws Exception {
        try (Arena arena = Arena.ofShared();
                ExecutorService threads = Executors.newFixedThreadPool(2)) {
            FutexWord word = FutexWord.allocate(arena);
            Future<Boolean> maxDuration = threads.submit(
                    () -> word.futexWaitFor(0, Duration.ofSeconds(Long.MAX_VALUE)));
            Future<Boolean> maxNanos = threads.submit(
                    () -> word.futexWaitFor(0, Duration.ofNanos(Long.MAX_VALUE)));

            // The value stays 0: each sleeper returns only because a wake reached it.
            while (!maxDuration.isDone() || !maxNanos.isDone()) {
                word.wakeAll();
                Thread.sleep(RETRY_MILLIS);
            }

            assertThat(maxDuration.get()).as("Duration.ofSeconds(Long.MAX_VALUE)").isTrue();
            assertThat(maxNanos.get()).as("Duration.ofNanos(Long.MAX_VALUE)").isTrue();
        }
    }

    // A virtual thread can wait on a futex word too (holding its carrier while it sleeps).
    @Test
    void futexWait_onVirtualThread_isWoken() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            FutexWord word = FutexWord.allocate(arena);
            Thread sleeper = Thread.ofVirtual().start(() -> sleepUntilNonZero(word));
            wakeWhenAsleep(word);

            word.store(1, Ordering.RELEASE);
            word.wakeAll();

            assertThat(sleeper.join(Duration.ofSeconds(30))).as("the sleeper ended").isTrue();
        }
    }

    // Store-then-wake against check-then-wait on a private and on a shared word.
    @Test
    void pingPong_onPrivateAndSharedWords_neverLosesAWake() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            assertThat(pingPong(FutexWord.allocate(arena))).isEqualTo(2 * PING_PONG_ROUNDS);
            MemorySegment memory = arena.allocate(SHARED_FILE_BYTES, Integer.BYTES);
            assertThat(pingPong(FutexWord.shared(memory, 8))).isEqualTo(2 * PING_PONG_ROUNDS);
        }
    }

    // A second JVM sleeps on a word in a file both map; this one wakes it.
    @Test
    void sharedWord_inMappedFile_wakesAThreadOfAnotherProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("futex-word");
        Files.write(file, new byte[(int) SHARED_FILE_BYTES]);
        Process child = startChild(file);
        try (Arena arena = Arena.ofConfined();
                FileChannel channel = FileChannel.open(file,
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0,
                    SHARED_FILE_BYTES, arena);
            FutexWord word = FutexWord.shared(memory, 0);
            FutexWord ready = FutexWord.shared(memory, Integer.BYTES);
            while (ready.load(Ordering.ACQUIRE) == 0) {
                Thread.sleep(RETRY_MILLIS);
            }
            // The value stays 0 until a wake has reached the other process's sleeper.
            while (word.wakeOne() == 0) {
                assertThat(child.isAlive()).as("the other process is still running").isTrue();
                Thread.sleep(RETRY_MILLIS);
            }
            word.store(1, Ordering.RELEASE);
            word.wakeAll();

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the other process ended").isTrue();
            String output = new String(child.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as("exit status; output: %s", output).isZero();
            assertThat(output).startsWith("woken after ");
        } finally {
            child.destroyForcibly();
        }
    }

    // Misuse: heap memory, a misaligned word, a word that does not fit.
    @Test
    void shared_withUnusableMemory_throwsIllegalArgumentException() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(16, 8);

            assertThatThrownBy(() -> FutexWord.shared(MemorySegment.ofArray(new int[4]), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("native memory");
            assertThatThrownBy(() -> FutexWord.shared(memory, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aligned to 4 bytes");
            assertThatThrownBy(() -> FutexWord.shared(memory, 14))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no room");
            assertThatThrownBy(() -> FutexWord.shared(memory, -4))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // The atomic operations follow AtomicU32's contract, rejected orderings included.
    @Test
    void atomicOperations_behaveAsAtomicU32() {
        try (Arena arena = Arena.ofConfined()) {
            FutexWord word = FutexWord.allocate(arena);

            assertThat(word.swap(5, Ordering.ACQ_REL)).isZero();
            assertThat(word.fetchAdd(2, Ordering.RELAXED)).isEqualTo(5);
            assertThat(word.compareExchange(7, 9, Ordering.ACQUIRE, Ordering.RELAXED)).isEqualTo(7);
            assertThat(word.compareExchange(7, 1, Ordering.SEQ_CST, Ordering.SEQ_CST)).isEqualTo(9);
            word.store(-1, Ordering.RELEASE);
            assertThat(word).hasToString("FutexWord[4294967295, private]");
            assertThatThrownBy(() -> word.load(Ordering.RELEASE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("load cannot use ordering RELEASE");
        }
    }

    /**
     * Wakes {@code word} until a wake reaches a sleeper, which proves that one was asleep in the
     * kernel; returns how many sleepers were woken (1, or more if several sleep there).
     */
    private static int wakeWhenAsleep(FutexWord word) throws InterruptedException {
        int woken = word.wakeOne();
        while (woken == 0) {
            Thread.sleep(RETRY_MILLIS);
            woken = word.wakeOne();
        }
        return woken;
    }

    private static void sleepUntilNonZero(FutexWord word) {
        while (word.load(Ordering.ACQUIRE) == 0) {
            word.futexWait(0);
        }
    }

    private static int pingPong(FutexWord turn) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = threads.submit(() -> play(turn, 0));
            Future<Integer> second = threads.submit(() -> play(turn, 1));
            return first.get() + second.get();
        }
    }

    private static int play(FutexWord turn, int me) {
        int other = 1 - me;
        int taken = 0;
        for (int round = 0; round < PING_PONG_ROUNDS; round++) {
            while (turn.load(Ordering.ACQUIRE) != me) {
                turn.futexWait(other);
            }
            taken++;
            turn.store(other, Ordering.RELEASE);
            turn.wakeOne();
        }
        return taken;
    }

    /** Starts {@link SharedWordChild} in a new JVM, on the class path this test runs with. */
    private static Process startChild(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            if (!value.isEmpty()) {
                classPath.add(value);
            }
        }
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(File.pathSeparator, classPath),
                SharedWordChild.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
    }
}
