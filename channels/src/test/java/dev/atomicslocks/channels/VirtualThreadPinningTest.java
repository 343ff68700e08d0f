package dev.atomicslocks.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 10,000 virtual producers and 10,000 virtual consumers through one channel complete, and
 * none of them pins its carrier while it waits: the JDK's flight recorder reports no
 * {@code jdk.VirtualThreadPinned} event, at any duration, while they run. The consumers start
 * first and wait, so with a virtual thread that pinned its carrier the few carriers would all
 * be held by waiting consumers, and the producers could never run. A control case shows that
 * the recorder does report a virtual thread that pins.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class VirtualThreadPinningTest {

    private static final int PRODUCERS = 10_000;
    private static final int CONSUMERS = 10_000;
    /** How long the pinning initializer blocks; any wait at all is reported. */
    private static final long INITIALIZER_PARK_NANOS = 20_000_000;

    static Stream<Named<Supplier<Channel<Integer>>>> channels() {
        return Stream.of(
                Named.of("bounded(16)", () -> Channel.bounded(16)),
                Named.of("bounded(0)", () -> Channel.bounded(0)),
                Named.of("unbounded()", Channel::unbounded));
    }

    // Every producer's message is received, and no virtual thread pinned its carrier.
    @ParameterizedTest
    @MethodSource("channels")
    void tenThousandVirtualProducersAndConsumers_completeWithoutPinning(
            Supplier<Channel<Integer>> factory) throws Exception {
        Channel<Integer> channel = factory.get();
        AtomicInteger pinned = new AtomicInteger();
        List<Future<Integer>> receipts = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO)
                    .withStackTrace();
            recording.onEvent("jdk.VirtualThreadPinned", event -> pinned.incrementAndGet());
            recording.startAsync();

            try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < CONSUMERS; c++) {
                    receipts.add(virtual.submit(() -> channel.receive()));
                }
                for (int p = 0; p < PRODUCERS; p++) {
                    int message = p;
                    sends.add(virtual.submit(() -> channel.send(message)));
                }
            }
            // Let the recorder deliver what it has recorded so far.
            recording.stop();
        }

        for (Future<?> send : sends) {
            send.get();
        }
        long sum = 0;
        for (Future<Integer> receipt : receipts) {
            sum += receipt.get();
        }
        assertThat(sum).as("sum of the messages received")
                .isEqualTo((long) PRODUCERS * (PRODUCERS - 1) / 2);
        assertThat(pinned.get()).as("jdk.VirtualThreadPinned events").isZero();
    }

    // The same for 10,000 virtual receivers, each waiting on its own OneShot.
    @Test
    void tenThousandOneShotReceivers_completeWithoutPinning() throws Exception {
        List<OneShot<Integer>> channels = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            channels.add(OneShot.create());
        }
        AtomicInteger pinned = new AtomicInteger();
        List<Future<Received<Integer>>> receipts = new ArrayList<>();
        List<Future<Boolean>> sends = new ArrayList<>();
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO);
            recording.onEvent("jdk.VirtualThreadPinned", event -> pinned.incrementAndGet());
            recording.startAsync();

            try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                for (OneShot<Integer> channel : channels) {
                    receipts.add(virtual.submit(() -> channel.receiver().receive()));
                }
                for (int i = 0; i < CONSUMERS; i++) {
                    OneShot<Integer> channel = channels.get(i);
                    int message = i;
                    sends.add(virtual.submit(() -> channel.sender().send(message)));
                }
            }
            recording.stop();
        }

        for (int i = 0; i < CONSUMERS; i++) {
            assertThat(sends.get(i).get()).as("send %d taken", i).isTrue();
            assertThat(receipts.get(i).get()).as("receiver %d", i)
                    .isEqualTo(new Received.Message<>(i));
        }
        assertThat(pinned.get()).as("jdk.VirtualThreadPinned events").isZero();
    }

    // The check can fail: a virtual thread that blocks inside a class initializer pins its
    // carrier, and the recorder reports it.
    @Test
    void pinnedVirtualThread_isReported() throws Exception {
        AtomicInteger pinned = new AtomicInteger();
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO);
            recording.onEvent("jdk.VirtualThreadPinned", event -> pinned.incrementAndGet());
            recording.startAsync();

            Thread.ofVirtual().start(SlowToInitialize::touch).join();
            recording.stop();
        }

        assertThat(pinned.get()).as("jdk.VirtualThreadPinned events").isPositive();
    }

    /** A class whose initializer blocks, which pins a virtual thread that runs it. */
    private static final class SlowToInitialize {
        static {
            LockSupport.parkNanos(INITIALIZER_PARK_NANOS);
        }

        static void touch() {
        }
    }
}
