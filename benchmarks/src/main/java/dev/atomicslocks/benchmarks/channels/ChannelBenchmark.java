package dev.atomicslocks.benchmarks.channels;

import dev.atomicslocks.channels.Channel;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * How fast does a channel move messages from producers to consumers, one to one and two to
 * two, bounded to 1024 and unbounded, against {@code ArrayBlockingQueue},
 * {@code LinkedBlockingQueue} and {@code LinkedTransferQueue} in the same run?
 *
 * <p>Each group runs producers that send and consumers that receive one shared message object
 * as fast as they can, blocking when full or empty. The score of a {@code receive} method is
 * the time per message it takes, so with one consumer it is the time per message through the
 * channel, and with two it is twice that. {@code queue} picks the implementation:
 * <ul>
 *   <li>{@code channel_bounded}: {@code Channel.bounded(1024)}.
 *   <li>{@code arrayBlockingQueue}: {@code new ArrayBlockingQueue<>(1024)}.
 *   <li>{@code linkedBlockingQueue_bounded}: {@code new LinkedBlockingQueue<>(1024)}.
 *   <li>{@code channel_unbounded}: {@code Channel.unbounded()}.
 *   <li>{@code linkedBlockingQueue}: {@code new LinkedBlockingQueue<>()}.
 *   <li>{@code linkedTransferQueue}: {@code new LinkedTransferQueue<>()}.
 * </ul>
 *
 * <p>Fairness. Every implementation is driven through its timed forms with a
 * {@value #TIMEOUT_MILLIS} ms timeout ({@code trySend}/{@code tryReceive(Duration)},
 * {@code offer}/{@code poll} with a timeout), so that a thread blocked at the end of an
 * iteration notices that the others have stopped; the timeout is only reached then. So that an
 * unbounded queue measures its throughput and not the garbage collector, producers stay at most
 * {@value #MAX_BACKLOG} messages ahead of the consumers: both sides count in batches of
 * {@value #BATCH} (one atomic add per batch), and a producer that is too far ahead spins until
 * the consumers catch up. The limit is far above the bounded queues' capacity, so it never
 * holds them back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ChannelBenchmark {

    /** The capacity of every bounded implementation. */
    static final int CAPACITY = 1024;
    /** How long a blocked send or receive waits before it checks whether the run ended. */
    static final int TIMEOUT_MILLIS = 10;
    static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);
    /** Messages counted at once by each side; a power of two. Chosen, not tuned. */
    static final int BATCH = 1024;
    /** How far producers may run ahead of consumers. Chosen, not tuned. */
    static final long MAX_BACKLOG = 8 * 1024;

    /** One producer, one consumer. */
    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public boolean oneToOne_send(Pipe pipe, Counter produced, Control control)
            throws InterruptedException {
        return send(pipe, produced, control);
    }

    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public @Nullable Integer oneToOne_receive(Pipe pipe, Counter consumed, Control control)
            throws InterruptedException {
        return receive(pipe, consumed, control);
    }

    /** Two producers, two consumers. */
    @Benchmark
    @Group("twoToTwo")
    @GroupThreads(2)
    public boolean twoToTwo_send(Pipe pipe, Counter produced, Control control)
            throws InterruptedException {
        return send(pipe, produced, control);
    }

    @Benchmark
    @Group("twoToTwo")
    @GroupThreads(2)
    public @Nullable Integer twoToTwo_receive(Pipe pipe, Counter consumed, Control control)
            throws InterruptedException {
        return receive(pipe, consumed, control);
    }

    private static boolean send(Pipe pipe, Counter produced, Control control)
            throws InterruptedException {
        if (++produced.count == BATCH) {
            produced.count = 0;
            long sent = pipe.sent.addAndGet(BATCH);
            while (sent - pipe.received.get() > MAX_BACKLOG && !control.stopMeasurement) {
                Thread.onSpinWait();
            }
        }
        while (!pipe.queue.send(pipe.message)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Integer receive(Pipe pipe, Counter consumed, Control control)
            throws InterruptedException {
        Integer message = pipe.queue.receive();
        while (message == null) {
            if (control.stopMeasurement) {
                return null;
            }
            message = pipe.queue.receive();
        }
        if (++consumed.count == BATCH) {
            consumed.count = 0;
            pipe.received.addAndGet(BATCH);
        }
        return message;
    }

    /** The queue under test, shared by the group, and the batch counts of both sides. */
    @State(Scope.Group)
    public static class Pipe {
        @Param({"channel_bounded", "arrayBlockingQueue", "linkedBlockingQueue_bounded",
                "channel_unbounded", "linkedBlockingQueue", "linkedTransferQueue"})
        public String queueKind = "channel_bounded";

        TimedQueue queue = new OfChannel(Channel.bounded(CAPACITY));
        /** The one message object every send sends; a field, so that nothing folds it. */
        Integer message = 42;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();

        @Setup(Level.Trial)
        public void create() {
            queue = switch (queueKind) {
                case "channel_bounded" -> new OfChannel(Channel.bounded(CAPACITY));
                case "arrayBlockingQueue" -> new OfQueue(new ArrayBlockingQueue<>(CAPACITY));
                case "linkedBlockingQueue_bounded" ->
                        new OfQueue(new LinkedBlockingQueue<>(CAPACITY));
                case "channel_unbounded" -> new OfChannel(Channel.unbounded());
                case "linkedBlockingQueue" -> new OfQueue(new LinkedBlockingQueue<>());
                case "linkedTransferQueue" -> new OfQueue(new LinkedTransferQueue<>());
                default -> throw new IllegalArgumentException("unknown queue " + queueKind);
            };
        }
    }

    /** A thread's count of messages since its last batch. */
    @State(Scope.Thread)
    public static class Counter {
        int count;
    }

    /** A send and a receive that each wait at most {@link #TIMEOUT}. */
    interface TimedQueue {
        boolean send(Integer message) throws InterruptedException;

        @Nullable Integer receive() throws InterruptedException;
    }

    /** A {@link Channel}. */
    static final class OfChannel implements TimedQueue {
        private final Channel<Integer> channel;

        OfChannel(Channel<Integer> channel) {
            this.channel = channel;
        }

        @Override
        public boolean send(Integer message) throws InterruptedException {
            return channel.trySend(message, TIMEOUT);
        }

        @Override
        public @Nullable Integer receive() throws InterruptedException {
            return channel.tryReceive(TIMEOUT);
        }
    }

    /** A {@link BlockingQueue}. */
    static final class OfQueue implements TimedQueue {
        private final BlockingQueue<Integer> queue;

        OfQueue(BlockingQueue<Integer> queue) {
            this.queue = queue;
        }

        @Override
        public boolean send(Integer message) throws InterruptedException {
            return queue.offer(message, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public @Nullable Integer receive() throws InterruptedException {
            return queue.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
