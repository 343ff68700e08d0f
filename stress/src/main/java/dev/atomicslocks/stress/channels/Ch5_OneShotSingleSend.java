package dev.atomicslocks.stress.channels;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicRef;
import dev.atomicslocks.channels.OneShot;
import dev.atomicslocks.channels.Received;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 5: a one-shot sender sends once, also when two threads call {@code send} on it at
 * the same moment. Each actor sends its own number through the one sender and records 1 if
 * the send took its message, 0 if it was refused as a second use; the arbiter then records
 * the message the receiver gets. The outcome is {@code first, second, received}: exactly one
 * send wins and its message is the one received ({@code 1, 0, 1} or {@code 0, 1, 2}).
 *
 * <p>Why it holds: {@code OneShot}'s slot changes from empty to the message by one
 * compare-exchange, so only one of two racing sends finds it empty; the loser sees the
 * winner's message and throws. The mutant checks and then sets the slot in two steps, and
 * both sends can see it empty. This is the race that the one-shot's Lincheck test has not
 * been shown to catch.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch5_OneShotSingleSend
 * }</pre>
 *
 * <p>Observed on this machine (an AMD EPYC, 2 vCPUs under KVM, Temurin 25.0.3, 2026-12-04):
 * in {@code -m quick} {@code Public} gave only the two allowed outcomes, 16,095,128 and
 * 20,463,986 times; {@code MutantCheck} caught the mutant 27,247,581 times in 627,888,394
 * samples.
 */
public final class Ch5_OneShotSingleSend {

    private Ch5_OneShotSingleSend() {
    }

    /** The public one-shot. */
    @JCStressTest
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE,
            desc = "the first send won, the second was refused, the first message arrived")
    @Outcome(id = "0, 1, 2", expect = ACCEPTABLE,
            desc = "the second send won, the first was refused, the second message arrived")
    @Outcome(expect = FORBIDDEN, desc = "both sends or neither took a message")
    @State
    public static class Public {
        private final OneShot<Integer> channel = OneShot.create();
        private final OneShot.Sender<Integer> sender = channel.sender();

        @Actor
        public void first(III_Result r) {
            r.r1 = sendCounted(sender, 1);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = sendCounted(sender, 2);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            Received<Integer> received = channel.receiver().tryReceive();
            r.r3 = received instanceof Received.Message<Integer>(Integer value) ? value : 0;
        }
    }

    /** A one-shot slot that is checked and then set: two sends both find it empty. */
    @JCStressTest
    @Outcome(id = "1, 0, 1", expect = ACCEPTABLE,
            desc = "the first send won, the second was refused, the first message arrived")
    @Outcome(id = "0, 1, 2", expect = ACCEPTABLE,
            desc = "the second send won, the first was refused, the second message arrived")
    @Outcome(id = {"1, 1, 1", "1, 1, 2"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: both sends took their message and one of them was lost")
    @Outcome(expect = FORBIDDEN, desc = "neither send took a message")
    @State
    public static class CheckThenSetMutant {
        private final AtomicRef<Integer> slot = new AtomicRef<>();

        @Actor
        public void first(III_Result r) {
            r.r1 = send(1);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = send(2);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            Integer received = slot.load(ACQUIRE);
            r.r3 = received == null ? 0 : received;
        }

        private int send(int message) {
            if (slot.load(ACQUIRE) != null) {
                return 0;
            }
            slot.store(message, RELEASE);
            return 1;
        }
    }

    /** 1 if the send took the message, 0 if it was refused as a second use of the sender. */
    private static int sendCounted(OneShot.Sender<Integer> sender, int message) {
        try {
            return sender.send(message) ? 1 : 0;
        } catch (IllegalStateException secondUse) {
            return 0;
        }
    }
}
