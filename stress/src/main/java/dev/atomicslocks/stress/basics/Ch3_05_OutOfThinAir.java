package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicI32;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Book ch3-05: out-of-thin-air values, and load buffering beside them. In the book's program
 * each thread copies one variable into the other, both starting at 0, so no thread ever has
 * another value to write; a result of 42 would be a value justified only by itself. Load
 * buffering is the same shape with constants written: each thread reads one variable and then
 * writes 1 to the other, and both reads returning 1 means each load took its value from a
 * store that came after it in the other thread.
 *
 * <p>The Java memory model: its causality rules forbid values out of thin air for every kind of
 * access, plain ones included, so anything but {@code 0, 0} is forbidden in the copy test. Load
 * buffering ({@code 1, 1}) is allowed for opaque accesses and forbidden when the loads are
 * acquire (or the stores release). x86 never reorders a load with a later store, so it cannot
 * show load buffering at all: the relaxed variant is {@code OnWeakHardware} documentation.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code LoadBufferingAcquireRelease}: {@code 0, 0} 33,061,594, {@code 0, 1} 255,911,380,
 *       {@code 1, 0} 249,888,860.
 *   <li>{@code LoadBufferingRelaxedOnWeakHardware}: {@code 0, 0} 32,177,834,
 *       {@code 0, 1} 226,254,870, {@code 1, 0} 259,385,930.
 *   <li>{@code RelaxedCopy}: {@code 0, 0} 495,372,554.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_05_OutOfThinAir
 * }</pre>
 */
public final class Ch3_05_OutOfThinAir {

    private Ch3_05_OutOfThinAir() {
    }

    /** The book's program: each thread copies one relaxed variable into the other. */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "both threads copied the initial zero")
    @Outcome(expect = FORBIDDEN, desc = "a value appeared out of thin air")
    @State
    public static class RelaxedCopy {
        private final AtomicI32 x = new AtomicI32();
        private final AtomicI32 y = new AtomicI32();

        @Actor
        public void first(II_Result r) {
            int seen = x.load(RELAXED);
            y.store(seen, RELAXED);
            r.r1 = seen;
        }

        @Actor
        public void second(II_Result r) {
            int seen = y.load(RELAXED);
            x.store(seen, RELAXED);
            r.r2 = seen;
        }
    }

    /** Allowed but unseen on x86: relaxed loads may read stores that come after them. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING,
            desc = "weak hardware only: each load read the store that followed the other load")
    @Outcome(id = {"0, 0", "0, 1", "1, 0"}, expect = ACCEPTABLE,
            desc = "at least one load ran before the other thread's store")
    @State
    public static class LoadBufferingRelaxedOnWeakHardware {
        private final AtomicI32 x = new AtomicI32();
        private final AtomicI32 y = new AtomicI32();

        @Actor
        public void first(II_Result r) {
            r.r1 = x.load(RELAXED);
            y.store(1, RELAXED);
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = y.load(RELAXED);
            x.store(1, RELAXED);
        }
    }

    /** Correct: an acquire load stays before the release store that follows it. */
    @JCStressTest
    @Outcome(id = "1, 1", expect = FORBIDDEN,
            desc = "each load read the store that followed the other load")
    @Outcome(id = {"0, 0", "0, 1", "1, 0"}, expect = ACCEPTABLE,
            desc = "at least one load ran before the other thread's store")
    @State
    public static class LoadBufferingAcquireRelease {
        private final AtomicI32 x = new AtomicI32();
        private final AtomicI32 y = new AtomicI32();

        @Actor
        public void first(II_Result r) {
            // The acquire load pairs with the other thread's release store.
            r.r1 = x.load(ACQUIRE);
            y.store(1, RELEASE);
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = y.load(ACQUIRE);
            x.store(1, RELEASE);
        }
    }
}
