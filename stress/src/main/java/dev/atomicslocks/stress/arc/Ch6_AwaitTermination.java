package dev.atomicslocks.stress.arc;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.arc.Arc;
import dev.atomicslocks.arc.Weak;
import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Arc's waiting: a thread waiting for the last strong handle, or for the drop, always
 * finishes once the other handle is closed. The waiter waits; the signal closes the handle
 * it waits for. A wake-up lost between the waiter's check and its sleep leaves it asleep for
 * ever, which jcstress reports as {@code STALE}.
 *
 * <p>The waiter spins for a random time of up to {@value #MAX_DELAY_NANOS} ns before it starts
 * waiting, so that the close lands before the wait, during it, or after the waiter fell
 * asleep. The mutant spins between its check and its announcement instead, where its bug is.
 *
 * <p>The Java memory model: the waiter announces itself with a compare-exchange from the word
 * it checked and sleeps only while the word still holds that value; a close that reaches the
 * goal either comes first (the compare-exchange fails and the waiter re-checks) or sees the
 * announcement and wakes it. The mutant announces with a blind fetchOr and sleeps on the
 * result without re-checking, so a close between its check and its fetchOr, which saw no
 * waiter and woke nobody, leaves it asleep on a word that already says "done".
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), summed over jcstress's configurations:
 * <ul>
 *   <li>{@code LastStrong}: {@code TERMINATED} 4,806.
 *   <li>{@code Dropped}: {@code TERMINATED} 5,084.
 *   <li>{@code BlindAnnounceMutant}: {@code STALE} 8, {@code TERMINATED} 2 (a run ends at its
 *       first {@code STALE}, since the stuck thread cannot be recovered).
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch6_AwaitTermination
 * }</pre>
 */
public final class Ch6_AwaitTermination {

    /** The longest random spin; about twice jcstress's polling interval. */
    static final long MAX_DELAY_NANOS = 2_000_000;

    private Ch6_AwaitTermination() {
    }

    /** Broken: announces itself with a blind fetchOr and sleeps on the result unchecked. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the close came between the check and the announcement")
    @State
    public static class BlindAnnounceMutant {
        private static final int WAITERS = 1 << 31;
        private final AtomicU32 strong = new AtomicU32(2);

        @Actor
        public void waiter() {
            while ((strong.load(ACQUIRE) & ~WAITERS) != 1) {
                spinRandomly();
                int announced = strong.fetchOr(WAITERS, RELAXED) | WAITERS;
                AtomicWait.wait(strong, announced);
            }
        }

        @Signal
        public void close() {
            int previous = strong.fetchSub(1, RELEASE);
            if ((previous & WAITERS) != 0) {
                strong.fetchAnd(~WAITERS, RELAXED);
                AtomicWait.wakeAll(strong);
            }
        }
    }

    /** Arc.awaitLastStrong, woken by the close of the only other strong handle. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class LastStrong {
        private final Arc<String> mine = Arc.of("v");
        private final Arc<String> other = mine.clone();

        @Actor
        public void waiter() {
            spinRandomly();
            mine.awaitLastStrong();
        }

        @Signal
        public void close() {
            other.close();
        }
    }

    /** Weak.awaitDrop, woken by the close of the last strong handle. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Dropped {
        private final Arc<String> last = Arc.of("v");
        private final Weak<String> weak = last.downgrade();

        @Actor
        public void waiter() {
            spinRandomly();
            weak.awaitDrop();
        }

        @Signal
        public void close() {
            last.close();
        }
    }

    static void spinRandomly() {
        long end = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
