package dev.atomicslocks.stress.channels;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.channels.Channel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Chapter 5's channel, grown to many producers and consumers: each message is received
 * exactly once. Two threads each send a message (1 and 2) and then receive one, with the
 * blocking forms, so there are two producers and two consumers; the outcome is what each
 * received. Only {@code 1, 2} and {@code 2, 1} are allowed: a message received twice (and so
 * the other lost) shows as {@code 1, 1} or {@code 2, 2}. (jcstress runs no more actors than
 * the machine has CPUs, two here, so each actor plays both roles.)
 *
 * <p>The Java memory model: a sender claims its position with a compare-exchange of the tail
 * and a receiver its message with a compare-exchange of the head, so no two threads get one
 * position; the slot's stamp (or the message reference itself, in the unbounded channel) is
 * written with {@code RELEASE} after the message and read with {@code ACQUIRE} before it. A
 * capacity of 1 makes the second send wait for a receive, so the sleeping paths run too. On
 * the rendezvous channel a thread's own send cannot complete before its receive, so there one
 * thread receives first and then sends, and the only correct outcome is {@code 2, 1}.
 *
 * <p>Observed on this machine (an AMD EPYC, 2 vCPUs under KVM, Temurin 25.0.3, 2026-12-04):
 * in {@code -m sanity} every channel gave only {@code 1, 2} or {@code 2, 1}; in
 * {@code -m quick} the mutant received a message twice 250,098 times in 12,731,618 samples.
 * The four channel variants have not yet had a {@code -m quick} run.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch5_ChannelExactlyOnce
 * }</pre>
 */
public final class Ch5_ChannelExactlyOnce {

    private Ch5_ChannelExactlyOnce() {
    }

    /** The bounded ring with one slot: the second send waits for a receive. */
    @JCStressTest
    @Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE,
            desc = "each thread got a different message")
    @Outcome(expect = FORBIDDEN, desc = "a message was received twice and the other lost")
    @State
    public static class BoundedOne {
        private final Channel<Integer> channel = Channel.bounded(1);

        @Actor
        public void first(II_Result r) {
            channel.send(1);
            r.r1 = channel.receive();
        }

        @Actor
        public void second(II_Result r) {
            channel.send(2);
            r.r2 = channel.receive();
        }
    }

    /** The bounded ring with room for both messages. */
    @JCStressTest
    @Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE,
            desc = "each thread got a different message")
    @Outcome(expect = FORBIDDEN, desc = "a message was received twice and the other lost")
    @State
    public static class BoundedTwo {
        private final Channel<Integer> channel = Channel.bounded(2);

        @Actor
        public void first(II_Result r) {
            channel.send(1);
            r.r1 = channel.receive();
        }

        @Actor
        public void second(II_Result r) {
            channel.send(2);
            r.r2 = channel.receive();
        }
    }

    /** The unbounded channel of linked segments. */
    @JCStressTest
    @Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE,
            desc = "each thread got a different message")
    @Outcome(expect = FORBIDDEN, desc = "a message was received twice and the other lost")
    @State
    public static class Unbounded {
        private final Channel<Integer> channel = Channel.unbounded();

        @Actor
        public void first(II_Result r) {
            channel.send(1);
            r.r1 = channel.receive();
        }

        @Actor
        public void second(II_Result r) {
            channel.send(2);
            r.r2 = channel.receive();
        }
    }

    /** The rendezvous channel: every send waits for its receiver. */
    @JCStressTest
    @Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "each thread got the other's message")
    @Outcome(expect = FORBIDDEN, desc = "a message went twice or to the wrong thread")
    @State
    public static class Rendezvous {
        private final Channel<Integer> channel = Channel.bounded(0);

        @Actor
        public void first(II_Result r) {
            channel.send(1);
            r.r1 = channel.receive();
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = channel.receive();
            channel.send(2);
        }
    }

    /**
     * Broken: a queue whose consumers advance the head with a load and a separate store
     * instead of a compare-exchange. Two consumers can read the same head and take the same
     * message.
     */
    @JCStressTest
    @Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE,
            desc = "each thread got a different message")
    @Outcome(id = {"1, 1", "2, 2"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: a message was received twice")
    @Outcome(expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: a message was received twice or lost")
    @State
    public static class LoadThenStoreHeadMutant {
        private final AtomicReferenceArray<Integer> slots = new AtomicReferenceArray<>(2);
        private final AtomicInteger tail = new AtomicInteger();
        private final AtomicInteger head = new AtomicInteger();

        @Actor
        public void first(II_Result r) {
            slots.set(tail.getAndIncrement(), 1);
            r.r1 = receive();
        }

        @Actor
        public void second(II_Result r) {
            slots.set(tail.getAndIncrement(), 2);
            r.r2 = receive();
        }

        private int receive() {
            int position = head.get();
            head.set(position + 1);
            Integer message = slots.get(position);
            while (message == null) {
                Thread.onSpinWait();
                message = slots.get(position);
            }
            return message;
        }
    }
}
