package dev.atomicslocks.channels;

import static dev.atomicslocks.channels.OneShotTest.awaitWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multi-producer multi-consumer contract, checked against every kind of {@link Channel}
 * and, as the reference that shows the suite expects nothing unusual, against
 * {@code ArrayBlockingQueue}, {@code SynchronousQueue} and {@code LinkedBlockingQueue}: order,
 * exactly-once delivery, capacity, the try and timed forms, waking, interrupts, and 10,000
 * virtual threads.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class ChannelConformanceTest {

    private static final int ORDERED_MESSAGES = 20_000;
    private static final int PRODUCERS = 4;
    private static final int CONSUMERS = 4;
    private static final int MESSAGES_PER_PRODUCER = 10_000;
    private static final int VIRTUAL_PRODUCERS = 10_000;
    private static final int VIRTUAL_CONSUMERS = 10_000;
    /** A short timeout for waits that are meant to run out. */
    private static final Duration SHORT = Duration.ofMillis(20);

    static Stream<Named<Supplier<ChannelUnderTest>>> all() {
        return ChannelUnderTest.all();
    }

    static Stream<Named<Supplier<ChannelUnderTest>>> bounded() {
        return ChannelUnderTest.bounded();
    }

    static Stream<Named<Supplier<ChannelUnderTest>>> uninterruptibles() {
        return ChannelUnderTest.uninterruptibles();
    }

    // One producer, one consumer: messages arrive in the order they were sent.
    @ParameterizedTest
    @MethodSource("all")
    void sendAndReceive_oneProducerOneConsumer_keepOrder(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        try (ExecutorService producer = Executors.newSingleThreadExecutor()) {
            Future<?> sending = producer.submit(() -> {
                for (int i = 0; i < ORDERED_MESSAGES; i++) {
                    channel.send(i);
                }
                return null;
            });
            for (int i = 0; i < ORDERED_MESSAGES; i++) {
                assertThat(channel.receive()).as("message %d", i).isEqualTo(i);
            }
            sending.get();
        }
        assertThat(channel.tryReceive()).as("left over").isNull();
    }

    // Producers and consumers on platform threads: every message is received exactly once.
    @ParameterizedTest
    @MethodSource("all")
    void manyProducersAndConsumers_deliverEachMessageExactlyOnce(
            Supplier<ChannelUnderTest> factory) throws Exception {
        ChannelUnderTest channel = factory.get();
        int total = PRODUCERS * MESSAGES_PER_PRODUCER;
        assertExactlyOnce(channel, Executors.newFixedThreadPool(PRODUCERS + CONSUMERS),
                PRODUCERS, MESSAGES_PER_PRODUCER, CONSUMERS, total / CONSUMERS);
    }

    // 10,000 virtual consumers wait first, then 10,000 virtual producers send one message
    // each: all complete, since a waiting virtual thread unmounts and does not pin its
    // carrier, and every message is received exactly once.
    @ParameterizedTest
    @MethodSource("all")
    void tenThousandVirtualProducersAndConsumers_complete(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        assertExactlyOnce(channel, Executors.newVirtualThreadPerTaskExecutor(),
                VIRTUAL_PRODUCERS, 1, VIRTUAL_CONSUMERS, 1);
    }

    // A try-receive on an empty channel returns null at once.
    @ParameterizedTest
    @MethodSource("all")
    void tryReceive_whenEmpty_returnsNull(Supplier<ChannelUnderTest> factory) {
        ChannelUnderTest channel = factory.get();

        assertThat(channel.tryReceive()).isNull();
    }

    // A bounded channel takes exactly its capacity, refuses the next try, and keeps what it
    // holds in order.
    @ParameterizedTest
    @MethodSource("bounded")
    void trySend_whenFull_returnsFalseAndKeepsWhatIsQueued(Supplier<ChannelUnderTest> factory) {
        ChannelUnderTest channel = factory.get();
        for (int i = 0; i < channel.capacity(); i++) {
            assertThat(channel.trySend(i)).as("send %d of %d", i, channel.capacity()).isTrue();
        }

        assertThat(channel.trySend(-1)).as("send beyond the capacity").isFalse();

        for (int i = 0; i < channel.capacity(); i++) {
            assertThat(channel.tryReceive()).as("message %d", i).isEqualTo(i);
        }
        assertThat(channel.tryReceive()).as("the refused message").isNull();
    }

    // Timed forms that cannot succeed return null or false once the timeout ran out, and
    // change nothing.
    @ParameterizedTest
    @MethodSource("bounded")
    void timedForms_whenTheyRunOut_failAndChangeNothing(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        assertThat(channel.tryReceive(SHORT)).as("receive from empty").isNull();
        fill(channel);

        assertThat(channel.trySend(-1, SHORT)).as("send to full").isFalse();

        drainInOrder(channel);
    }

    // Zero and negative timeouts try once: they fail on an empty or full channel and succeed
    // on one that is not.
    @ParameterizedTest
    @MethodSource("all")
    void timedForms_zeroOrNegative_tryOnce(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(-1),
                Duration.ofSeconds(Long.MIN_VALUE))) {
            assertThat(channel.tryReceive(timeout)).as("empty, timeout %s", timeout).isNull();
            if (channel.capacity() > 0) {
                assertThat(channel.trySend(1, timeout)).as("room, %s", timeout).isTrue();
                assertThat(channel.tryReceive(timeout)).as("message, %s", timeout).isEqualTo(1);
            } else {
                assertThat(channel.trySend(1, timeout)).as("no receiver, %s", timeout).isFalse();
            }
        }
    }

    // The longest timeouts neither overflow nor fail: a timed receive waits for the message.
    @ParameterizedTest
    @MethodSource("all")
    void tryReceiveWithTimeout_huge_waitsForTheMessage(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            CompletableFuture<Integer> received = new CompletableFuture<>();
            Thread receiver = Thread.ofPlatform().start(
                    () -> complete(received, () -> channel.tryReceive(timeout)));
            awaitWaiting(receiver);

            channel.send(5);

            assertThat(received.get()).as("timeout %s", timeout).isEqualTo(5);
            receiver.join();
        }
    }

    // A receiver waiting on an empty channel gets the next message sent.
    @ParameterizedTest
    @MethodSource("all")
    void receive_whenEmpty_waitsForTheNextSend(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        CompletableFuture<Integer> received = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(
                () -> complete(received, channel::receive));
        awaitWaiting(receiver);

        channel.send(42);

        assertThat(received.get()).isEqualTo(42);
        receiver.join();
    }

    // A sender waiting on a full channel (or for a rendezvous) sends once a receiver takes a
    // message, and its message comes after the ones before it.
    @ParameterizedTest
    @MethodSource("bounded")
    void send_whenFull_waitsForAReceive(Supplier<ChannelUnderTest> factory) throws Exception {
        ChannelUnderTest channel = factory.get();
        fill(channel);
        CompletableFuture<Boolean> sent = new CompletableFuture<>();
        Thread sender = Thread.ofPlatform().start(() -> complete(sent, () -> {
            channel.send(channel.capacity());
            return true;
        }));
        awaitWaiting(sender);

        for (int i = 0; i <= channel.capacity(); i++) {
            assertThat(channel.receive()).as("message %d", i).isEqualTo(i);
        }

        assertThat(sent.get()).isTrue();
        sender.join();
        assertThat(channel.tryReceive()).isNull();
    }

    // An interrupt while a receive waits throws, clears the status and loses nothing: the
    // next message goes to the next receive.
    @ParameterizedTest
    @MethodSource("all")
    void receiveInterruptibly_whenInterruptedWhileWaiting_throwsAndLosesNothing(
            Supplier<ChannelUnderTest> factory) throws Exception {
        ChannelUnderTest channel = factory.get();
        CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                Integer message = channel.receiveInterruptibly();
                statusAfterThrow.completeExceptionally(new AssertionError("got " + message));
            } catch (InterruptedException e) {
                statusAfterThrow.complete(Thread.currentThread().isInterrupted());
            }
        });
        awaitWaiting(receiver);

        receiver.interrupt();

        assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
        receiver.join();
        CompletableFuture<Integer> next = new CompletableFuture<>();
        Thread nextReceiver = Thread.ofPlatform().start(() -> complete(next, channel::receive));
        channel.send(7);
        assertThat(next.get()).isEqualTo(7);
        nextReceiver.join();
    }

    // An interrupt while a send waits for room throws, clears the status and sends nothing.
    @ParameterizedTest
    @MethodSource("bounded")
    void sendInterruptibly_whenInterruptedWhileWaiting_throwsAndSendsNothing(
            Supplier<ChannelUnderTest> factory) throws Exception {
        ChannelUnderTest channel = factory.get();
        fill(channel);
        CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                channel.sendInterruptibly(-1);
                statusAfterThrow.completeExceptionally(new AssertionError("sent"));
            } catch (InterruptedException e) {
                statusAfterThrow.complete(Thread.currentThread().isInterrupted());
            }
        });
        awaitWaiting(sender);

        sender.interrupt();

        assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
        sender.join();
        drainInOrder(channel);
    }

    // An interrupt before an interruptible form throws at once and clears the status.
    @ParameterizedTest
    @MethodSource("bounded")
    void interruptibleForms_whenAlreadyInterrupted_throw(Supplier<ChannelUnderTest> factory)
            throws Exception {
        ChannelUnderTest channel = factory.get();
        List<Callable<?>> forms = List.of(channel::receiveInterruptibly,
                () -> channel.tryReceive(Duration.ofSeconds(1)));
        for (Callable<?> form : forms) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(form::call).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
        fill(channel);
        List<Callable<?>> sends = List.of(() -> {
            channel.sendInterruptibly(-1);
            return null;
        }, () -> channel.trySend(-1, Duration.ofSeconds(1)));
        for (Callable<?> form : sends) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(form::call).isInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
        drainInOrder(channel);
    }

    // An interrupt neither ends an uninterruptible receive nor makes it spin; it gets the
    // message with its status still set.
    @ParameterizedTest
    @MethodSource("uninterruptibles")
    void receive_whenInterruptedWhileWaiting_keepsWaitingAndKeepsTheStatus(
            Supplier<ChannelUnderTest> factory) throws Exception {
        ChannelUnderTest channel = factory.get();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        CompletableFuture<Integer> received = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            complete(received, channel::receive);
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitWaiting(receiver);

        receiver.interrupt();
        assertStaysAsleep(receiver);

        channel.send(9);
        assertThat(received.get()).isEqualTo(9);
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        receiver.join();
    }

    /** Fills a bounded channel with 0, 1, ... up to its capacity. */
    private static void fill(ChannelUnderTest channel) {
        for (int i = 0; i < channel.capacity(); i++) {
            assertThat(channel.trySend(i)).as("fill %d", i).isTrue();
        }
    }

    /** Receives 0, 1, ... up to the capacity, and then finds the channel empty. */
    private static void drainInOrder(ChannelUnderTest channel) {
        for (int i = 0; i < channel.capacity(); i++) {
            assertThat(channel.tryReceive()).as("message %d", i).isEqualTo(i);
        }
        assertThat(channel.tryReceive()).as("after the queued messages").isNull();
    }

    /** Checks that an interrupted thread goes back to sleep and stays asleep. */
    static void assertStaysAsleep(Thread thread) throws InterruptedException {
        // It wakes once, clears its status to sleep again, and must then stay asleep.
        while (thread.isInterrupted()) {
            Thread.sleep(1);
        }
        awaitWaiting(thread);
        for (int i = 0; i < 20; i++) {
            assertThat(thread.getState()).as("sample %d after the interrupt", i)
                    .isEqualTo(Thread.State.WAITING);
            Thread.sleep(1);
        }
    }

    /** Runs {@code body} and completes {@code future} with its result or its exception. */
    static <V extends @Nullable Object> void complete(CompletableFuture<V> future,
            Callable<V> body) {
        try {
            future.complete(body.call());
        } catch (Exception | AssertionError e) {
            future.completeExceptionally(e);
        }
    }

    /**
     * Starts the consumers, then the producers, on {@code executor}; waits for all; and checks
     * that every message was received exactly once.
     */
    private static void assertExactlyOnce(ChannelUnderTest channel, ExecutorService executor,
            int producers, int perProducer, int consumers, int perConsumer) throws Exception {
        List<Future<BitSet>> receipts = new ArrayList<>();
        List<Future<?>> sends = new ArrayList<>();
        try (executor) {
            for (int c = 0; c < consumers; c++) {
                receipts.add(executor.submit(() -> {
                    BitSet seen = new BitSet();
                    for (int i = 0; i < perConsumer; i++) {
                        int message = channel.receive();
                        if (seen.get(message)) {
                            throw new AssertionError("received twice: " + message);
                        }
                        seen.set(message);
                    }
                    return seen;
                }));
            }
            for (int p = 0; p < producers; p++) {
                int first = p * perProducer;
                sends.add(executor.submit(() -> {
                    for (int i = first; i < first + perProducer; i++) {
                        channel.send(i);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> send : sends) {
            send.get();
        }
        BitSet all = new BitSet();
        int total = 0;
        for (Future<BitSet> receipt : receipts) {
            BitSet seen = receipt.get();
            total += seen.cardinality();
            all.or(seen);
        }
        int expected = producers * perProducer;
        assertThat(total).as("messages received, repeats counted").isEqualTo(expected);
        assertThat(all.cardinality()).as("distinct messages received").isEqualTo(expected);
        assertThat(all.nextClearBit(0)).as("first message never received").isEqualTo(expected);
        assertThat(channel.tryReceive()).as("left over").isNull();
    }
}
