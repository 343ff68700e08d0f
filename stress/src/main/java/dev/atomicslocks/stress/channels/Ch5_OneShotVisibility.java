package dev.atomicslocks.stress.channels;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.channels.OneShot;
import dev.atomicslocks.channels.Received;
import dev.atomicslocks.channels.steps.BlockingOneShot;
import dev.atomicslocks.channels.steps.BorrowedOneShot;
import dev.atomicslocks.channels.steps.CheckedOneShot;
import dev.atomicslocks.channels.steps.SingleStateOneShot;
import dev.atomicslocks.channels.steps.TypedOneShot;
import dev.atomicslocks.channels.steps.UncheckedOneShot;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Chapter 5: a message sent on a one-shot channel reaches the receiver whole. The sender
 * creates a message whose three plain, non-final fields its constructor sets to 1, 2 and 3,
 * and sends it; the receiver, if the channel says the message is there, takes it and records
 * the fields. The outcome is {@code ready, a, b, c}: {@code 1, 1, 2, 3} (all of it) or
 * {@code 0, 0, 0, 0} (not there yet) are allowed, anything else is a message seen without
 * everything the sender wrote into it.
 *
 * <p>The Java memory model: every step publishes the message with a {@code RELEASE} store (or
 * a volatile compare-exchange) of its flag or state, which the receiver reads with
 * {@code ACQUIRE} before it reads the message; the constructor's writes happen before the
 * release, so a receiver that sees the flag set sees the fields. The steps that receive with a
 * blocking wait ({@code Blocking}, {@code PublicBlocking}) always see the message.
 *
 * <p>Observed on this machine (an AMD EPYC, 2 vCPUs under KVM, Temurin 25.0.3, 2026-12-04):
 * in {@code -m sanity} every step gave only {@code 1, 1, 2, 3} or {@code 0, 0, 0, 0}; in
 * {@code -m quick} the flag without the message showed 4,442 times in 21,041,624 samples
 * ({@code ReadBeforeReadyMutant}) and 385 times in 27,660,554 ({@code PlainFlagMutant}). The
 * steps have not yet had a {@code -m quick} run.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch5_OneShotVisibility
 * }</pre>
 */
public final class Ch5_OneShotVisibility {

    private Ch5_OneShotVisibility() {
    }

    /** Step 2: the unchecked one-shot, a plain slot and a release/acquire flag. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(expect = FORBIDDEN, desc = "the receiver saw the message without all its fields")
    @State
    public static class Unchecked {
        private final UncheckedOneShot<Message> channel = new UncheckedOneShot<>();

        @Actor
        public void sender() {
            channel.send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (channel.isReady()) {
                record(channel.receive(), r);
            }
        }
    }

    /** Step 3: runtime checks with two flags. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(expect = FORBIDDEN, desc = "the receiver saw the message without all its fields")
    @State
    public static class Checked {
        private final CheckedOneShot<Message> channel = new CheckedOneShot<>();

        @Actor
        public void sender() {
            channel.send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (channel.isReady()) {
                record(channel.receive(), r);
            }
        }
    }

    /** Step 3 again: one state atomic. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(expect = FORBIDDEN, desc = "the receiver saw the message without all its fields")
    @State
    public static class SingleState {
        private final SingleStateOneShot<Message> channel = new SingleStateOneShot<>();

        @Actor
        public void sender() {
            channel.send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (channel.isReady()) {
                record(channel.receive(), r);
            }
        }
    }

    /** Step 4: separate sender and receiver ends. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(expect = FORBIDDEN, desc = "the receiver saw the message without all its fields")
    @State
    public static class Typed {
        private final TypedOneShot.Ends<Message> ends = TypedOneShot.channel();

        @Actor
        public void sender() {
            ends.sender().send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (ends.receiver().isReady()) {
                record(ends.receiver().receive(), r);
            }
        }
    }

    /** Step 5: a channel split into its ends. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(expect = FORBIDDEN, desc = "the receiver saw the message without all its fields")
    @State
    public static class Borrowed {
        private final BorrowedOneShot.Ends<Message> ends = new BorrowedOneShot<Message>().split();

        @Actor
        public void sender() {
            ends.sender().send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (ends.receiver().isReady()) {
                record(ends.receiver().receive(), r);
            }
        }
    }

    /**
     * Step 6: the receiver parks until the sender wakes it. The receiver must split, so it
     * publishes the ends, and the sender waits for them before it sends.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(expect = FORBIDDEN,
            desc = "the receiver returned without the whole message")
    @State
    public static class Blocking {
        private final BlockingOneShot<Message> channel = new BlockingOneShot<>();
        private volatile BlockingOneShot.@Nullable Ends<Message> ends;

        @Actor
        public void sender() {
            BlockingOneShot.Ends<Message> split = ends;
            while (split == null) {
                Thread.onSpinWait();
                split = ends;
            }
            split.sender().send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            BlockingOneShot.Ends<Message> split = channel.split();
            ends = split;
            record(split.receiver().receive(), r);
        }
    }

    /** The public OneShot, received with its try form. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(expect = FORBIDDEN, desc = "the receiver saw the message without all its fields")
    @State
    public static class Public {
        private final OneShot<Message> channel = OneShot.create();

        @Actor
        public void sender() {
            channel.sender().send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (channel.receiver().tryReceive() instanceof Received.Message<Message>(var m)) {
                record(m, r);
            }
        }
    }

    /** The public OneShot, received with the blocking form, which may sleep. */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(expect = FORBIDDEN,
            desc = "the receiver returned without the whole message")
    @State
    public static class PublicBlocking {
        private final OneShot<Message> channel = OneShot.create();

        @Actor
        public void sender() {
            channel.sender().send(new Message());
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (channel.receiver().receive() instanceof Received.Message<Message>(var m)) {
                record(m, r);
            }
        }
    }

    /**
     * Broken: step 2 with the receiver reading the slot before it checks the flag. It can see
     * the flag set and still hold what the slot held before the send: no message at all.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(id = {"1, 0, 0, 0", "1, 1, 0, 0", "1, 0, 2, 0", "1, 0, 0, 3", "1, 1, 2, 0",
            "1, 1, 0, 3", "1, 0, 2, 3"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the receiver saw the flag without the message")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "mutant caught: the message was corrupted")
    @State
    public static class ReadBeforeReadyMutant {
        private @Nullable Message slot;
        private final AtomicBool ready = new AtomicBool(false);

        @Actor
        public void sender() {
            slot = new Message();
            ready.store(true, RELEASE);
        }

        @Actor
        public void receiver(IIII_Result r) {
            Message early = slot;
            if (ready.load(ACQUIRE)) {
                record(early, r);
            }
        }
    }

    /**
     * Broken: step 2 with a plain flag instead of an atomic one. Nothing orders the flag and
     * the message, and the JIT may read the message before the flag, even on x86.
     */
    @JCStressTest
    @Outcome(id = "1, 1, 2, 3", expect = ACCEPTABLE, desc = "the receiver saw the whole message")
    @Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
            desc = "the receiver looked before the message arrived")
    @Outcome(id = {"1, 0, 0, 0", "1, 1, 0, 0", "1, 0, 2, 0", "1, 0, 0, 3", "1, 1, 2, 0",
            "1, 1, 0, 3", "1, 0, 2, 3"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the receiver saw the flag without all of the message")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "mutant caught: the message was corrupted")
    @State
    public static class PlainFlagMutant {
        private @Nullable Message slot;
        private boolean ready;

        @Actor
        public void sender() {
            slot = new Message();
            ready = true;
        }

        @Actor
        public void receiver(IIII_Result r) {
            if (ready) {
                record(slot, r);
            }
        }
    }

    /** Records a received message: {@code 1, a, b, c}, or {@code 1, 0, 0, 0} for none. */
    static void record(@Nullable Message message, IIII_Result r) {
        r.r1 = 1;
        if (message != null) {
            r.r2 = message.a;
            r.r3 = message.b;
            r.r4 = message.c;
        }
    }

    /** A message with plain, non-final fields, set by its constructor. */
    static final class Message {
        int a;
        int b;
        int c;

        Message() {
            a = 1;
            b = 2;
            c = 3;
        }
    }
}
