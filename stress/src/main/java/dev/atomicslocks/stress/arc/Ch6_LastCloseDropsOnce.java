package dev.atomicslocks.stress.arc;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.arc.Arc;
import dev.atomicslocks.arc.steps.BasicArc;
import dev.atomicslocks.arc.steps.OptimizedArc;
import dev.atomicslocks.arc.steps.WeakArc;
import dev.atomicslocks.basics.AtomicU32;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 6: two threads close the last two handles of a value at once, and the drop runs
 * exactly once and sees what both threads wrote to the value before closing. Each thread
 * writes its own plain field of the value and closes its handle; the drop records how many
 * times it ran and the two fields it saw. The outcome is {@code drops, first seen, second
 * seen}; only {@code 1, 1, 1} is allowed.
 *
 * <p>The Java memory model: each close is a RELEASE decrement of one counter, and the one that
 * takes it from 1 to 0 (a read-modify-write, so exactly one thread sees 1) fences with ACQUIRE
 * before the drop, which therefore happens after both writes. A close that decrements and
 * then reads the counter again in a separate load lets both threads read 0 and both drop.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code Basic}: {@code 1, 1, 1} 103,940,628.
 *   <li>{@code WithWeak}: {@code 1, 1, 1} 102,281,748.
 *   <li>{@code Optimized}: {@code 1, 1, 1} 170,684,948.
 *   <li>{@code Public}: {@code 1, 1, 1} 97,038,868.
 *   <li>{@code CheckAfterDecrementMutant}: {@code 1, 1, 1} 150,516,624,
 *       {@code 2, 1, 1} 17,351,832.
 * </ul>
 * A drop that missed a write (ACQUIRE fence left out) cannot show on x86, whose loads are
 * not reordered with each other; the outcome stays forbidden for weaker hardware.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch6_LastCloseDropsOnce
 * }</pre>
 */
public final class Ch6_LastCloseDropsOnce {

    private Ch6_LastCloseDropsOnce() {
    }

    /** The value: one plain field per thread, and what the drop saw. */
    static final class Payload implements AutoCloseable {
        int first;
        int second;
        final AtomicInteger drops = new AtomicInteger();
        int firstSeen;
        int secondSeen;

        @Override
        public void close() {
            firstSeen = first;
            secondSeen = second;
            drops.incrementAndGet();
        }

        void record(III_Result r) {
            r.r1 = drops.get();
            r.r2 = firstSeen;
            r.r3 = secondSeen;
        }
    }

    /** Broken: decrements, then reads the counter again to decide; both threads may drop. */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "one drop, which saw both threads' writes")
    @Outcome(id = "2, 1, 1", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: both threads saw the count at 0 and dropped the value")
    @Outcome(expect = FORBIDDEN, desc = "no drop, or a drop that missed a write")
    @State
    public static class CheckAfterDecrementMutant {
        private final Payload value = new Payload();
        private final AtomicU32 count = new AtomicU32(2);

        @Actor
        public void first() {
            value.first = 1;
            close();
        }

        @Actor
        public void second() {
            value.second = 1;
            close();
        }

        @Arbiter
        public void after(III_Result r) {
            value.record(r);
        }

        private void close() {
            count.fetchSub(1, RELEASE);
            if (count.load(ACQUIRE) == 0) {
                value.close();
            }
        }
    }

    /** Step 1: one count. */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "one drop, which saw both threads' writes")
    @Outcome(expect = FORBIDDEN, desc = "no drop, two drops, or a drop that missed a write")
    @State
    public static class Basic {
        private final Payload value = new Payload();
        private final BasicArc<Payload> firstHandle = new BasicArc<>(value);
        private final BasicArc<Payload> secondHandle = firstHandle.clone();

        @Actor
        public void first() {
            firstHandle.get().first = 1;
            firstHandle.close();
        }

        @Actor
        public void second() {
            secondHandle.get().second = 1;
            secondHandle.close();
        }

        @Arbiter
        public void after(III_Result r) {
            value.record(r);
        }
    }

    /** Step 2: two counts, a weak handle open throughout. */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "one drop, which saw both threads' writes")
    @Outcome(expect = FORBIDDEN, desc = "no drop, two drops, or a drop that missed a write")
    @State
    public static class WithWeak {
        private final Payload value = new Payload();
        private final WeakArc<Payload> firstHandle = new WeakArc<>(value);
        private final WeakArc<Payload> secondHandle = firstHandle.clone();
        private final WeakArc.Weak<Payload> weak = firstHandle.downgrade();

        @Actor
        public void first() {
            firstHandle.get().first = 1;
            firstHandle.close();
        }

        @Actor
        public void second() {
            secondHandle.get().second = 1;
            secondHandle.close();
        }

        @Arbiter
        public void after(III_Result r) {
            weak.close();
            value.record(r);
        }
    }

    /** Step 3: one implicit weak count, a weak handle open throughout. */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "one drop, which saw both threads' writes")
    @Outcome(expect = FORBIDDEN, desc = "no drop, two drops, or a drop that missed a write")
    @State
    public static class Optimized {
        private final Payload value = new Payload();
        private final OptimizedArc<Payload> firstHandle = new OptimizedArc<>(value);
        private final OptimizedArc<Payload> secondHandle = firstHandle.clone();
        private final OptimizedArc.Weak<Payload> weak = firstHandle.downgrade();

        @Actor
        public void first() {
            firstHandle.get().first = 1;
            firstHandle.close();
        }

        @Actor
        public void second() {
            secondHandle.get().second = 1;
            secondHandle.close();
        }

        @Arbiter
        public void after(III_Result r) {
            weak.close();
            value.record(r);
        }
    }

    /** The public Arc, a weak handle open throughout. */
    @JCStressTest
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
            desc = "one drop, which saw both threads' writes")
    @Outcome(expect = FORBIDDEN, desc = "no drop, two drops, or a drop that missed a write")
    @State
    public static class Public {
        private final Payload value = new Payload();
        private final Arc<Payload> firstHandle = Arc.of(value);
        private final Arc<Payload> secondHandle = firstHandle.clone();
        private final dev.atomicslocks.arc.Weak<Payload> weak = firstHandle.downgrade();

        @Actor
        public void first() {
            firstHandle.get().first = 1;
            firstHandle.close();
        }

        @Actor
        public void second() {
            secondHandle.get().second = 1;
            secondHandle.close();
        }

        @Arbiter
        public void after(III_Result r) {
            weak.close();
            value.record(r);
        }
    }
}
