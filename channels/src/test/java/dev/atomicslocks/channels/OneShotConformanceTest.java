package dev.atomicslocks.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomicslocks.channels.OneShotUnderTest.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-shot contract, checked against every one-shot step of chapter 5 and the public
 * {@link OneShot}: a message sent on one thread arrives on another with everything the sender
 * wrote, exactly as sent (null included), and each channel carries its own message. Misuse is
 * checked against the implementations that detect it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class OneShotConformanceTest {

    /** How many channels the hand-off test uses, one message each. */
    private static final int CHANNELS = 2_000;

    static Stream<Named<Supplier<OneShotUnderTest>>> channels() {
        return OneShotUnderTest.all();
    }

    static Stream<Named<Supplier<OneShotUnderTest>>> checkingSecondSend() {
        return OneShotUnderTest.checking(Check.SECOND_SEND);
    }

    static Stream<Named<Supplier<OneShotUnderTest>>> checkingReceiveBeforeReady() {
        return OneShotUnderTest.checking(Check.RECEIVE_BEFORE_READY);
    }

    static Stream<Named<Supplier<OneShotUnderTest>>> checkingSecondReceive() {
        return OneShotUnderTest.checking(Check.SECOND_RECEIVE);
    }

    // A message built on the sending thread arrives with every field the sender wrote.
    @ParameterizedTest
    @MethodSource("channels")
    void send_fromAnotherThread_arrivesWithEveryFieldWritten(Supplier<OneShotUnderTest> factory)
            throws Exception {
        OneShotUnderTest channel = factory.get();

        Thread sender = startSending(channel, () -> Payload.filled(7));
        Object received = channel.awaitAndReceive();

        assertThat(received).isInstanceOf(Payload.class);
        Payload payload = (Payload) Objects.requireNonNull(received);
        assertThat(payload.number).as("int field").isEqualTo(7);
        assertThat(payload.big).as("long field").isEqualTo(7L << 40);
        assertThat(payload.text).as("reference field").isEqualTo("payload 7");
        assertThat(payload.items).as("array contents").containsExactly(7, 8, 9);
        sender.join();
    }

    // Before the send the channel is not ready; after it, it is, and the message is there.
    @ParameterizedTest
    @MethodSource("channels")
    void isReady_beforeAndAfterSend_tellsWhetherTheMessageArrived(
            Supplier<OneShotUnderTest> factory) {
        OneShotUnderTest channel = factory.get();
        assertThat(channel.isReady()).as("before the send").isFalse();

        channel.send("x");

        assertThat(channel.isReady()).as("after the send").isTrue();
        assertThat(channel.awaitAndReceive()).isEqualTo("x");
    }

    // A null message is a message: it arrives as null.
    @ParameterizedTest
    @MethodSource("channels")
    void send_null_arrivesAsNull(Supplier<OneShotUnderTest> factory) throws Exception {
        OneShotUnderTest channel = factory.get();

        Thread sender = startSending(channel, () -> null);

        assertThat(channel.awaitAndReceive()).isNull();
        sender.join();
    }

    // Many channels handed over one after another each deliver their own message.
    @ParameterizedTest
    @MethodSource("channels")
    void manyChannels_eachDeliversItsOwnMessage(Supplier<OneShotUnderTest> factory)
            throws Exception {
        List<OneShotUnderTest> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(factory.get());
        }
        Thread receiver = Thread.currentThread();
        Thread sender = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < CHANNELS; i++) {
                channels.get(i).send(i);
                LockSupport.unpark(receiver);
            }
        });

        for (int i = 0; i < CHANNELS; i++) {
            assertThat(channels.get(i).awaitAndReceive()).as("channel %d", i).isEqualTo(i);
        }
        sender.join();
    }

    // A second send throws, and the first message is still the one received.
    @ParameterizedTest
    @MethodSource("checkingSecondSend")
    void send_twice_throwsAndKeepsTheFirstMessage(Supplier<OneShotUnderTest> factory) {
        OneShotUnderTest channel = factory.get();
        channel.send("first");

        assertThatThrownBy(() -> channel.send("second"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("send");

        assertThat(channel.receiveNow()).isEqualTo("first");
    }

    // A receive before the message arrived throws, and the channel still delivers it later.
    @ParameterizedTest
    @MethodSource("checkingReceiveBeforeReady")
    void receive_beforeTheMessage_throwsAndLeavesTheChannelUsable(
            Supplier<OneShotUnderTest> factory) {
        OneShotUnderTest channel = factory.get();

        assertThatThrownBy(channel::receiveNow)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no message available");

        channel.send("late");
        assertThat(channel.receiveNow()).isEqualTo("late");
    }

    // A second receive throws instead of handing the message out twice.
    @ParameterizedTest
    @MethodSource("checkingSecondReceive")
    void receive_twice_throws(Supplier<OneShotUnderTest> factory) {
        OneShotUnderTest channel = factory.get();
        channel.send("once");
        assertThat(channel.receiveNow()).isEqualTo("once");

        assertThatThrownBy(channel::receiveNow).isInstanceOf(IllegalStateException.class);

        assertThat(channel.isReady()).as("ready after the second receive").isFalse();
    }

    /**
     * Starts a thread that builds a message, sends it and, for a polling step, unparks the
     * calling thread, as the book's test does.
     */
    private static Thread startSending(OneShotUnderTest channel,
            Supplier<@Nullable Object> message) {
        Thread receiver = Thread.currentThread();
        return Thread.ofPlatform().start(() -> {
            channel.send(message.get());
            if (channel.unparksReceiver()) {
                LockSupport.unpark(receiver);
            }
        });
    }

    /** A message with plain, non-final fields of several kinds, written after construction. */
    static final class Payload {
        int number;
        long big;
        @Nullable String text;
        int[] items = new int[0];

        static Payload filled(int seed) {
            Payload payload = new Payload();
            payload.number = seed;
            payload.big = (long) seed << 40;
            payload.text = "payload " + seed;
            payload.items = new int[] {seed, seed + 1, seed + 2};
            return payload;
        }
    }
}
