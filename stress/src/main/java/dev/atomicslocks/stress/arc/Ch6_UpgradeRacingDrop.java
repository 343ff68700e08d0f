package dev.atomicslocks.stress.arc;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.arc.Arc;
import dev.atomicslocks.arc.Weak;
import dev.atomicslocks.arc.steps.OptimizedArc;
import dev.atomicslocks.arc.steps.WeakArc;
import dev.atomicslocks.basics.AtomicU32;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 6: an upgrade that races with the close of the last strong handle never returns a
 * dropped value. One thread closes the only strong handle; the other upgrades a weak handle
 * and, if it got a strong one, reads whether the value was dropped and closes it. The outcome
 * is {@code upgraded, saw it dropped, drops}: {@code 0, 0, 1} (the upgrade came too late) and
 * {@code 1, 0, 1} (it came in time, and the later of the two closes dropped the value) are
 * allowed; an upgraded dropped value, or a second drop, is forbidden.
 *
 * <p>The Java memory model: the upgrade is a compare-exchange that refuses a count of 0, and
 * the close is a decrement of the same counter, so one of them comes first in its
 * modification order: either the close sees 2 and leaves the drop to the upgraded handle, or
 * the upgrade sees 0. An upgrade that checks the count with a load and then increments it
 * separately can see 1, let the close drop the value, and revive it.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code WithWeak}: {@code 0, 0, 1} 69,204,624, {@code 1, 0, 1} 16,549,764.
 *   <li>{@code Optimized}: {@code 0, 0, 1} 67,877,194, {@code 1, 0, 1} 60,291,274.
 *   <li>{@code Public}: {@code 0, 0, 1} 50,757,746, {@code 1, 0, 1} 48,066,626.
 *   <li>{@code LoadThenIncrementMutant}: {@code 0, 0, 1} 79,760,122,
 *       {@code 1, 0, 1} 33,544,114, {@code 1, 1, 2} 2,336,246, {@code 1, 0, 2} 415,492.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch6_UpgradeRacingDrop
 * }</pre>
 */
public final class Ch6_UpgradeRacingDrop {

    private Ch6_UpgradeRacingDrop() {
    }

    /** The value: whether it was dropped, and how often. */
    static final class Payload implements AutoCloseable {
        volatile boolean dropped;
        final AtomicInteger drops = new AtomicInteger();

        @Override
        public void close() {
            dropped = true;
            drops.incrementAndGet();
        }
    }

    /** Broken: an upgrade that loads the count, then increments it in a second step. */
    @JCStressTest
    @Outcome(id = {"0, 0, 1", "1, 0, 1"}, expect = ACCEPTABLE,
            desc = "the upgrade failed after the drop, or won and dropped once later")
    @Outcome(id = {"1, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the upgrade revived a dropped value, which was dropped again")
    @Outcome(expect = FORBIDDEN, desc = "another combination")
    @State
    public static class LoadThenIncrementMutant {
        private final Payload value = new Payload();
        private final AtomicU32 strong = new AtomicU32(1);

        @Actor
        public void closer() {
            close();
        }

        @Actor
        public void upgrader(III_Result r) {
            if (strong.load(RELAXED) == 0) {
                return;
            }
            strong.fetchAdd(1, RELAXED);
            r.r1 = 1;
            r.r2 = value.dropped ? 1 : 0;
            close();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = value.drops.get();
        }

        private void close() {
            if (strong.fetchSub(1, RELEASE) == 1) {
                VarHandle.acquireFence();
                value.close();
            }
        }
    }

    /** Step 2. */
    @JCStressTest
    @Outcome(id = {"0, 0, 1", "1, 0, 1"}, expect = ACCEPTABLE,
            desc = "the upgrade failed after the drop, or won and dropped once later")
    @Outcome(expect = FORBIDDEN, desc = "an upgraded dropped value, or not exactly one drop")
    @State
    public static class WithWeak {
        private final Payload value = new Payload();
        private final WeakArc<Payload> last = new WeakArc<>(value);
        private final WeakArc.Weak<Payload> weak = last.downgrade();

        @Actor
        public void closer() {
            last.close();
        }

        @Actor
        public void upgrader(III_Result r) {
            WeakArc<Payload> upgraded = weak.upgrade();
            if (upgraded != null) {
                r.r1 = 1;
                r.r2 = upgraded.get().dropped ? 1 : 0;
                upgraded.close();
            }
        }

        @Arbiter
        public void after(III_Result r) {
            weak.close();
            r.r3 = value.drops.get();
        }
    }

    /** Step 3. */
    @JCStressTest
    @Outcome(id = {"0, 0, 1", "1, 0, 1"}, expect = ACCEPTABLE,
            desc = "the upgrade failed after the drop, or won and dropped once later")
    @Outcome(expect = FORBIDDEN, desc = "an upgraded dropped value, or not exactly one drop")
    @State
    public static class Optimized {
        private final Payload value = new Payload();
        private final OptimizedArc<Payload> last = new OptimizedArc<>(value);
        private final OptimizedArc.Weak<Payload> weak = last.downgrade();

        @Actor
        public void closer() {
            last.close();
        }

        @Actor
        public void upgrader(III_Result r) {
            OptimizedArc<Payload> upgraded = weak.upgrade();
            if (upgraded != null) {
                r.r1 = 1;
                r.r2 = upgraded.get().dropped ? 1 : 0;
                upgraded.close();
            }
        }

        @Arbiter
        public void after(III_Result r) {
            weak.close();
            r.r3 = value.drops.get();
        }
    }

    /** The public Arc and Weak. */
    @JCStressTest
    @Outcome(id = {"0, 0, 1", "1, 0, 1"}, expect = ACCEPTABLE,
            desc = "the upgrade failed after the drop, or won and dropped once later")
    @Outcome(expect = FORBIDDEN, desc = "an upgraded dropped value, or not exactly one drop")
    @State
    public static class Public {
        private final Payload value = new Payload();
        private final Arc<Payload> last = Arc.of(value);
        private final Weak<Payload> weak = last.downgrade();

        @Actor
        public void closer() {
            last.close();
        }

        @Actor
        public void upgrader(III_Result r) {
            Arc<Payload> upgraded = weak.upgrade();
            if (upgraded != null) {
                r.r1 = 1;
                r.r2 = upgraded.get().dropped ? 1 : 0;
                upgraded.close();
            }
        }

        @Arbiter
        public void after(III_Result r) {
            weak.close();
            r.r3 = value.drops.get();
        }
    }
}
