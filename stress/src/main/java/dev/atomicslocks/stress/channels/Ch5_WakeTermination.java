package dev.atomicslocks.stress.channels;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.channels.Channel;
import dev.atomicslocks.channels.ChannelClosedException;
import dev.atomicslocks.channels.OneShot;
import dev.atomicslocks.oswait.AtomicWait;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Chapter 5: a thread waiting on a channel always finishes once another thread gives it what
 * it waits for. The actor waits (a receive on an empty channel, a send on a full one, a
 * one-shot receive), and the signal sends, receives or closes. A wake-up lost between the
 * waiter's last look and its going to sleep leaves it asleep for ever, which jcstress reports
 * as {@code STALE}.
 *
 * <p>The waiter spins for a random time of up to {@value #MAX_DELAY_NANOS} ns before it calls
 * the channel, so that the signal lands anywhere on its path: before the call, during the
 * channel's own spin, between its last look and its sleep, and while it sleeps.
 *
 * <p>The Java memory model: the channels' sleeping protocols announce the sleeper with a
 * volatile write and then look once more with a volatile read, and the waking side writes
 * with a volatile compare-exchange and then reads the announcement, so one of the two sees
 * the other; {@code os-wait} makes the final check and the sleep atomic. {@code STALE} is
 * forbidden.
 *
 * <p>Observed on this machine (an AMD EPYC, 2 vCPUs under KVM, Temurin 25.0.3, 2026-12-04):
 * in {@code -m sanity} every variant terminated; in {@code -m quick} the mutant went
 * {@code STALE} in 4 of 5 samples. The correct variants have not yet had a {@code -m quick}
 * run.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch5_WakeTermination
 * }</pre>
 */
public final class Ch5_WakeTermination {

    /** The longest random spin before the call; about twice jcstress's polling interval. */
    static final long MAX_DELAY_NANOS = 2_000_000;

    private Ch5_WakeTermination() {
    }

    /** A receive on an empty bounded channel, woken by a send. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver got the message")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class BoundedReceive {
        private final Channel<Integer> channel = Channel.bounded(4);

        @Actor
        public void receiver() {
            randomDelay();
            channel.receive();
        }

        @Signal
        public void sender() {
            channel.send(1);
        }
    }

    /** A send on a full bounded channel, woken by a receive. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the sender found room")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class BoundedSendWhenFull {
        private final Channel<Integer> channel = Channel.bounded(1);

        public BoundedSendWhenFull() {
            channel.send(0);
        }

        @Actor
        public void sender() {
            randomDelay();
            channel.send(1);
        }

        @Signal
        public void receiver() {
            channel.receive();
        }
    }

    /** A receive on an empty unbounded channel, woken by a send. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver got the message")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class UnboundedReceive {
        private final Channel<Integer> channel = Channel.unbounded();

        @Actor
        public void receiver() {
            randomDelay();
            channel.receive();
        }

        @Signal
        public void sender() {
            channel.send(1);
        }
    }

    /** A receive on a rendezvous channel, woken by the sender it meets. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver got the message")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class RendezvousReceive {
        private final Channel<Integer> channel = Channel.bounded(0);

        @Actor
        public void receiver() {
            randomDelay();
            channel.receive();
        }

        @Signal
        public void sender() {
            // The receiver may not be waiting yet: retry until it is.
            while (!channel.trySend(1)) {
                Thread.onSpinWait();
            }
        }
    }

    /** A receive on an empty channel, woken by its close. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver saw the close")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class CloseWakesReceiver {
        private final Channel<Integer> channel = Channel.bounded(4);

        @Actor
        public void receiver() {
            randomDelay();
            try {
                channel.receive();
            } catch (ChannelClosedException expected) {
                return;
            }
            throw new AssertionError("received from a channel nobody sent on");
        }

        @Signal
        public void closer() {
            channel.close();
        }
    }

    /** A OneShot receive, woken by the send. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver got the message")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class OneShotReceive {
        private final OneShot<Integer> channel = OneShot.create();

        @Actor
        public void receiver() {
            randomDelay();
            channel.receiver().receive();
        }

        @Signal
        public void sender() {
            channel.sender().send(1);
        }
    }

    /** A OneShot receive, woken by the sender's close without a message. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver saw the close")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class OneShotSenderClose {
        private final OneShot<Integer> channel = OneShot.create();

        @Actor
        public void receiver() {
            randomDelay();
            channel.receiver().receive();
        }

        @Signal
        public void closer() {
            channel.sender().close();
        }
    }

    /**
     * Broken: a hand-made channel whose receiver looks for the message and only afterwards
     * announces itself and reads the word it sleeps on, without looking again. A send that
     * lands in between sees no sleeper, wakes nobody, and the receiver sleeps for ever.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the receiver got the message")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the wake-up was lost")
    @State
    public static class LookThenAnnounceMutant {
        private volatile @Nullable Integer slot;
        private final AtomicInteger sleepers = new AtomicInteger();
        private final AtomicU32 event = new AtomicU32();

        @Actor
        public void receiver() {
            while (slot == null) {
                randomDelay();
                sleepers.incrementAndGet();
                AtomicWait.wait(event, event.load(ACQUIRE));
                sleepers.decrementAndGet();
            }
        }

        @Signal
        public void sender() {
            slot = 1;
            if (sleepers.get() != 0) {
                event.fetchAdd(1, RELEASE);
                AtomicWait.wakeOne(event);
            }
        }
    }

    /** Spins for a random time of up to {@link #MAX_DELAY_NANOS}. */
    static void randomDelay() {
        long end = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
