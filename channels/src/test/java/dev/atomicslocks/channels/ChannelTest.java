package dev.atomicslocks.channels;

import static dev.atomicslocks.channels.ChannelConformanceTest.assertStaysAsleep;
import static dev.atomicslocks.channels.ChannelConformanceTest.complete;
import static dev.atomicslocks.channels.OneShotTest.awaitWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What only the channels do, beyond the contract they share with the queues: closing, the
 * iterator, misuse, the rendezvous hand-over and the unbounded channel's segments.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class ChannelTest {

    /** Messages sent ahead of any receive in the segment test: many segments' worth. */
    private static final int BACKLOG = 10 * LinkedChannel.SEGMENT_SIZE + 7;
    private static final int ITERATED_MESSAGES = 5_000;
    private static final int ITERATING_CONSUMERS = 3;
    private static final int WAITING_THREADS = 3;
    private static final int LAPS = 5;

    static Stream<Named<Supplier<Channel<Integer>>>> channels() {
        return Stream.of(
                Named.of("bounded(1)", () -> Channel.bounded(1)),
                Named.of("bounded(4)", () -> Channel.bounded(4)),
                Named.of("bounded(0)", () -> Channel.bounded(0)),
                Named.of("unbounded()", Channel::unbounded));
    }

    static Stream<Named<Supplier<Channel<Integer>>>> buffered() {
        return channels().filter(named -> !named.getName().equals("bounded(0)"));
    }

    static Stream<Named<Supplier<Channel<Integer>>>> canBeFull() {
        return channels().filter(named -> !named.getName().equals("unbounded()"));
    }

    // After close, every send throws and sends nothing; the messages sent before are still
    // received, and then every receive throws.
    @ParameterizedTest
    @MethodSource("buffered")
    void close_refusesSendsAndDrainsWhatWasSent(Supplier<Channel<Integer>> factory)
            throws Exception {
        Channel<Integer> channel = factory.get();
        channel.send(1);

        assertThat(channel.close()).isTrue();

        assertThat(channel.isClosed()).isTrue();
        assertThatThrownBy(() -> channel.send(2)).isInstanceOf(ChannelClosedException.class)
                .hasMessage("cannot send on a closed channel: the message was not sent")
                .extracting(e -> ((ChannelClosedException) e).unsentMessage())
                .as("the message handed back").isEqualTo(2);
        assertThat(unsentBy(() -> channel.sendInterruptibly(3))).as("sendInterruptibly's")
                .isEqualTo(3);
        assertThat(unsentBy(() -> channel.trySend(4))).as("trySend's").isEqualTo(4);
        assertThat(unsentBy(() -> channel.trySend(5, Duration.ofSeconds(1))))
                .as("the timed trySend's").isEqualTo(5);
        assertThat(channel.receive()).as("sent before the close").isEqualTo(1);
        assertClosedAndDrained(channel);
    }

    // Closing a rendezvous channel with nobody waiting refuses later sends and receives.
    @Test
    void close_onRendezvous_refusesSendsAndReceives() throws Exception {
        Channel<Integer> channel = Channel.bounded(0);

        assertThat(channel.close()).isTrue();

        assertThat(unsentBy(() -> channel.send(1))).as("send's message handed back")
                .isEqualTo(1);
        assertThat(unsentBy(() -> channel.trySend(2))).as("trySend's").isEqualTo(2);
        assertClosedAndDrained(channel);
    }

    // Closing twice is harmless: the second close says it did nothing.
    @ParameterizedTest
    @MethodSource("channels")
    void close_twice_returnsFalseTheSecondTime(Supplier<Channel<Integer>> factory) {
        Channel<Integer> channel = factory.get();
        assertThat(channel.isClosed()).isFalse();

        assertThat(channel.close()).as("first close").isTrue();
        assertThat(channel.close()).as("second close").isFalse();

        assertThat(channel.isClosed()).isTrue();
    }

    // Receivers waiting on an empty channel wake when it closes, and each sees it closed.
    @ParameterizedTest
    @MethodSource("channels")
    void close_wakesWaitingReceivers(Supplier<Channel<Integer>> factory) throws Exception {
        Channel<Integer> channel = factory.get();
        List<CompletableFuture<Integer>> receipts = new ArrayList<>();
        List<Thread> receivers = new ArrayList<>();
        for (int i = 0; i < WAITING_THREADS; i++) {
            CompletableFuture<Integer> receipt = new CompletableFuture<>();
            receipts.add(receipt);
            receivers.add(Thread.ofPlatform().start(() -> complete(receipt, channel::receive)));
        }
        for (Thread receiver : receivers) {
            awaitWaiting(receiver);
        }

        channel.close();

        for (CompletableFuture<Integer> receipt : receipts) {
            assertThatThrownBy(receipt::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ChannelClosedException.class);
        }
        for (Thread receiver : receivers) {
            receiver.join();
        }
    }

    // Senders waiting for room wake when the channel closes, fail, and keep their messages:
    // only what was sent before is received.
    @ParameterizedTest
    @MethodSource("canBeFull")
    void close_wakesWaitingSendersWhoKeepTheirMessages(Supplier<Channel<Integer>> factory)
            throws Exception {
        Channel<Integer> channel = factory.get();
        int queued = 0;
        while (channel.trySend(queued)) {
            queued++;
        }
        List<CompletableFuture<Boolean>> sends = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < WAITING_THREADS; i++) {
            CompletableFuture<Boolean> sent = new CompletableFuture<>();
            sends.add(sent);
            senders.add(Thread.ofPlatform().start(() -> complete(sent, () -> {
                channel.send(-1);
                return true;
            })));
        }
        for (Thread sender : senders) {
            awaitWaiting(sender);
        }

        channel.close();

        for (CompletableFuture<Boolean> sent : sends) {
            assertThatThrownBy(sent::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ChannelClosedException.class);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        for (int i = 0; i < queued; i++) {
            assertThat(channel.receive()).as("queued message %d", i).isEqualTo(i);
        }
        assertClosedAndDrained(channel);
    }

    // A timed receive that waits when the channel closes throws rather than returning null.
    @ParameterizedTest
    @MethodSource("channels")
    void close_endsATimedReceiveWithTheException(Supplier<Channel<Integer>> factory)
            throws Exception {
        Channel<Integer> channel = factory.get();
        CompletableFuture<@Nullable Integer> receipt = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(
                () -> complete(receipt, () -> channel.tryReceive(Duration.ofMinutes(1))));
        awaitWaiting(receiver);

        channel.close();

        assertThatThrownBy(receipt::get).hasCauseInstanceOf(ChannelClosedException.class);
        receiver.join();
    }

    // The iterator returns every message in order and ends once the channel is closed and
    // drained.
    @ParameterizedTest
    @MethodSource("channels")
    void iterator_returnsEveryMessageAndEndsOnClose(Supplier<Channel<Integer>> factory)
            throws Exception {
        Channel<Integer> channel = factory.get();
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < ITERATED_MESSAGES; i++) {
                channel.send(i);
            }
            channel.close();
        });

        List<Integer> received = new ArrayList<>();
        for (Integer message : channel) {
            received.add(message);
        }

        assertThat(received).hasSize(ITERATED_MESSAGES);
        for (int i = 0; i < ITERATED_MESSAGES; i++) {
            assertThat(received.get(i)).as("message %d", i).isEqualTo(i);
        }
        producer.join();
    }

    // Several consumers, each with its own iterator, share the messages: each goes to one.
    @ParameterizedTest
    @MethodSource("channels")
    void iterators_ofSeveralConsumers_shareTheMessagesExactlyOnce(
            Supplier<Channel<Integer>> factory) throws Exception {
        Channel<Integer> channel = factory.get();
        List<Future<BitSet>> receipts = new ArrayList<>();
        try (ExecutorService consumers = Executors.newFixedThreadPool(ITERATING_CONSUMERS)) {
            for (int c = 0; c < ITERATING_CONSUMERS; c++) {
                receipts.add(consumers.submit(() -> {
                    BitSet seen = new BitSet();
                    for (int message : channel) {
                        seen.set(message);
                    }
                    return seen;
                }));
            }
            for (int i = 0; i < ITERATED_MESSAGES; i++) {
                channel.send(i);
            }
            channel.close();
        }

        BitSet all = new BitSet();
        int total = 0;
        for (Future<BitSet> receipt : receipts) {
            total += receipt.get().cardinality();
            all.or(receipt.get());
        }
        assertThat(total).as("messages received, repeats counted").isEqualTo(ITERATED_MESSAGES);
        assertThat(all.cardinality()).as("distinct messages").isEqualTo(ITERATED_MESSAGES);
    }

    // Past its end, the iterator's next throws NoSuchElementException.
    @Test
    void iterator_next_afterTheEnd_throws() {
        Channel<Integer> channel = Channel.bounded(2);
        channel.send(1);
        channel.close();
        Iterator<Integer> iterator = channel.iterator();
        assertThat(iterator.next()).isEqualTo(1);

        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    // A null message is refused before anything changes.
    @ParameterizedTest
    @MethodSource("channels")
    @SuppressWarnings("NullAway") // passing null on purpose
    void send_null_throwsAndSendsNothing(Supplier<Channel<Integer>> factory) {
        Channel<Integer> channel = factory.get();
        Integer nothing = null;

        assertThatThrownBy(() -> channel.send(nothing)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> channel.trySend(nothing))
                .isInstanceOf(NullPointerException.class);

        assertThat(channel.tryReceive()).isNull();
        assertThat(channel.isClosed()).isFalse();
    }

    // A negative or too large capacity is refused.
    @Test
    void bounded_withABadCapacity_throws() {
        for (int capacity : List.of(-1, Integer.MIN_VALUE, (1 << 30) + 1)) {
            assertThatThrownBy(() -> Channel.bounded(capacity)).as("capacity %d", capacity)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(capacity));
        }
    }

    // An interruptible receive on an interrupted thread throws even with a message queued,
    // as lockInterruptibly does, and the message stays.
    @ParameterizedTest
    @MethodSource("buffered")
    void receiveInterruptibly_whenAlreadyInterrupted_throwsAndLeavesTheMessage(
            Supplier<Channel<Integer>> factory) {
        Channel<Integer> channel = factory.get();
        channel.send(3);

        Thread.currentThread().interrupt();
        assertThatThrownBy(channel::receiveInterruptibly)
                .isInstanceOf(InterruptedException.class);

        assertThat(channel.tryReceive()).isEqualTo(3);
    }

    // An interrupt neither ends an uninterruptible send waiting for room nor makes it spin;
    // it sends once there is room, with its status still set.
    @ParameterizedTest
    @MethodSource("canBeFull")
    void send_whenInterruptedWhileWaiting_keepsWaitingAndKeepsTheStatus(
            Supplier<Channel<Integer>> factory) throws Exception {
        Channel<Integer> channel = factory.get();
        int queued = 0;
        while (channel.trySend(queued)) {
            queued++;
        }
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        int last = queued;
        Thread sender = Thread.ofPlatform().start(() -> {
            channel.send(last);
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitWaiting(sender);

        sender.interrupt();
        assertStaysAsleep(sender);

        for (int i = 0; i <= last; i++) {
            assertThat(channel.receive()).as("message %d", i).isEqualTo(i);
        }
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        sender.join();
    }

    // A rendezvous hands a message over only to a receiver that is there: the try forms
    // succeed exactly when the other side waits.
    @Test
    void rendezvous_tryForms_succeedOnlyWithAPartnerWaiting() throws Exception {
        Channel<Integer> channel = Channel.bounded(0);
        assertThat(channel.trySend(1)).as("nobody receiving").isFalse();

        CompletableFuture<Integer> receipt = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(() -> complete(receipt, channel::receive));
        awaitWaiting(receiver);
        assertThat(channel.trySend(2)).as("a receiver waiting").isTrue();
        assertThat(receipt.get()).isEqualTo(2);
        receiver.join();

        assertThat(channel.tryReceive()).as("nobody sending").isNull();
        Thread sender = Thread.ofPlatform().start(() -> channel.send(3));
        awaitWaiting(sender);
        assertThat(channel.toString()).contains("1 senders waiting");
        assertThat(channel.tryReceive()).as("a sender waiting").isEqualTo(3);
        sender.join();
    }

    // A rendezvous send that times out leaves nothing behind for a later receiver.
    @Test
    void rendezvous_timedSendThatRunsOut_leavesNothingBehind() throws Exception {
        Channel<Integer> channel = Channel.bounded(0);

        assertThat(channel.trySend(1, Duration.ofMillis(20))).isFalse();

        assertThat(channel.tryReceive()).isNull();
        assertThat(channel).hasToString("Channel[rendezvous, 0 receivers waiting, open]");
    }

    // The unbounded channel keeps order across many segments sent before any receive.
    @Test
    void unbounded_backlogAcrossSegments_isReceivedInOrder() {
        Channel<Integer> channel = Channel.unbounded();
        for (int i = 0; i < BACKLOG; i++) {
            assertThat(channel.trySend(i)).isTrue();
        }
        assertThat(channel).hasToString("Channel[unbounded, " + BACKLOG + " queued, open]");

        for (int i = 0; i < BACKLOG; i++) {
            assertThat(channel.tryReceive()).as("message %d", i).isEqualTo(i);
        }
        assertThat(channel.tryReceive()).isNull();
    }

    // A bounded channel wraps around its ring correctly, lap after lap, whether its capacity
    // is a power of two or not, small or large enough to spread its slots.
    @ParameterizedTest
    @ValueSource(ints = {3, 100, 1024})
    void bounded_lapAfterLap_keepsOrderAndCapacity(int capacity) {
        Channel<Integer> channel = Channel.bounded(capacity);
        for (int lap = 0; lap < LAPS; lap++) {
            for (int i = 0; i < capacity; i++) {
                assertThat(channel.trySend(lap * capacity + i)).as("lap %d, send %d", lap, i)
                        .isTrue();
            }
            assertThat(channel.trySend(-1)).as("lap %d, full", lap).isFalse();
            assertThat(channel).hasToString("Channel[bounded " + capacity + ", " + capacity
                    + " queued, open]");
            for (int i = 0; i < capacity; i++) {
                assertThat(channel.tryReceive()).as("lap %d, receive %d", lap, i)
                        .isEqualTo(lap * capacity + i);
            }
        }
        assertThat(channel).hasToString("Channel[bounded " + capacity + ", 0 queued, open]");
    }

    /** The message that {@code send} handed back in the ChannelClosedException it threw. */
    private static @Nullable Object unsentBy(ThrowingCallable send) {
        ChannelClosedException refused = catchThrowableOfType(ChannelClosedException.class, send);
        assertThat(refused).as("the exception of a send on a closed channel").isNotNull();
        return refused.unsentMessage();
    }

    /** Checks that every receive form reports the channel closed and drained. */
    private static void assertClosedAndDrained(Channel<Integer> channel) {
        assertThatThrownBy(channel::receive).isInstanceOf(ChannelClosedException.class)
                .hasMessage("cannot receive: the channel is closed and every message was"
                        + " received");
        assertThatThrownBy(channel::receiveInterruptibly)
                .isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(channel::tryReceive).isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> channel.tryReceive(Duration.ofSeconds(1)))
                .isInstanceOf(ChannelClosedException.class);
        assertThat(channel.iterator().hasNext()).as("iterator").isFalse();
    }
}
