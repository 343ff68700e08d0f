package dev.atomicslocks.channels;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;

/**
 * Every kind of {@link Channel}, and the {@code java.util.concurrent} queues that are their
 * reference ({@link ArrayBlockingQueue}, {@link SynchronousQueue},
 * {@link LinkedBlockingQueue}), behind one interface: the multi-producer multi-consumer
 * contract that both share, so that one suite checks it against all. Closing has no
 * counterpart in the queues and is tested on the channels alone.
 */
interface ChannelUnderTest {

    /** The capacity of an unbounded implementation. */
    int UNBOUNDED = Integer.MAX_VALUE;

    void send(Integer message) throws InterruptedException;

    void sendInterruptibly(Integer message) throws InterruptedException;

    boolean trySend(Integer message);

    boolean trySend(Integer message, Duration timeout) throws InterruptedException;

    Integer receive() throws InterruptedException;

    Integer receiveInterruptibly() throws InterruptedException;

    @Nullable Integer tryReceive();

    @Nullable Integer tryReceive(Duration timeout) throws InterruptedException;

    /** How many messages it holds at most: 0 for a rendezvous, {@link #UNBOUNDED}. */
    int capacity();

    /**
     * Whether {@code send} and {@code receive} are uninterruptible, as the channel's are; the
     * queues' {@code put} and {@code take} throw {@code InterruptedException} instead.
     */
    boolean uninterruptible();

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<ChannelUnderTest>>> all() {
        return Stream.of(
                Named.of("Channel.bounded(1)", () -> new OfChannel(Channel.bounded(1), 1)),
                Named.of("Channel.bounded(3)", () -> new OfChannel(Channel.bounded(3), 3)),
                Named.of("Channel.bounded(16)", () -> new OfChannel(Channel.bounded(16), 16)),
                Named.of("Channel.bounded(100)", () -> new OfChannel(Channel.bounded(100), 100)),
                Named.of("Channel.bounded(0)", () -> new OfChannel(Channel.bounded(0), 0)),
                Named.of("Channel.unbounded()",
                        () -> new OfChannel(Channel.unbounded(), UNBOUNDED)),
                Named.of("ArrayBlockingQueue(16)",
                        () -> new OfQueue(new ArrayBlockingQueue<>(16), 16)),
                Named.of("SynchronousQueue", () -> new OfQueue(new SynchronousQueue<>(), 0)),
                Named.of("LinkedBlockingQueue",
                        () -> new OfQueue(new LinkedBlockingQueue<>(), UNBOUNDED)));
    }

    /** The implementations that can be full: bounded ones and rendezvous. */
    static Stream<Named<Supplier<ChannelUnderTest>>> bounded() {
        return all().filter(named -> named.getPayload().get().capacity() != UNBOUNDED);
    }

    /** The implementations whose blocking forms ignore interrupts. */
    static Stream<Named<Supplier<ChannelUnderTest>>> uninterruptibles() {
        return all().filter(named -> named.getPayload().get().uninterruptible());
    }

    /** A {@link Channel}. */
    final class OfChannel implements ChannelUnderTest {
        final Channel<Integer> channel;
        private final int capacity;

        OfChannel(Channel<Integer> channel, int capacity) {
            this.channel = channel;
            this.capacity = capacity;
        }

        @Override
        public void send(Integer message) {
            channel.send(message);
        }

        @Override
        public void sendInterruptibly(Integer message) throws InterruptedException {
            channel.sendInterruptibly(message);
        }

        @Override
        public boolean trySend(Integer message) {
            return channel.trySend(message);
        }

        @Override
        public boolean trySend(Integer message, Duration timeout) throws InterruptedException {
            return channel.trySend(message, timeout);
        }

        @Override
        public Integer receive() {
            return channel.receive();
        }

        @Override
        public Integer receiveInterruptibly() throws InterruptedException {
            return channel.receiveInterruptibly();
        }

        @Override
        public @Nullable Integer tryReceive() {
            return channel.tryReceive();
        }

        @Override
        public @Nullable Integer tryReceive(Duration timeout) throws InterruptedException {
            return channel.tryReceive(timeout);
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public boolean uninterruptible() {
            return true;
        }
    }

    /** A {@link BlockingQueue} from {@code java.util.concurrent}, the reference. */
    final class OfQueue implements ChannelUnderTest {
        private final BlockingQueue<Integer> queue;
        private final int capacity;

        OfQueue(BlockingQueue<Integer> queue, int capacity) {
            this.queue = queue;
            this.capacity = capacity;
        }

        @Override
        public void send(Integer message) throws InterruptedException {
            queue.put(message);
        }

        @Override
        public void sendInterruptibly(Integer message) throws InterruptedException {
            queue.put(message);
        }

        @Override
        public boolean trySend(Integer message) {
            return queue.offer(message);
        }

        @Override
        public boolean trySend(Integer message, Duration timeout) throws InterruptedException {
            return queue.offer(message, nanos(timeout), TimeUnit.NANOSECONDS);
        }

        @Override
        public Integer receive() throws InterruptedException {
            return queue.take();
        }

        @Override
        public Integer receiveInterruptibly() throws InterruptedException {
            return queue.take();
        }

        @Override
        public @Nullable Integer tryReceive() {
            return queue.poll();
        }

        @Override
        public @Nullable Integer tryReceive(Duration timeout) throws InterruptedException {
            return queue.poll(nanos(timeout), TimeUnit.NANOSECONDS);
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public boolean uninterruptible() {
            return false;
        }

        /** The queues take a long count; this saturates where toNanos would throw. */
        private static long nanos(Duration timeout) {
            return TimeUnit.NANOSECONDS.convert(timeout);
        }
    }
}
