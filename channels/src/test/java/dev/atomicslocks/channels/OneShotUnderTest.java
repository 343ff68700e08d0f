package dev.atomicslocks.channels;

import dev.atomicslocks.channels.steps.BlockingOneShot;
import dev.atomicslocks.channels.steps.BorrowedOneShot;
import dev.atomicslocks.channels.steps.CheckedOneShot;
import dev.atomicslocks.channels.steps.SingleStateOneShot;
import dev.atomicslocks.channels.steps.TypedOneShot;
import dev.atomicslocks.channels.steps.UncheckedOneShot;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;

/**
 * Every one-shot channel of the module behind one interface, so that one suite checks the
 * one-shot contract against each: the steps from 2 on (step 1 is a queue) and
 * {@link OneShot}. Each names the misuse it detects; the suite checks those, and only those.
 */
interface OneShotUnderTest {

    /** A misuse that a channel detects by throwing {@link IllegalStateException}. */
    enum Check {
        /** A second send. */
        SECOND_SEND,
        /** A receive before the message arrived (rather than a wait or an empty result). */
        RECEIVE_BEFORE_READY,
        /** A second receive. */
        SECOND_RECEIVE
    }

    /** Sends the message. */
    void send(@Nullable Object message);

    /**
     * Waits for the message and takes it: blocks, for a channel that can; for a polling step,
     * parks until {@link #isReady()} holds, relying on the sender to unpark the receiving
     * thread (see {@link #unparksReceiver()}).
     */
    @Nullable Object awaitAndReceive();

    /** Takes the message without waiting; for the misuse checks. */
    @Nullable Object receiveNow();

    /** Whether the message has arrived. */
    boolean isReady();

    /** Whether a sending thread must unpark the receiving one for awaitAndReceive to end. */
    boolean unparksReceiver();

    /** The misuse this channel detects. */
    Set<Check> checks();

    /** Every implementation, created on the thread that will receive. */
    static Stream<Named<Supplier<OneShotUnderTest>>> all() {
        return Stream.of(
                Named.of("UncheckedOneShot", Unchecked::new),
                Named.of("CheckedOneShot", Checked::new),
                Named.of("SingleStateOneShot", SingleState::new),
                Named.of("TypedOneShot", Typed::new),
                Named.of("BorrowedOneShot", Borrowed::new),
                Named.of("BlockingOneShot", Blocking::new),
                Named.of("OneShot", Public::new));
    }

    /** The implementations that detect {@code check}. */
    static Stream<Named<Supplier<OneShotUnderTest>>> checking(Check check) {
        return all().filter(named -> named.getPayload().get().checks().contains(check));
    }

    /** Parks until {@code channel} is ready; the sender unparks this thread after sending. */
    private static void parkUntilReady(OneShotUnderTest channel) {
        while (!channel.isReady()) {
            LockSupport.park(channel);
        }
    }

    /** Step 2. */
    final class Unchecked implements OneShotUnderTest {
        private final UncheckedOneShot<@Nullable Object> channel = new UncheckedOneShot<>();

        @Override
        public void send(@Nullable Object message) {
            channel.send(message);
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            parkUntilReady(this);
            return channel.receive();
        }

        @Override
        public @Nullable Object receiveNow() {
            return channel.receive();
        }

        @Override
        public boolean isReady() {
            return channel.isReady();
        }

        @Override
        public boolean unparksReceiver() {
            return true;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.noneOf(Check.class);
        }
    }

    /** Step 3, two flags. */
    final class Checked implements OneShotUnderTest {
        private final CheckedOneShot<@Nullable Object> channel = new CheckedOneShot<>();

        @Override
        public void send(@Nullable Object message) {
            channel.send(message);
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            parkUntilReady(this);
            return channel.receive();
        }

        @Override
        public @Nullable Object receiveNow() {
            return channel.receive();
        }

        @Override
        public boolean isReady() {
            return channel.isReady();
        }

        @Override
        public boolean unparksReceiver() {
            return true;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.allOf(Check.class);
        }
    }

    /** Step 3, one state atomic. */
    final class SingleState implements OneShotUnderTest {
        private final SingleStateOneShot<@Nullable Object> channel = new SingleStateOneShot<>();

        @Override
        public void send(@Nullable Object message) {
            channel.send(message);
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            parkUntilReady(this);
            return channel.receive();
        }

        @Override
        public @Nullable Object receiveNow() {
            return channel.receive();
        }

        @Override
        public boolean isReady() {
            return channel.isReady();
        }

        @Override
        public boolean unparksReceiver() {
            return true;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.allOf(Check.class);
        }
    }

    /** Step 4. */
    final class Typed implements OneShotUnderTest {
        private final TypedOneShot.Ends<@Nullable Object> ends = TypedOneShot.channel();

        @Override
        public void send(@Nullable Object message) {
            ends.sender().send(message);
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            parkUntilReady(this);
            return ends.receiver().receive();
        }

        @Override
        public @Nullable Object receiveNow() {
            return ends.receiver().receive();
        }

        @Override
        public boolean isReady() {
            return ends.receiver().isReady();
        }

        @Override
        public boolean unparksReceiver() {
            return true;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.of(Check.RECEIVE_BEFORE_READY, Check.SECOND_RECEIVE);
        }
    }

    /** Step 5. */
    final class Borrowed implements OneShotUnderTest {
        private final BorrowedOneShot.Ends<@Nullable Object> ends =
                new BorrowedOneShot<@Nullable Object>().split();

        @Override
        public void send(@Nullable Object message) {
            ends.sender().send(message);
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            parkUntilReady(this);
            return ends.receiver().receive();
        }

        @Override
        public @Nullable Object receiveNow() {
            return ends.receiver().receive();
        }

        @Override
        public boolean isReady() {
            return ends.receiver().isReady();
        }

        @Override
        public boolean unparksReceiver() {
            return true;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.of(Check.RECEIVE_BEFORE_READY, Check.SECOND_RECEIVE);
        }
    }

    /** Step 6: split on the receiving thread, which is the one that creates the adapter. */
    final class Blocking implements OneShotUnderTest {
        private final BlockingOneShot.Ends<@Nullable Object> ends =
                new BlockingOneShot<@Nullable Object>().split();
        /** Set once the message is sent; step 6 has no isReady of its own. */
        private volatile boolean sent;

        @Override
        public void send(@Nullable Object message) {
            ends.sender().send(message);
            sent = true;
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            return ends.receiver().receive();
        }

        @Override
        public @Nullable Object receiveNow() {
            return ends.receiver().receive();
        }

        @Override
        public boolean isReady() {
            return sent;
        }

        @Override
        public boolean unparksReceiver() {
            return false;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.noneOf(Check.class);
        }
    }

    /** The public OneShot. */
    final class Public implements OneShotUnderTest {
        private final OneShot<@Nullable Object> channel = OneShot.create();

        @Override
        public void send(@Nullable Object message) {
            channel.sender().send(message);
        }

        @Override
        public @Nullable Object awaitAndReceive() {
            return channel.receiver().receive().orElseThrow();
        }

        @Override
        public @Nullable Object receiveNow() {
            return channel.receiver().tryReceive().orElseThrow();
        }

        @Override
        public boolean isReady() {
            return channel.receiver().isReady();
        }

        @Override
        public boolean unparksReceiver() {
            return false;
        }

        @Override
        public Set<Check> checks() {
            return EnumSet.of(Check.SECOND_SEND, Check.SECOND_RECEIVE);
        }
    }
}
